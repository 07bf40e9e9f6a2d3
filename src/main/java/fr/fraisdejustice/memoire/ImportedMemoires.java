package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.ProviderCategory;

/**
 * Past mémoires of migrated structures, from the former portal: saved read-only (every action is then refused, see
 * {@link Memoire}), with their former MJ number, their status and its date (the Archives take those last changed more
 * than two years ago, like any other), their totals and their payment, and two steps of history that say where they come
 * from. Saved by batches in plain SQL: a migration file holds hundreds of thousands of them.
 */
@Service
@Transactional
public class ImportedMemoires {

    /** The statuses a mémoire ends in: only those are imported, a mémoire still in progress ends in the former portal. */
    public static final Set<MemoireStatus> FINAL = EnumSet.of(MemoireStatus.MIS_EN_PAIEMENT, MemoireStatus.REFUSE,
            MemoireStatus.ABANDONNE, MemoireStatus.DUPLIQUE_POST_REFUS);

    static final String FORMER_PORTAL = "Ancien portail";

    /** One past mémoire, checked by the caller; {@code fingerprint} identifies the file's row that brought it. */
    public record Past(long line, String number, UUID structureId, String jurisdictionCode, ProviderCategory category,
                       VatType vatType, String invoiceNumber, MemoireStatus status, LocalDate depositDate,
                       LocalDate statusDate, String statusReason, BigDecimal exclVat, BigDecimal vat, BigDecimal inclVat,
                       BigDecimal paidAmount, LocalDate paymentDate, String fingerprint) {
    }

    public enum Result { IMPORTED, UNCHANGED, REFUSED }

    public record Outcome(long line, String number, Result result, String reason) {
    }

    private record Existing(UUID structureId, String fingerprint, boolean imported) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ImportedMemoires(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Saves the batch's new mémoires; one already imported from the same row is left as it is, one whose number is taken
     * otherwise is refused. Each past mémoire gets one outcome, in order.
     */
    public List<Outcome> save(List<Past> batch) {
        Map<String, Existing> existing = existing(batch.stream().map(Past::number).toList());
        Map<String, Past> fresh = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Past past : batch) {
            Existing known = existing.get(past.number());
            Past earlier = fresh.get(past.number());
            if (known != null) {
                outcomes.add(outcomeForKnown(past, known));
            } else if (earlier != null) {
                outcomes.add(earlier.fingerprint().equals(past.fingerprint())
                        ? new Outcome(past.line(), past.number(), Result.UNCHANGED, null)
                        : new Outcome(past.line(), past.number(), Result.REFUSED, "Le numéro " + past.number()
                                + " figure déjà à la ligne " + earlier.line() + " du fichier, avec d'autres données."));
            } else {
                fresh.put(past.number(), past);
                outcomes.add(new Outcome(past.line(), past.number(), Result.IMPORTED, null));
            }
        }
        if (!fresh.isEmpty()) {
            insert(List.copyOf(fresh.values()));
        }
        return outcomes;
    }

    private static Outcome outcomeForKnown(Past past, Existing known) {
        if (known.imported() && past.fingerprint().equals(known.fingerprint())) {
            return new Outcome(past.line(), past.number(), Result.UNCHANGED, null);
        }
        String reason = !known.imported() ? "Le numéro " + past.number() + " est déjà celui d'un mémoire déposé dans ce portail."
                : !known.structureId().equals(past.structureId()) ? "Le mémoire " + past.number()
                        + " a déjà été importé pour une autre structure."
                : "Le mémoire " + past.number() + " a déjà été importé avec d'autres données : l'import ne modifie pas "
                        + "un mémoire déjà repris.";
        return new Outcome(past.line(), past.number(), Result.REFUSED, reason);
    }

