package fr.fraisdejustice.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the embedded SMTP server received, for a developer to read and click. It exists only beside that server (never in
 * {@code prod}, never with a real SMTP server).
 */
@RestController
@ConditionalOnEmbeddedMail
@RequestMapping("/dev/mailbox")
@Hidden
class DevelopmentMailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private final GreenMail server;

    DevelopmentMailbox(GreenMail developmentMailServer) {
        this.server = developmentMailServer;
    }

    /** Only a developer on this machine reads it: from any other address it does not exist. */
    @ModelAttribute
    void onlyFromThisMachine(HttpServletRequest request) {
        if (!isLoopback(request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    static boolean isLoopback(String address) {
        // a literal address only: InetAddress would otherwise ask the DNS
        if (address == null || !address.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> page() throws IOException {
        try (InputStream page = new ClassPathResource("dev/mailbox.html").getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(page.readAllBytes());
        }
    }

    /** The page's script, served apart so that the content security policy needs no inline script. */
    @GetMapping(path = "/mailbox.js", produces = "text/javascript")
    ResponseEntity<byte[]> script() throws IOException {
        try (InputStream script = new ClassPathResource("dev/mailbox.js").getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                    .body(script.readAllBytes());
        }
    }

    @GetMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MailboxMessage> messages() throws MessagingException, IOException {
        MimeMessage[] received = server.getReceivedMessages();
        List<MailboxMessage> messages = new ArrayList<>(received.length);
        for (MimeMessage message : received) {
            messages.add(read(message));
        }
        messages.sort(Comparator.comparing(MailboxMessage::receivedAt).reversed());
        return messages;
    }

    @DeleteMapping("/messages")
    ResponseEntity<Void> purge() throws FolderException {
        server.purgeEmailFromAllMailboxes();
        return ResponseEntity.noContent().build();
    }

    private static MailboxMessage read(MimeMessage message) throws MessagingException, IOException {
        String text = textOf(message);
        String html = htmlOf(message);
        LinkedHashSet<String> links = new LinkedHashSet<>(linksIn(text));
        links.addAll(linksIn(html));
        Date received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        return new MailboxMessage(
                Arrays.stream(recipients(message)).map(Address::toString).toList(),
                message.getSubject(),
                text != null ? text : html,
                List.copyOf(links),
                received != null ? received.toInstant() : Instant.EPOCH);
    }

    private static Address[] recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return to != null ? to : new Address[0];
    }

    private static List<String> linksIn(String content) {
        if (content == null) {
            return List.of();
        }
        Matcher matcher = LINK.matcher(content);
        List<String> links = new ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group().replace("&amp;", "&"));
        }
        return links;
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        return firstPart(part, "text/plain");
    }

    private static String htmlOf(Part part) throws MessagingException, IOException {
        return firstPart(part, "text/html");
    }

    private static String firstPart(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = firstPart(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    record MailboxMessage(List<String> to, String subject, String text, List<String> links, Instant receivedAt) {
    }
}
