package fr.fraisdejustice.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.DomainException;

/**
 * The deployed decisions, as the insight reads them: the live version of a key (parsed once per version), and the
 * version a past evaluation ran on. A deployed version never changes, so what is parsed is kept.
 */
@Component
class DecisionInsightModels {

    /** A deployed version of a decision: its table and the decision parsed for evaluation with what it requires. */
    record Deployed(String definitionId, String key, int version, Map<String, DecisionInsightTable> tables,
                    DmnDecision decision) {

        /** This decision's table (null for a literal expression). */
        DecisionInsightTable table() {
            return tables.get(key);
        }
    }

    private final RepositoryService repository;
    private final DecisionInsightDmn dmn;
    private final Map<String, Deployed> byDefinitionId = new ConcurrentHashMap<>();

    DecisionInsightModels(RepositoryService repository, DecisionInsightDmn dmn) {
        this.repository = repository;
        this.dmn = dmn;
    }

    /** The live version of the decision, or 404 in French. */
    Deployed live(String key) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "UNKNOWN_DECISION",
                    "Aucune décision « " + key + " » n'est en service : choisissez une décision de la liste.");
        }
        return deployed(definition.getId());
    }

    /** The version a past evaluation ran on (its inputs' clause ids map to that version's expressions). */
    Deployed deployed(String definitionId) {
        return byDefinitionId.computeIfAbsent(definitionId, id -> {
            DecisionDefinition definition = repository.getDecisionDefinition(id);
            DmnModelInstance model = model(id);
            DecisionInsightDmn.decision(model, definition.getKey(), "decision");
            Map<String, DecisionInsightTable> tables = new HashMap<>();
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                DecisionInsightTable table = DecisionInsightTable.of(decision);
                if (table != null) {
                    tables.put(decision.getId(), table);
                }
            }
            return new Deployed(id, definition.getKey(), definition.getVersion(), Map.copyOf(tables),
                    dmn.parse(model, definition.getKey()));
        });
    }

    private DmnModelInstance model(String definitionId) {
        try (InputStream in = repository.getDecisionModel(definitionId)) {
            return DecisionInsightDmn.read(in.readAllBytes(), "decision");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
