package fr.fraisdejustice.memoire;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.notification.FrenchDates;
import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.notification.Mailer;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.web.PublicUrl;

/**
 * Mails the structure's contact address (its gestionnaire principal's) each status change it should hear of. The
 * history rows are the outbox: written in the transaction that changed the mémoire, sent after it committed, retried
 * up to {@value #MAX_ATTEMPTS} times by the next runs; rows are locked while sent, so two servers never send one twice.
 */
@Component
class StatusMails {

    private static final Logger LOG = LoggerFactory.getLogger(StatusMails.class);
    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 100;

    private final MemoireStatusChangeRepository changes;
    private final MemoireRepository memoires;
    private final Structures structures;
    private final AccountDirectory accounts;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StatusMails(MemoireStatusChangeRepository changes, MemoireRepository memoires, Structures structures,
                AccountDirectory accounts, Mailer mailer, PublicUrl publicUrl, TransactionTemplate transaction,
                Clock clock) {
        this.changes = changes;
        this.memoires = memoires;
        this.structures = structures;
        this.accounts = accounts;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Sends the mails due; returns how many were sent. */
    @Scheduled(cron = "${fdj.memoire-mails.cron}")
    public int sendDue() {
        Integer sent = transaction.execute(status -> {
            int count = 0;
            for (MemoireStatusChange change : changes.lockUnsent(MAX_ATTEMPTS, BATCH)) {
                try {
                    mail(change).ifPresent(mailer::send);
                    change.mailSent(clock.instant());
                    count++;
                } catch (MailException e) {
                    change.mailFailed();
                    LOG.warn("Courriel du statut {} non envoyé (essai {}/{}) : {}", change.id(), change.mailAttempts(),
                            MAX_ATTEMPTS, e.getMessage());
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private Optional<Mail> mail(MemoireStatusChange change) {
        Memoire memoire = memoires.findById(change.memoireId()).orElseThrow();
        Optional<UUID> manager = structures.principalManagerOf(memoire.structureId());
        if (manager.isEmpty()) {
            return Optional.empty();  // a structure without a manager has nobody to tell; the portal shows the status
        }
        AccountDirectory.Contact contact = accounts.contact(manager.get());
        String number = memoire.number();
        String link = publicUrl.base() + "/portail/memoire?numero=" + number;
        String what = "Votre mémoire " + number + " est désormais « " + change.status().label() + " » (le "
                + FrenchDates.dateTime(change.changedAt()) + ", " + change.actor() + ").";
        String why = change.reason() == null ? "" : "Motif ou précision : " + change.reason();
        String next = switch (change.status()) {
            case SUSPENDU -> "Le greffe attend un complément : ajoutez les pièces demandées, puis répondez depuis la page du mémoire.";
            case REFUSE -> "Vous pouvez le dupliquer pour le corriger et l'envoyer à nouveau, ou l'abandonner.";
            case TAXE -> memoire.taxedBelowOrAboveRequest()
                    ? "Le montant taxé diffère de votre demande : vous pouvez former un recours dans les 10 jours (CPP R.228-1)."
                    : "";
            default -> "";
        };
        String text = "Bonjour " + contact.fullName() + ",\n\n" + what + "\n" + why + "\n" + next + "\n\nSuivre le mémoire : "
                + link + "\n\n-- \nfrais-de-justice, ministère de la Justice\n";
        String html = "<p>Bonjour " + esc(contact.fullName()) + ",</p><p>" + esc(what) + "</p>"
                + (why.isEmpty() ? "" : "<p>" + esc(why) + "</p>") + (next.isEmpty() ? "" : "<p>" + esc(next) + "</p>")
                + "<p><a href=\"" + esc(link) + "\">Suivre le mémoire " + esc(number) + "</a></p>";
        return Optional.of(new Mail(contact.contactEmail(), "Mémoire " + number + " : " + change.status().label(), text, html));
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
