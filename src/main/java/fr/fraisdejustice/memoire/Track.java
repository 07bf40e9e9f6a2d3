package fr.fraisdejustice.memoire;

/** How a sent mémoire is checked (memoire-routing): certified by the greffe, or taxed by the magistrat taxateur. */
enum Track {
    CERTIFICATION,
    TAXATION
}
