package fr.fraisdejustice.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The embedded SMTP server as tests read it. */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    private final GreenMail server;

    public Mailbox(GreenMail server) {
        this.server = server;
    }

    public void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded plain-text part. */
    public static String body(MimeMessage message) {
        try {
            return text(message);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws MessagingException, java.io.IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Waits (at most 10 s) until this address has received this many mails, then answers them. */
    public List<MimeMessage> await(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> to(address).size() >= count);
        return to(address);
    }

    /** Waits (at most 10 s) until this address has received mails with each of these subjects, then answers its mails. */
    public List<MimeMessage> awaitSubjects(String address, String... subjects) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> to(address).stream().map(Mailbox::subject).toList().containsAll(List.of(subjects)));
        return to(address);
    }

    /** Waits (at most 10 s) for a mail to this address that matches, and answers it. */
    public MimeMessage awaitMatching(String address, java.util.function.Predicate<MimeMessage> matching) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> to(address).stream().anyMatch(matching));
        return to(address).stream().filter(matching).reduce((first, second) -> second).orElseThrow();
    }

    /** The token of the last link mailed to this address. */
    public String lastToken(String address) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            throw new AssertionError("Aucun courriel pour " + address);
        }
        Matcher matcher = TOKEN.matcher(body(messages.get(messages.size() - 1)));
        if (!matcher.find()) {
            throw new AssertionError("Aucun lien dans le dernier courriel pour " + address);
        }
        return matcher.group(1);
    }
}
