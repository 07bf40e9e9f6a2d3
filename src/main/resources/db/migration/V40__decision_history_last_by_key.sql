-- Issue #19: the replay and the rule hit counts read the LAST evaluations of one decision (newest first): one index
-- walks them in that order instead of sorting every evaluation of the key.
create index if not exists FDJ_IDX_HI_DEC_INST_KEY_TIME on ACT_HI_DECINST (DEC_DEF_KEY_, EVAL_TIME_ desc);
