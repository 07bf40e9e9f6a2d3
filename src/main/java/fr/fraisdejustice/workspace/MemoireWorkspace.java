package fr.fraisdejustice.workspace;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.memoire.MemoireLifecycleProcess;
import fr.fraisdejustice.memoire.MemoireStatus;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FrenchDates;

/** Synthèse, Tableau de bord and Liste fiscale: what the provider's structures have, read straight in SQL. */
@Service
@Transactional(readOnly = true)
class MemoireWorkspace {

    record Waiting(String number, MemoireStatus status, String statusLabel, UUID structureId, String structureName,
                   BigDecimal amountInclVat, Instant statusChangedAt, String action, String actionCode) {
    }

    record Count(String code, String label, long count, String search) {
    }

    record Dashboard(List<Count> byStatus, List<Count> byStructure) {
    }

    record FiscalRow(String number, String structureName, String jurisdictionCode, LocalDate paymentDate,
                     BigDecimal amountInclVat, BigDecimal paidAmount) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final MemoireSearch search;
    private final Clock clock;

    MemoireWorkspace(NamedParameterJdbcTemplate jdbc, MemoireSearch search, Clock clock) {
        this.jdbc = jdbc;
        this.search = search;
        this.clock = clock;
    }

    /** The mémoires waiting for the provider, newest first, each with what it needs. */
    List<Waiting> summary(UUID accountId) {
        MapSqlParameterSource params = mine(accountId)
                .addValue("appealOpenSince", Timestamp.from(clock.instant().minus(MemoireLifecycleProcess.APPEAL_PERIOD)));
        return jdbc.query("select coalesce(m.mj_number, m.number) as number, m.status, m.structure_id, s.name, "
                + "m.amount_incl_vat, m.status_changed_at, m.taxation_notified_at from memoire m "
                + "join structure s on s.id = m.structure_id where m.structure_id in (:structures) and ("
                + "m.status in ('BROUILLON', 'REFUSE', 'SUSPENDU') or (m.status = 'TAXE' and m.granted_amount <> m.amount_incl_vat "
                + "and m.taxation_notified_at >= :appealOpenSince)) order by m.status_changed_at desc limit 500", params,
                (rs, i) -> {
                    MemoireStatus status = MemoireStatus.valueOf(rs.getString("status"));
                    Timestamp taxed = rs.getTimestamp("taxation_notified_at");
                    String[] action = switch (status) {
                        case BROUILLON -> new String[] {"ENVOYER", "Compléter puis valider et envoyer"};
                        case REFUSE -> new String[] {"DUPLIQUER", "Dupliquer pour corriger, ou abandonner"};
                        case SUSPENDU -> new String[] {"COMPLETER", "Répondre à la demande de complément du greffe"};
                        default -> new String[] {"FORMER_RECOURS", "Former un recours avant le "
                                + FrenchDates.dateTime(taxed.toInstant().plus(MemoireLifecycleProcess.APPEAL_PERIOD))};
                    };
                    return new Waiting(rs.getString("number"), status, status.label(), rs.getObject("structure_id", UUID.class),
                            rs.getString("name"), rs.getBigDecimal("amount_incl_vat"),
                            rs.getTimestamp("status_changed_at").toInstant(), action[1], action[0]);
                });
    }

    /** Counts per status and per structure (archives aside); each count opens the matching search. */
    Dashboard dashboard(UUID accountId) {
        MapSqlParameterSource params = mine(accountId).addValue("cutoff",
                Timestamp.from(ZonedDateTime.now(clock.withZone(FrenchDates.PARIS)).minusYears(2).toInstant()));
        String live = " from memoire m where m.structure_id in (:structures) and m.status_changed_at >= :cutoff";
        List<Count> byStatus = jdbc.query("select m.status, count(*) as n" + live + " group by m.status order by m.status",
                params, (rs, i) -> {
                    MemoireStatus status = MemoireStatus.valueOf(rs.getString("status"));
                    return new Count(status.name(), status.label(), rs.getLong("n"), "/portail/recherche?status=" + status.name());
                });
        List<Count> byStructure = jdbc.query("select m.structure_id, s.name, count(*) as n from memoire m "
                + "join structure s on s.id = m.structure_id where m.structure_id in (:structures) and m.status_changed_at >= :cutoff "
                + "group by m.structure_id, s.name order by s.name", params,
                (rs, i) -> new Count(rs.getString("structure_id"), rs.getString("name"), rs.getLong("n"),
                        "/portail/recherche?structure=" + rs.getString("structure_id")));
        return new Dashboard(byStatus, byStructure);
    }

    /** The mémoires paid over a period of at most one year, by payment date (the recap list tax law requires). */
    List<FiscalRow> fiscalList(LocalDate from, LocalDate to, UUID accountId) {
        if (from == null || to == null || to.isBefore(from)) {
            throw DomainException.invalidField(from == null ? "from" : "to", "INVALID_PERIOD",
                    "Choisissez une période : du (from) au (to), la fin après le début.");
        }
        if (to.isAfter(from.plusYears(1).minusDays(1))) {
            throw new DomainException(DomainException.Kind.INVALID, "PERIOD_TOO_LONG",
                    "La liste fiscale couvre au plus un an : du " + FrenchDates.date(from) + " au "
                            + FrenchDates.date(from.plusYears(1).minusDays(1)) + " au plus. Raccourcissez la période.")
                    .with("maxTo", from.plusYears(1).minusDays(1).toString());
        }
        MapSqlParameterSource params = mine(accountId).addValue("from", Date.valueOf(from)).addValue("to", Date.valueOf(to));
        return jdbc.query("select m.mj_number, s.name, m.jurisdiction_code, m.payment_date, m.amount_incl_vat, m.paid_amount "
                + "from memoire m join structure s on s.id = m.structure_id where m.structure_id in (:structures) "
                + "and m.status = 'MIS_EN_PAIEMENT' and m.payment_date between :from and :to order by m.payment_date, m.mj_number",
                params, (rs, i) -> new FiscalRow(rs.getString("mj_number"), rs.getString("name"),
                        rs.getString("jurisdiction_code"), rs.getDate("payment_date").toLocalDate(),
                        rs.getBigDecimal("amount_incl_vat"), rs.getBigDecimal("paid_amount")));
    }

    private MapSqlParameterSource mine(UUID accountId) {
        List<UUID> structures = search.readableStructures(accountId);
        return new MapSqlParameterSource("structures", structures.isEmpty() ? List.of(new UUID(0, 0)) : structures);
    }
}
