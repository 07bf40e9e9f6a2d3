package fr.fraisdejustice.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator, in the start-up report, which settings are missing instead of a stack trace. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis(
                "L'application ne peut pas démarrer : réglages manquants ou invalides.\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Donnez ces réglages (variables d'environnement) : README.md, sections « Production settings » et « Plusieurs nœuds (cluster) ».",
                cause);
    }
}
