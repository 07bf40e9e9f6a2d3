package fr.fraisdejustice.workflow;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history: Camunda's {@code audit} level (instances, activities, variables' last values, tasks) plus every
 * decision evaluation with its inputs and outputs, which the analysts' replay and rule hit counts read. {@code full}
 * would also keep every variable update and form field, which nobody reads and every step would pay for.
 */
final class AuditAndDecisionsHistoryLevel implements HistoryLevel {

    static final String NAME = "audit-decisions";
    /** Stored in ACT_GE_PROPERTY (historyLevel), which the engine checks at start: Flyway V34 moves audit (2) to it. */
    static final int ID = 20;

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType == HistoryEventTypes.DMN_DECISION_EVALUATE
                || HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity);
    }
}
