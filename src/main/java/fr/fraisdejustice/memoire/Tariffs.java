package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/** The CPP tariff of a type de prestation, as {@code dmn/tariffs.dmn} decides it; Java never holds a price. */
@Service
public class Tariffs {

    public static final String DECISION = "tariffs";

    /** When the service was given, for the types whose price depends on it (interpretation). */
    public record Circumstances(boolean withOption, boolean night, boolean weekend, boolean firstHour) {
        /** A weekday, by day, first hour, without droit d'option: the reference price shown in lists. */
        public static final Circumstances ORDINARY = new Circumstances(false, false, false, true);
    }

    /** Tariffed or not, and if so its price HT. */
    public record Tariff(boolean tariffed, Optional<BigDecimal> unitPriceExclVat) {
    }

    private final DecisionService decisions;

    Tariffs(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Tariff of(ServiceType type, Circumstances when) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(DECISION, Map.of(
                "serviceType", type.name(), "withOption", when.withOption(), "night", when.night(),
                "weekend", when.weekend(), "firstHour", when.firstHour())).getSingleResult();
        // an empty output cell leaves its entry out of the result
        Object price = result.get("unitPriceExclVat");
        return new Tariff(Boolean.TRUE.equals(result.get("tariffed")),
                price == null || price.toString().isBlank() ? Optional.empty()
                        : Optional.of(new BigDecimal(price.toString()).setScale(2)));
    }
}
