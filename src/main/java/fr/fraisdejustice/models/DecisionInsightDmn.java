package fr.fraisdejustice.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.DomainException;

/**
 * A bare DMN engine, beside the process engine: what it evaluates is never recorded in the decision history (trying a
 * table or replaying a candidate must not count as real decisions), and it tells which rules matched.
 */
@Component
class DecisionInsightDmn {

    /** The evaluations of the current thread's trial, when it asks (a listener is engine-wide, a trial is not). */
    private static final ThreadLocal<List<DmnDecisionEvaluationEvent>> EVENTS = new ThreadLocal<>();

    private final DmnEngine engine;

    DecisionInsightDmn() {
        DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionEvaluationListeners(List.of(event -> {
            List<DmnDecisionEvaluationEvent> events = EVENTS.get();
            if (events != null) {
                events.add(event);
            }
        }));
        this.engine = configuration.buildEngine();
    }

    /** Reads an uploaded or stored DMN file with the model API, or refuses it in French. */
    static DmnModelInstance read(byte[] content, String field) {
        // a DMN file never declares a document type: one that does may ask the parser to read files or loop on entities
        if (new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) {
            throw DomainException.invalidField(field, "UNREADABLE_DMN",
                    "Le fichier déclare un type de document (DOCTYPE), ce qu'un fichier DMN ne fait pas : enregistrez-le depuis Camunda Modeler puis renvoyez-le.");
        }
        try {
            return Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (ModelException | IllegalArgumentException e) {
            throw DomainException.invalidField(field, "UNREADABLE_DMN",
                    "Le fichier n'est pas une table de décision DMN lisible : ouvrez-le dans Camunda Modeler, enregistrez-le puis renvoyez-le.");
        }
    }

    /** The decision of that key in the model, or a refusal naming it. */
    static Decision decision(DmnModelInstance model, String key, String field) {
        if (model.getModelElementById(key) instanceof Decision decision) {
            return decision;
        }
        throw DomainException.invalidField(field, "UNKNOWN_DECISION",
                "Le fichier ne contient pas la décision « " + key + " » : choisissez le fichier qui la contient.");
    }

    /** The decision parsed for evaluation together with the decisions it requires. */
    DmnDecision parse(DmnModelInstance model, String key) {
        return engine.parseDecision(key, model);
    }

    /**
     * The decision parsed for evaluation on its own: its requirements are cut, so that it reads its inputs from the
     * variables given (for a replay, its recorded inputs) instead of evaluating the decisions it requires.
     */
    DmnDecision parseAlone(DmnModelInstance model, String key) {
        DmnModelInstance copy = Dmn.readModelFromStream(new ByteArrayInputStream(write(model)));
        Decision decision = copy.getModelElementById(key);
        for (InformationRequirement requirement : List.copyOf(decision.getInformationRequirements())) {
            decision.removeChildElement(requirement);
        }
        return engine.parseDecision(key, copy);
    }

    DmnDecisionResult evaluate(DmnDecision decision, Map<String, Object> variables) {
        return engine.evaluateDecision(decision, variables);
    }

    /** Evaluates and answers, with the result, the evaluation event that says which rules of each decision matched. */
    Trial evaluateWithRules(DmnDecision decision, Map<String, Object> variables) {
        List<DmnDecisionEvaluationEvent> events = new ArrayList<>();
        EVENTS.set(events);
        try {
            DmnDecisionResult result = engine.evaluateDecision(decision, variables);
            return new Trial(result, events.isEmpty() ? null : events.get(events.size() - 1));
        } finally {
            EVENTS.remove();
        }
    }

    record Trial(DmnDecisionResult result, DmnDecisionEvaluationEvent event) {
    }

    private static byte[] write(DmnModelInstance model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Dmn.writeModelToStream(out, model);
        return out.toByteArray();
    }
}
