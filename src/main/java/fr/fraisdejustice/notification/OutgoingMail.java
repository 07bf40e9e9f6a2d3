package fr.fraisdejustice.notification;

/**
 * A mail to send once the transaction that decided it has committed. Published as an event, it is stored in that same
 * transaction by the outbox (Spring Modulith's event publication registry) and delivered after commit, again after a
 * failure or a crash: at least once, and the idempotency key makes that exactly one mail.
 */
public record OutgoingMail(String idempotencyKey, Mail mail) {
}
