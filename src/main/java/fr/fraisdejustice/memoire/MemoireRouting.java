package fr.fraisdejustice.memoire;

import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Asks {@code dmn/memoire-routing.dmn} where a sent mémoire goes and how it is checked; Java holds none of its rules. */
@Service
class MemoireRouting {

    static final String DECISION = "memoire-routing";

    /** What the decision reads of the mémoire and of its juridiction destinataire. */
    record Facts(String jurisdictionType, String jurisdictionCode, String jurisdictionRessort,
                 String jurisdictionCourAppel, BigDecimal amountInclVat, boolean allTariffed, boolean late) {
    }

    record Route(String certifyingOffice, String courAppel, Track track, ControlLevel controlLevel) {
    }

    private final DecisionService decisions;

    MemoireRouting(DecisionService decisions) {
        this.decisions = decisions;
    }

    Route route(Facts facts) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION).variables(Variables.createVariables()
                        .putValue("jurisdictionType", facts.jurisdictionType())
                        .putValue("jurisdictionCode", facts.jurisdictionCode())
                        .putValue("jurisdictionRessort", facts.jurisdictionRessort())
                        .putValue("jurisdictionCourAppel", facts.jurisdictionCourAppel())
                        .putValue("amountInclVat", facts.amountInclVat().doubleValue())
                        .putValue("allTariffed", facts.allTariffed())
                        .putValue("late", facts.late()))
                .evaluate().getSingleResult();
        return new Route(result.getEntry("certifyingOffice"), result.getEntry("courAppel"),
                Track.valueOf(result.getEntry("track")), ControlLevel.valueOf(result.getEntry("controlLevel")));
    }
}
