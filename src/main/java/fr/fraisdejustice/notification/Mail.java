package fr.fraisdejustice.notification;

/** One French mail, in plain text and HTML. */
public record Mail(String to, String subject, String text, String html) {
}
