package fr.fraisdejustice.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The past evaluations of a decision, newest first, as the replay and the rule hit counts read them from the decision
 * history (the engine's ACT_HI_DECINST, ACT_HI_DEC_IN, ACT_HI_DEC_OUT). Read with three SQL queries in one snapshot:
 * the engine's query API maps each row through MyBatis and typed-value serializers, which took most of the 10 s budget
 * for 10 000 evaluations. Only the simple value types are decoded (what tables read and give); any other is reported as
 * unreadable rather than guessed.
 */
@Component
class DecisionReplayHistory {

    /** A recorded value this reader does not decode (an object, JSON, bytes…). */
    record Unreadable(String type) {
    }

    /**
     * One past evaluation. Inputs by clause id (mapped to variables by the version that ran), outputs as results (one map
     * per matched rule, in the rules' order), and the ids of the rules that matched.
     */
    record Past(Instant evaluatedAt, String definitionId, Map<String, Object> inputsByClause,
                List<Map<String, Object>> results, List<String> matchedRuleIds) {
    }

    private static final String LAST = "with last as (select ID_, DEC_DEF_ID_, EVAL_TIME_ from ACT_HI_DECINST "
            + "where DEC_DEF_KEY_ = ? order by EVAL_TIME_ desc, ID_ desc limit ?) ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    DecisionReplayHistory(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    long count(String key) {
        Long count = jdbc.queryForObject("select count(*) from ACT_HI_DECINST where DEC_DEF_KEY_ = ?", Long.class, key);
        return count == null ? 0 : count;
    }

    /** The last evaluations of the decision, newest first; inputs only when asked (rule hits need none). */
    List<Past> last(String key, int limit, boolean withInputs) {
        return snapshot.execute(status -> read(key, limit, withInputs));
    }

    private List<Past> read(String key, int limit, boolean withInputs) {
        Map<String, Building> byId = new LinkedHashMap<>();
        jdbc.query(LAST + "select ID_, DEC_DEF_ID_, EVAL_TIME_ from last order by EVAL_TIME_ desc, ID_ desc", row -> {
            byId.put(row.getString(1), new Building(row.getTimestamp(3).toInstant(), row.getString(2)));
        }, key, limit);
        if (withInputs) {
            jdbc.query(LAST + "select i.DEC_INST_ID_, i.CLAUSE_ID_, i.VAR_TYPE_, i.TEXT_, i.LONG_, i.DOUBLE_ "
                    + "from ACT_HI_DEC_IN i join last on i.DEC_INST_ID_ = last.ID_", row -> {
                Building past = byId.get(row.getString(1));
                if (past != null) {
                    past.inputs.put(row.getString(2), value(row, 3));
                }
            }, key, limit);
        }
        jdbc.query(LAST + "select o.DEC_INST_ID_, o.RULE_ID_, o.RULE_ORDER_, o.VAR_NAME_, o.VAR_TYPE_, o.TEXT_, o.LONG_, "
                + "o.DOUBLE_ from ACT_HI_DEC_OUT o join last on o.DEC_INST_ID_ = last.ID_", row -> {
            Building past = byId.get(row.getString(1));
            if (past != null) {
                String rule = row.getString(2) != null ? row.getString(2) : String.valueOf(row.getInt(3));
                past.ruleOrder.putIfAbsent(row.getInt(3), rule);
                past.outputs.computeIfAbsent(rule, r -> new LinkedHashMap<>()).put(row.getString(4), value(row, 5));
            }
        }, key, limit);
        List<Past> pasts = new ArrayList<>(byId.size());
        byId.values().forEach(b -> pasts.add(b.past()));
        return pasts;
    }

    /** A typed value from its columns (type, text, long, double), as the engine stores it. */
    private static Object value(ResultSet row, int typeColumn) throws SQLException {
        String type = row.getString(typeColumn);
        String text = row.getString(typeColumn + 1);
        long number = row.getLong(typeColumn + 2);
        boolean noNumber = row.wasNull();
        double decimal = row.getDouble(typeColumn + 3);
        boolean noDecimal = row.wasNull();
        if (type == null || "null".equals(type)) {
            return null;
        }
        return switch (type) {
            case "string" -> text;
            case "boolean" -> noNumber ? null : number == 1;
            case "integer" -> noNumber ? null : (Object) (int) number;
            case "long" -> noNumber ? null : (Object) number;
            case "short" -> noNumber ? null : (Object) (short) number;
            case "double" -> noDecimal ? null : (Object) decimal;
            case "date" -> noNumber ? null : new Date(number);
            default -> new Unreadable(type);
        };
    }

    private static final class Building {
        private final Instant evaluatedAt;
        private final String definitionId;
        private final Map<String, Object> inputs = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
        private final Map<Integer, String> ruleOrder = new TreeMap<>();

        Building(Instant evaluatedAt, String definitionId) {
            this.evaluatedAt = evaluatedAt;
            this.definitionId = definitionId;
        }

        Past past() {
            List<Map<String, Object>> results = new ArrayList<>();
            ruleOrder.values().forEach(rule -> results.add(outputs.get(rule)));
            return new Past(evaluatedAt, definitionId, inputs, results, List.copyOf(ruleOrder.values()));
        }
    }
}
