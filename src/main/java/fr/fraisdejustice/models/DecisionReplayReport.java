package fr.fraisdejustice.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a candidate table would have changed over the past evaluations of its decision: how many were re-evaluated,
 * changed or not, how many could not be replayed (and why), a sample of the changes, and the counts of each output
 * value before and after.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DecisionReplayReport(String decisionKey, int evaluated, int changed, int unchanged, int notReplayable,
                            String notReplayableReason, long millis, List<Change> changes,
                            Map<String, Map<String, Long>> countsBefore, Map<String, Map<String, Long>> countsAfter) {

    /** One past evaluation whose outcome the candidate changes: its inputs (by variable), before, after. */
    record Change(Instant evaluatedAt, Map<String, Object> inputs, Map<String, Object> before, Map<String, Object> after) {
    }

    static DecisionReplayReport notReplayable(String key, int found, String reason, long millis) {
        return new DecisionReplayReport(key, 0, 0, 0, found, reason, millis, List.of(), Map.of(), Map.of());
    }
}
