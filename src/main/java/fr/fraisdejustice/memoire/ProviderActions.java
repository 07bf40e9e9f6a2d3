package fr.fraisdejustice.memoire;

import java.time.Clock;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.Membership;
import fr.fraisdejustice.structure.Structures;

/**
 * What a provider does with a sent mémoire (profile « modification »): complete it when suspended, appeal a taxation,
 * abandon it once refused (or give up a draft), duplicate it into a new draft. Each locks the mémoire, checks its status
 * (409 otherwise), changes it and moves its process on in one transaction, so a double click acts once.
 */
@Service
@Transactional
public class ProviderActions {

    private final MemoireRepository memoires;
    private final MemoireAttachmentRepository attachments;
    private final MemoireHistory history;
    private final Structures structures;
    private final AccountDirectory accounts;
    private final Tariffs tariffs;
    private final RuntimeService runtime;
    private final Clock clock;

    ProviderActions(MemoireRepository memoires, MemoireAttachmentRepository attachments, MemoireHistory history,
                    Structures structures, AccountDirectory accounts, Tariffs tariffs, RuntimeService runtime, Clock clock) {
        this.memoires = memoires;
        this.attachments = attachments;
        this.history = history;
        this.structures = structures;
        this.accounts = accounts;
        this.tariffs = tariffs;
        this.runtime = runtime;
        this.clock = clock;
    }

    void complete(String number, String information, UUID accountId) {
        if (information == null || information.isBlank() || information.length() > 2000) {
            throw DomainException.invalidField("information", "REQUIRED",
                    "Répondez à la demande du greffe (2 000 caractères au plus) ; joignez d'abord les pièces demandées.");
        }
        Memoire memoire = actionable(number, accountId);
        memoire.complete(information.trim(), clock.instant());
        history.record(memoire, provider(accountId));
        correlate(MemoireLifecycleProcess.MESSAGE_COMPLETED, memoire);
    }

    void appeal(String number, String reason, UUID accountId) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw DomainException.invalidField("reason", "REQUIRED", "Motivez votre recours (2 000 caractères au plus).");
        }
        Memoire memoire = actionable(number, accountId);
        memoire.requireStatus("former un recours", MemoireStatus.TAXE);
        if (!memoire.taxedBelowOrAboveRequest() || memoire.taxationNotifiedAt() == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "APPEAL_NOT_OPEN",
                    "Le montant taxé est celui que vous avez demandé : il n'y a pas de recours à former.");
        }
        if (clock.instant().isAfter(memoire.taxationNotifiedAt().plus(MemoireLifecycleProcess.APPEAL_PERIOD))) {
            throw new DomainException(DomainException.Kind.CONFLICT, "APPEAL_PERIOD_OVER", "Le délai de recours de 10 jours (CPP R.228-1) "
                    + "a expiré le " + FrenchDates.dateTime(memoire.taxationNotifiedAt().plus(MemoireLifecycleProcess.APPEAL_PERIOD)) + ".");
        }
        history.note(memoire, provider(accountId), "Recours contre l'ordonnance de taxe : " + reason.trim());
        correlate(MemoireLifecycleProcess.MESSAGE_APPEALED, memoire);
    }

    void abandon(String number, UUID accountId) {
        Memoire memoire = actionable(number, accountId);
        boolean sent = memoire.mjNumber() != null;
        memoire.abandon(clock.instant());
        history.record(memoire, provider(accountId));
        if (sent) {
            correlate(MemoireLifecycleProcess.MESSAGE_ABANDONED, memoire);
        }
    }

    /**
     * A new draft with a sent mémoire's header, lines (tariffs read again) and attachments, the RIB aside. A refused
     * one is thereby replaced (« dupliqué post refus », its process ends); any other stays as it is.
     */
    MemoireView duplicate(String number, UUID accountId) {
        Memoire original = actionable(number, accountId);
        original.requireNotImported();
        if (original.mjNumber() == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "DRAFT_NOT_DUPLICABLE",
                    "Un brouillon se modifie directement : seul un mémoire envoyé se duplique.");
        }
        if (original.status() == MemoireStatus.DUPLIQUE_POST_REFUS) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ALREADY_DUPLICATED", "Ce mémoire refusé a déjà été "
                    + "dupliqué (" + original.statusReason() + ") : corrigez et envoyez ce brouillon.");
        }
        String draftNumber = "TMP" + Year.now(clock.withZone(FrenchDates.PARIS)) + String.format("%09d", memoires.nextDraftNumber());
        Memoire copy = original.duplicate(draftNumber, accountId, clock.instant());
        Map<UUID, UUID> lineIds = new HashMap<>();
        for (MemoireLine line : original.lines()) {
            MemoireLine.Entry entry = line.entry();
            MemoireLine copied = copy.addLine(entry, tariffs.of(entry.serviceType(), new Tariffs.Circumstances(
                    entry.withOption(), entry.night(), entry.weekend(), entry.firstHour())), clock.instant());
            lineIds.put(line.id(), copied.id());
        }
        memoires.save(copy);
        boolean replacesRefused = original.status() == MemoireStatus.REFUSE;
        history.record(copy, provider(accountId), (replacesRefused ? "Duplicata du mémoire refusé " : "Copie du mémoire ")
                + original.mjNumber());
        for (MemoireAttachment attachment : attachments.findByMemoireIdOrderByCreatedAt(original.id())) {
            if (attachment.kind() != AttachmentKind.RIB) {
                attachments.save(attachment.copyTo(copy.id(), lineIds.get(attachment.lineId()), clock.instant()));
            }
        }
        if (replacesRefused) {
            original.markDuplicated(draftNumber, clock.instant());
            history.record(original, provider(accountId));
            correlate(MemoireLifecycleProcess.MESSAGE_DUPLICATED, original);
        }
        return MemoireView.of(copy);
    }

    private Memoire actionable(String number, UUID accountId) {
        Memoire memoire = memoires.lockByNumber(MemoireNumbers.normalize(number)).orElseThrow(MemoireNumbers::notFound);
        structures.requireProfile(memoire.structureId(), accountId, Membership.MODIFICATION);
        return memoire;
    }

    private Actor provider(UUID accountId) {
        return new Actor(accounts.contact(accountId).fullName(), accountId.toString());
    }

    private void correlate(String message, Memoire memoire) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(memoire.mjNumber()).correlate();
    }
}
