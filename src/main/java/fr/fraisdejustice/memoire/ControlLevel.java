package fr.fraisdejustice.memoire;

/** The depth of the clerk's check under the risk plan (A.43-17), as memoire-routing decides it. */
enum ControlLevel {
    FORMAL("Contrôle formel"),
    THOROUGH("Contrôle approfondi");

    private final String label;

    ControlLevel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
