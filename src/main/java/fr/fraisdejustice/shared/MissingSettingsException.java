package fr.fraisdejustice.shared;

import java.util.List;

/** The application cannot start as configured: each problem names the setting to give and what it is. */
public class MissingSettingsException extends RuntimeException {

    private final List<String> problems;

    public MissingSettingsException(List<String> problems) {
        super("Réglages de production manquants ou invalides : " + String.join(" ; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
