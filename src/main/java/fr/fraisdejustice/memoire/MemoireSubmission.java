package fr.fraisdejustice.memoire;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.bankaccount.BankAccounts;
import fr.fraisdejustice.prerequisite.Prerequisites;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.SecureTokens;
import fr.fraisdejustice.structure.Membership;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.Structures;

/**
 * « Valider et envoyer »: the checks of DOMAIN.md, then in one transaction the MJ number, the structure's RIB attached,
 * the certificat de dépôt's fingerprint and the start of {@code memoire-lifecycle}. The mémoire's row is locked for the
 * whole transaction, so a double click or a retried request waits and is then told the mémoire was already sent.
 */
@Service
@Transactional
public class MemoireSubmission {


    record Certificate(String fingerprint, Instant depositedAt, MemoireView.Amounts amounts) {
    }

    public record Submitted(String number, MemoireStatus status, boolean late, Certificate certificate) {
    }

    private final MemoireRepository memoires;
    private final MemoireAttachmentRepository attachments;
    private final Structures structures;
    private final Prerequisites prerequisites;
    private final BankAccounts bankAccounts;
    private final RuntimeService runtime;
    private final MemoireHistory history;
    private final AccountDirectory accounts;
    private final Clock clock;

    MemoireSubmission(MemoireRepository memoires, MemoireAttachmentRepository attachments, Structures structures,
                      Prerequisites prerequisites, BankAccounts bankAccounts, RuntimeService runtime,
                      MemoireHistory history, AccountDirectory accounts, Clock clock) {
        this.history = history;
        this.accounts = accounts;
        this.memoires = memoires;
        this.attachments = attachments;
        this.structures = structures;
        this.prerequisites = prerequisites;
        this.bankAccounts = bankAccounts;
        this.runtime = runtime;
        this.clock = clock;
    }

    public Submitted submit(String number, boolean swornStatement, boolean lateAcknowledged, UUID accountId) {
        if (!swornStatement) {
            throw new DomainException(DomainException.Kind.INVALID, "SWORN_STATEMENT_REQUIRED",
                    "Cochez la déclaration sur l'honneur pour envoyer le mémoire.",
                    List.of(new FieldProblem("swornStatement", "REQUIRED", "La déclaration sur l'honneur est obligatoire.")));
        }
        Memoire memoire = memoires.lockByNumber(MemoireNumbers.normalize(number))
                .orElseThrow(MemoireNumbers::notFound);
        Structure structure = structures.requireProfile(memoire.structureId(), accountId, Membership.MODIFICATION);
        if (memoire.status() != MemoireStatus.BROUILLON && memoire.mjNumber() == null) {
            memoire.requireStatus("l'envoyer", MemoireStatus.BROUILLON);
        }
        if (memoire.status() != MemoireStatus.BROUILLON) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ALREADY_SUBMITTED", "Ce mémoire a déjà été envoyé le "
                    + FrenchDates.dateTime(memoire.depositedAt()) + " sous le numéro " + memoire.mjNumber()
                    + " : rien n'a été envoyé une seconde fois.").with("mjNumber", memoire.mjNumber());
        }
        List<String> missing = prerequisites.missing(structure);
        if (!missing.isEmpty()) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "PREREQUISITES_MISSING",
                    "Votre structure ne remplit pas encore les prérequis " + String.join(", ", missing)
                            + " : son gestionnaire principal peut les remplir depuis « Prérequis de votre structure ».")
                    .with("missing", missing);
        }
        if (memoire.lines().isEmpty()) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "NO_LINE",
                    "Ajoutez au moins une ligne de prestation avant d'envoyer le mémoire.");
        }
        LocalDate today = LocalDate.now(clock.withZone(FrenchDates.PARIS));
        if (memoire.lines().stream().anyMatch(l -> l.requisitionDate().isAfter(l.serviceDate()) || l.serviceDate().isAfter(today))) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "INCOHERENT_DATES",
                    "Sur chaque ligne, la réquisition précède la prestation, qui précède aujourd'hui : corrigez les dates.");
        }
        if (!bankAccounts.isActiveOf(memoire.structureId(), memoire.bankAccountId())) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "BANK_ACCOUNT_INACTIVE",
                    "Les coordonnées bancaires choisies ne sont plus actives : choisissez-en d'autres dans l'en-tête.");
        }
        LocalDate missionEnd = memoire.lines().stream().map(MemoireLine::serviceDate).max(Comparator.naturalOrder()).orElseThrow();
        boolean late = missionEnd.plusYears(1).isBefore(today);
        if (late && !lateAcknowledged) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "LATE_MEMOIRE",
                    "La mission s'est achevée le " + missionEnd + ", il y a plus d'un an (CPP art. 800) : le mémoire risque "
                            + "la forclusion et sera taxé. Confirmez l'envoi pour le déposer malgré tout.")
                    .with("missionEnd", missionEnd.toString());
        }
        Instant now = clock.instant();
        BankAccounts.Proof rib = bankAccounts.proof(memoire.bankAccountId());
        if (rib.content() != null) {  // bank details imported from the former portal may await their document
            attachments.save(new MemoireAttachment(memoire.id(), null, AttachmentKind.RIB, truncated(rib.name()),
                    rib.mediaType(), rib.content(), SecureTokens.sha256(rib.content()), now));
        }
        attachments.flush();
        String mjNumber = "MJ" + String.format("%010d", memoires.nextDefinitiveNumber());
        String fingerprint = Fingerprints.atDeposit(memoire, mjNumber, attachments.summaries(memoire.id()));
        memoire.deposit(mjNumber, now, fingerprint, late);
        history.record(memoire, new Actor(accounts.contact(accountId).fullName(), accountId.toString()),
                late ? "Envoyé plus d'un an après la fin de la mission (CPP art. 800)" : null);
        runtime.startProcessInstanceByKey(MemoireLifecycleProcess.KEY, mjNumber);
        return new Submitted(mjNumber, memoire.status(), late,
                new Certificate(fingerprint, now, MemoireView.Amounts.of(memoire.lines())));
    }

    /** Whether a certificate's number and fingerprint match a deposited mémoire as it is stored now. */
    @Transactional(readOnly = true)
    boolean verify(String number, String fingerprint) {
        String mj = MemoireNumbers.normalize(number);
        if (fingerprint == null || !mj.startsWith("MJ")) {
            return false;
        }
        return memoires.findByNumber(mj)
                .filter(m -> m.status() != MemoireStatus.BROUILLON && fingerprint.trim().equalsIgnoreCase(m.fingerprint()))
                .map(m -> Fingerprints.now(m, m.mjNumber(), attachments.findByMemoireIdOrderByCreatedAt(m.id()))
                        .equals(m.fingerprint()))
                .orElse(false);
    }

    private static String truncated(String name) {
        return name == null ? "rib" : name.length() <= 50 ? name : name.substring(name.length() - 50);
    }
}
