-- The engine now records decision evaluations (workflow/AuditAndDecisionsHistoryLevel, id 20). It checks at start that
-- the level it runs at is the stored one: a database started at audit (2) moves to the new level. A fresh database has
-- no row yet (the engine writes it at its first start).
update ACT_GE_PROPERTY set VALUE_ = '20', REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ = '2';