    private Map<String, Existing> existing(List<String> numbers) {
        Map<String, Existing> found = new HashMap<>();
        jdbc.query("select coalesce(mj_number, number) as n, structure_id, import_fingerprint, imported_at from memoire "
                + "where mj_number in (:numbers) or number in (:numbers)", new MapSqlParameterSource("numbers", numbers),
                rs -> {
                    found.put(rs.getString("n"), new Existing(rs.getObject("structure_id", UUID.class),
                            rs.getString("import_fingerprint"), rs.getTimestamp("imported_at") != null));
                });
        return found;
    }

    private void insert(List<Past> fresh) {
        // first the sequence, so that a mémoire sent meanwhile cannot draw one of these numbers
        long highest = fresh.stream().mapToLong(p -> MemoireNumbers.sequenceValue(p.number())).max().orElseThrow();
        jdbc.query(MemoireNumbers.RAISE_SEQUENCE, new MapSqlParameterSource("highest", highest), rs -> {
        });
        Instant now = clock.instant();
        String importedOn = FrenchDates.date(now);
        List<SqlParameterSource> memoires = new ArrayList<>();
        List<SqlParameterSource> steps = new ArrayList<>();
        for (Past p : fresh) {
            UUID id = UUID.randomUUID();
            Timestamp deposited = middayOf(p.depositDate());
            Timestamp changed = middayOf(p.statusDate());
            memoires.add(new MapSqlParameterSource().addValue("id", id).addValue("number", p.number())
                    .addValue("structure", p.structureId()).addValue("jurisdiction", p.jurisdictionCode())
                    .addValue("category", p.category().name()).addValue("referenceText", p.category().referenceText())
                    .addValue("vatType", p.vatType().name()).addValue("invoice", p.invoiceNumber())
                    .addValue("status", p.status().name()).addValue("deposited", deposited).addValue("changed", changed)
                    .addValue("reason", p.statusReason()).addValue("paid", p.paidAmount())
                    .addValue("paymentDate", p.paymentDate() == null ? null : Date.valueOf(p.paymentDate()))
                    .addValue("inclVat", p.inclVat()).addValue("exclVat", p.exclVat()).addValue("vat", p.vat())
                    .addValue("importedAt", Timestamp.from(now)).addValue("fingerprint", p.fingerprint()));
            steps.add(step(id, MemoireStatus.DEPOSE, deposited, "Mémoire repris de l'ancien portail le " + importedOn
                    + ", sous son numéro " + p.number() + ".", now));
            steps.add(step(id, p.status(), changed, p.statusReason(), now));
        }
        jdbc.batchUpdate("insert into memoire (id, number, mj_number, structure_id, jurisdiction_code, provider_category, "
                + "reference_text, vat_type, provider_invoice_number, status, created_at, updated_at, version, deposited_at, "
                + "late, status_reason, status_changed_at, paid_amount, payment_date, amount_incl_vat, imported_at, "
                + "import_fingerprint, imported_excl_vat, imported_vat) values (:id, :number, :number, :structure, "
                + ":jurisdiction, :category, :referenceText, :vatType, :invoice, :status, :deposited, :changed, 0, "
                + ":deposited, false, :reason, :changed, :paid, :paymentDate, :inclVat, :importedAt, :fingerprint, "
                + ":exclVat, :vat)", memoires.toArray(SqlParameterSource[]::new));
        // the steps are already known to the provider: no status mail (notified_at set)
        jdbc.batchUpdate("insert into memoire_status_change (id, memoire_id, status, changed_at, actor, reason, notified_at) "
                + "values (:id, :memoire, :status, :changedAt, :actor, :reason, :notifiedAt)", steps.toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource step(UUID memoireId, MemoireStatus status, Timestamp at, String reason, Instant now) {
        return new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("memoire", memoireId)
                .addValue("status", status.name()).addValue("changedAt", at).addValue("actor", FORMER_PORTAL)
                .addValue("reason", reason).addValue("notifiedAt", Timestamp.from(now));
    }

    /** The file gives days, the columns hold instants: midday in Paris reads as the same day wherever it is shown. */
    private static Timestamp middayOf(LocalDate date) {
        return Timestamp.from(date.atTime(12, 0).atZone(FrenchDates.PARIS).toInstant());
    }
}
