package fr.fraisdejustice.memoire;

/** Who changed a mémoire: the label shown in its history, and the account or Camunda user id kept for audit. */
record Actor(String label, String id) {

    static final Actor SYSTEM = new Actor("frais-de-justice", null);
}
