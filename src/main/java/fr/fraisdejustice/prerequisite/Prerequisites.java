package fr.fraisdejustice.prerequisite;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

import fr.fraisdejustice.bankaccount.BankAccounts;
import fr.fraisdejustice.mandate.Mandates;
import fr.fraisdejustice.structure.Structure;

/**
 * What a structure still lacks before its first mémoire, as {@code dmn/memoire-prerequisites.dmn} decides: Java only
 * gathers the facts. The table is asked twice: with the facts, for what is missing; with every fact false, for what
 * applies to this kind of structure at all, so that the satisfied ones get their label from the table too.
 */
@Service
public class Prerequisites {

    public static final String DECISION = "memoire-prerequisites";

    public record Prerequisite(String code, String label, boolean satisfied) {
    }

    private final DecisionService decisions;
    private final BankAccounts bankAccounts;
    private final Mandates mandates;

    Prerequisites(DecisionService decisions, BankAccounts bankAccounts, Mandates mandates) {
        this.decisions = decisions;
        this.bankAccounts = bankAccounts;
        this.mandates = mandates;
    }

    public List<Prerequisite> of(Structure structure) {
        Map<String, Object> nothing = Map.of("naturalPerson", structure.naturalPerson(), "hasValidBankAccount", false,
                "hasActiveMandate", false, "identifierConforming", false, "regimeSet", false);
        Set<String> missing = Set.copyOf(missing(structure));
        return evaluate(nothing).stream()
                .map(e -> new Prerequisite((String) e.get("code"), (String) e.get("label"), !missing.contains(e.get("code"))))
                .toList();
    }

    /** The codes still missing: one evaluation of the table (sending asks this for every mémoire). */
    public List<String> missing(Structure structure) {
        Map<String, Object> facts = Map.of(
                "naturalPerson", structure.naturalPerson(),
                "hasValidBankAccount", bankAccounts.hasValid(structure.id()),
                "hasActiveMandate", mandates.hasActive(structure.id()),
                "identifierConforming", structure.identifierConforming(),
                "regimeSet", structure.regime() != null);
        return evaluate(facts).stream().map(e -> (String) e.get("code")).toList();
    }

    private List<Map<String, Object>> evaluate(Map<String, Object> facts) {
        return decisions.evaluateDecisionTableByKey(DECISION, facts).getResultList();
    }
}
