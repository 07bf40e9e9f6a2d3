package fr.fraisdejustice.models;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.variable.Variables;

import fr.fraisdejustice.support.TestClock;

/**
 * Real evaluations of {@code memoire-track} through the engine's DecisionService (so the decision history records them),
 * dated just after every evaluation already in the shared test database: they are the last N the replay reads.
 */
final class DecisionReplaySeed {

    static final String TRACK = "memoire-track";

    /** One seeded case: amount TTC, late, all lines tariffed. */
    record Case(BigDecimal amount, boolean late, boolean allTariffed) {

        /** Its track under a threshold: late → taxation, tariffed → certification, else below the threshold. */
        String track(int threshold) {
            if (late) {
                return "TAXATION";
            }
            if (allTariffed) {
                return "CERTIFICATION";
            }
            return amount.compareTo(BigDecimal.valueOf(threshold)) < 0 ? "CERTIFICATION" : "TAXATION";
        }
    }

    private DecisionReplaySeed() {
    }

    /** Amounts from 1 000 € by steps of 5 €, one in seven late, one in five all tariffed. */
    static List<Case> cases(int count) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(new Case(BigDecimal.valueOf(1000 + 5L * (i % 200)), i % 7 == 3, i % 5 == 1));
        }
        return cases;
    }

    static void evaluate(DecisionService decisions, HistoryService history, TestClock clock, List<Case> cases) {
        List<HistoricDecisionInstance> newest = history.createHistoricDecisionInstanceQuery()
                .orderByEvaluationTime().desc().listPage(0, 1);
        Instant after = newest.isEmpty() ? Instant.now() : newest.get(0).getEvaluationTime().toInstant();
        clock.set((after.isAfter(Instant.now()) ? after : Instant.now()).plus(Duration.ofMinutes(1)));
        try {
            for (Case c : cases) {
                decisions.evaluateDecisionByKey(TRACK).variables(Variables.createVariables()
                        .putValue("late", c.late())
                        .putValue("allTariffed", c.allTariffed())
                        .putValue("amountInclVat", c.amount().doubleValue())).evaluate();
            }
        } finally {
            clock.reset();
        }
    }
}
