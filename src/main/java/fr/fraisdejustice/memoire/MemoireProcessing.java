package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.jurisdiction.Jurisdiction;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FrenchDates;

/**
 * The staff's side of {@code memoire-lifecycle}: the routing decision, then what the greffe, the parquet, the magistrat
 * taxateur, the SAR and the comptable decide in Tasklist. Each runs in the transaction that moves the process on, so a
 * mémoire's status and its process never disagree.
 */
@Service
@Transactional
class MemoireProcessing {

    private final MemoireRepository memoires;
    private final MemoireRouting routing;
    private final MemoireHistory history;
    private final Jurisdictions jurisdictions;
    private final CorrectionRule correctionRule;
    private final Clock clock;

    MemoireProcessing(MemoireRepository memoires, MemoireRouting routing, MemoireHistory history,
                      Jurisdictions jurisdictions, CorrectionRule correctionRule, Clock clock) {
        this.correctionRule = correctionRule;
        this.memoires = memoires;
        this.routing = routing;
        this.history = history;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** Runs in the sending's own transaction, which already holds the mémoire's lock. */
    MemoireRouting.Route route(String mjNumber) {
        Memoire memoire = memoires.findByNumber(mjNumber).orElseThrow(MemoireNumbers::notFound);
        Jurisdiction destination = jurisdictions.find(memoire.jurisdictionCode()).orElseThrow();
        MemoireRouting.Route route = routing.route(new MemoireRouting.Facts(destination.type().name(),
                destination.code(), null, destination.courAppelCode(), memoire.requestedAmount(),
                memoire.lines().stream().allMatch(MemoireLine::tariffed), memoire.late()));
        memoire.route(route.certifyingOffice(), route.courAppel(), route.track(), route.controlLevel(), clock.instant());
        history.record(memoire, Actor.SYSTEM, "Transmis à : " + officeName(route.certifyingOffice()));
        return route;
    }

    void certify(String mjNumber, Map<Integer, Memoire.Correction> corrections, Actor actor) {
        Memoire memoire = memoire(mjNumber);
        for (Map.Entry<Integer, Memoire.Correction> correction : corrections.entrySet()) {
            memoire.lines().stream().filter(line -> line.position() == correction.getKey()).findFirst()
                    .ifPresent(line -> correctionRule.require(line.position(), line.amountExclVat(),
                            correction.getValue().exclVat()));
        }
        memoire.certify(corrections, clock.instant());
        history.record(memoire, actor);
    }

    void askComplement(String mjNumber, String request, Actor actor) {
        if (request == null || request.isBlank()) {
            throw new DomainException(DomainException.Kind.INVALID, "COMPLEMENT_REQUEST_REQUIRED",
                    "Précisez au prestataire ce qu'il doit compléter (informations ou pièces).");
        }
        Memoire memoire = memoire(mjNumber);
        memoire.suspend(request.trim(), clock.instant());
        history.record(memoire, actor);
    }

    void refuse(String mjNumber, RefusalReason reason, String comment, Actor actor) {
        Memoire memoire = memoire(mjNumber);
        memoire.refuse(reason.label() + (comment == null || comment.isBlank() ? "" : " — " + comment.trim()), clock.instant());
        history.record(memoire, actor);
    }

    void sendToTaxation(String mjNumber, String comment, Actor actor) {
        Memoire memoire = memoire(mjNumber);
        memoire.sendToTaxation(clock.instant());
        history.note(memoire, actor, "Transmis au parquet pour réquisitions aux fins de taxe"
                + (comment == null || comment.isBlank() ? "" : " — " + comment.trim()));
    }

    /** The ordonnance de taxe; returns whether the amount differs from the request, which opens the appeal period. */
    boolean tax(String mjNumber, BigDecimal amount, String reasoning, Actor actor) {
        Memoire memoire = memoire(mjNumber);
        memoire.tax(amount, "Ordonnance de taxe : " + FrenchDates.euros(amount) + " TTC"
                + (reasoning == null || reasoning.isBlank() ? "" : " — " + reasoning.trim()), clock.instant());
        history.record(memoire, actor);
        return memoire.taxedBelowOrAboveRequest();
    }

    void decideAppeal(String mjNumber, BigDecimal amount, String reasoning, Actor actor) {
        Memoire memoire = memoire(mjNumber);
        memoire.tax(amount, "Décision sur recours : " + FrenchDates.euros(amount) + " TTC"
                + (reasoning == null || reasoning.isBlank() ? "" : " — " + reasoning.trim()), clock.instant());
        history.record(memoire, actor);
    }

    void orderPayment(String mjNumber, Actor actor) {
        Memoire memoire = memoire(mjNumber);
        memoire.orderPayment(clock.instant());
        history.record(memoire, actor, "Paiement ordonnancé : " + FrenchDates.euros(memoire.grantedAmount()) + " TTC");
    }

    /**
     * The comptable's payment, compared with the amount granted (certified, taxed or decided on appeal): never more;
     * less only with a reason, recorded in the history.
     */
    void releasePayment(String mjNumber, LocalDate date, BigDecimal amount, String gapReason, Actor actor) {
        Memoire memoire = memoire(mjNumber);
        if (date == null || amount == null || amount.signum() < 0) {
            throw new DomainException(DomainException.Kind.INVALID, "PAYMENT_REQUIRED",
                    "Indiquez la date de paiement et le montant payé (positif ou nul).");
        }
        BigDecimal granted = memoire.grantedAmount();
        String reason = gapReason == null || gapReason.isBlank() ? null : gapReason.trim();
        if (granted != null && amount.compareTo(granted) > 0) {
            throw new DomainException(DomainException.Kind.INVALID, "PAYMENT_ABOVE_GRANTED",
                    "Le montant payé (" + FrenchDates.euros(amount) + ") dépasse le montant retenu pour ce mémoire ("
                            + FrenchDates.euros(granted) + " TTC) : payez au plus le montant retenu.");
        }
        boolean below = granted != null && amount.compareTo(granted) < 0;
        if (below && reason == null) {
            throw new DomainException(DomainException.Kind.INVALID, "PAYMENT_GAP_REASON_REQUIRED",
                    "Le montant payé (" + FrenchDates.euros(amount) + ") est inférieur au montant retenu ("
                            + FrenchDates.euros(granted) + " TTC) : indiquez le motif de l'écart.");
        }
        if (reason != null && reason.length() > 500) {
            throw new DomainException(DomainException.Kind.INVALID, "PAYMENT_GAP_REASON_TOO_LONG",
                    "Le motif de l'écart tient en 500 caractères au plus.");
        }
        memoire.releasePayment(date, amount, clock.instant());
        history.record(memoire, actor, "Payé le " + FrenchDates.date(date) + " : " + FrenchDates.euros(amount) + " TTC"
                + (below ? " au lieu de " + FrenchDates.euros(granted) + " TTC retenus — motif : " + reason : ""));
    }

    /** Label of a staff actor: his role and his office, never his name. */
    Actor staff(String role, String officeCode, String userId) {
        return new Actor(role + (officeCode == null ? "" : " — " + officeName(officeCode)), userId);
    }

    private String officeName(String code) {
        return jurisdictions.find(code).map(Jurisdiction::name).orElse(code);
    }

    private Memoire memoire(String mjNumber) {
        return memoires.lockByNumber(mjNumber).orElseThrow(MemoireNumbers::notFound);
    }
}
