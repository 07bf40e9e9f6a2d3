package fr.fraisdejustice.memoire;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.notification.Mailer;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.PublicUrl;
import fr.fraisdejustice.structure.Structures;

/**
 * Mails the structure's contact address (its gestionnaire principal's) each status change it should hear of: an outbox
 * listener, run after the commit that changed the mémoire, again after a failure, and each mail sent once.
 */
@Component
class StatusMails {

    private final MemoireStatusChangeRepository changes;
    private final MemoireRepository memoires;
    private final Structures structures;
    private final AccountDirectory accounts;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final Clock clock;

    StatusMails(MemoireStatusChangeRepository changes, MemoireRepository memoires, Structures structures,
                AccountDirectory accounts, Mailer mailer, PublicUrl publicUrl, Clock clock) {
        this.changes = changes;
        this.memoires = memoires;
        this.structures = structures;
        this.accounts = accounts;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void statusChanged(MemoireHistory.StatusMailDue due) {
        MemoireStatusChange change = changes.findById(due.changeId()).orElseThrow();
        mail(change).ifPresent(mail -> mailer.sendOnce("memoire-status:" + change.id(), mail));
        change.mailSent(clock.instant());
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
                    ? "Le montant taxé diffère de votre demande : vous pouvez former un recours dans les "
                            + MemoireLifecycleProcess.APPEAL_PERIOD.toDays() + " jours (CPP R.228-1)."
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
