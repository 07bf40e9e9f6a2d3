package fr.fraisdejustice.structure;

/** A natural person's social-security régime, which also selects some tariffs. */
public enum Regime {
    /** Collaborateur occasionnel du service public: the ministry withholds and pays the contributions. */
    COSP,
    INDEPENDANT
}
