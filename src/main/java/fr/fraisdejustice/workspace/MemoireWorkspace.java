package fr.fraisdejustice.workspace;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
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
                   String jurisdictionCode, String jurisdictionName, Instant depositedAt, BigDecimal amountInclVat,
                   Instant statusChangedAt, String providerInvoiceNumber, String action, String actionCode) {
    }

    record StructureName(UUID id, String name) {
    }

    /** A page of the Synthèse, with the account's structures for its filter. */
    record Summary(List<Waiting> items, int page, int size, long total, List<StructureName> structures) {
    }

    record Count(String code, String label, long count, String search) {
    }

    record Cell(String status, long count, String search) {
    }

    /** One structure's line of the grid: a count per status, in the order of the grid's columns. */
    record GridRow(UUID structureId, String structureName, List<Cell> counts, long total) {
    }

    record Grid(List<Count> statuses, List<GridRow> rows) {
    }

    record Dashboard(List<Count> byStatus, List<Count> byStructure, Grid grid) {
    }

    record FiscalRow(String number, String structureName, String jurisdictionCode, String jurisdictionName,
                     LocalDate paymentDate, BigDecimal amountInclVat, BigDecimal paidAmount) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final MemoireSearch search;
    private final Clock clock;

    MemoireWorkspace(NamedParameterJdbcTemplate jdbc, MemoireSearch search, Clock clock) {
        this.jdbc = jdbc;
        this.search = search;
        this.clock = clock;
    }

    private static final String WAITING = " from memoire m join structure s on s.id = m.structure_id "
            + "join jurisdiction j on j.code = m.jurisdiction_code where m.structure_id in (:structures) "
            // a mémoire taken over from the former portal is read-only: it waits for nothing
            + "and m.imported_at is null and ("
            + "m.status in ('BROUILLON', 'REFUSE', 'SUSPENDU') or (m.status = 'TAXE' and m.granted_amount <> m.amount_incl_vat "
            + "and m.taxation_notified_at >= :appealOpenSince))";

    /** The mémoires waiting for the provider, newest first, each with what it needs: of one structure or of all his. */
    Summary summary(UUID structureId, int page, int size, UUID accountId) {
        if (page < 0 || size < 1 || size > MemoireSearch.MAX_PAGE_SIZE) {
            throw DomainException.invalidField("size", "INVALID_VALUE", "Une page compte de 1 à " + MemoireSearch.MAX_PAGE_SIZE
                    + " mémoires, et les pages se comptent à partir de 0.");
        }
        List<UUID> mine = search.readableStructures(accountId);
        if (structureId != null && !mine.contains(structureId)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "STRUCTURE_NOT_FOUND",
                    "Cette structure n'existe pas, ou vous n'en êtes pas membre.");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("structures", structureId != null ? List.of(structureId)
                : mine.isEmpty() ? List.of(new UUID(0, 0)) : mine)
                .addValue("appealOpenSince", Timestamp.from(clock.instant().minus(MemoireLifecycleProcess.APPEAL_PERIOD)))
                .addValue("limit", size).addValue("offset", (long) page * size);
        long total = jdbc.queryForObject("select count(*)" + WAITING, params, Long.class);
        List<Waiting> items = jdbc.query("select coalesce(m.mj_number, m.number) as number, m.status, m.structure_id, s.name, "
                + "m.jurisdiction_code, j.name as jurisdiction_name, m.deposited_at, m.amount_incl_vat, m.status_changed_at, "
                + "m.provider_invoice_number, m.taxation_notified_at" + WAITING
                + " order by m.status_changed_at desc, m.id limit :limit offset :offset", params,
                (rs, i) -> {
                    MemoireStatus status = MemoireStatus.valueOf(rs.getString("status"));
                    Timestamp taxed = rs.getTimestamp("taxation_notified_at");
                    Timestamp deposited = rs.getTimestamp("deposited_at");
                    String[] action = switch (status) {
                        case BROUILLON -> new String[] {"ENVOYER", "Compléter puis valider et envoyer"};
                        case REFUSE -> new String[] {"DUPLIQUER", "Dupliquer pour corriger, ou abandonner"};
                        case SUSPENDU -> new String[] {"COMPLETER", "Répondre à la demande de complément du greffe"};
                        default -> new String[] {"FORMER_RECOURS", "Former un recours avant le "
                                + FrenchDates.dateTime(taxed.toInstant().plus(MemoireLifecycleProcess.APPEAL_PERIOD))};
                    };
                    return new Waiting(rs.getString("number"), status, status.label(), rs.getObject("structure_id", UUID.class),
                            rs.getString("name"), rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"),
                            deposited == null ? null : deposited.toInstant(), rs.getBigDecimal("amount_incl_vat"),
                            rs.getTimestamp("status_changed_at").toInstant(), rs.getString("provider_invoice_number"),
                            action[1], action[0]);
                });
        return new Summary(items, page, size, total, structureNames(mine));
    }

    private List<StructureName> structureNames(List<UUID> structures) {
        return structures.isEmpty() ? List.of() : jdbc.query("select id, name from structure where id in (:structures) order by name",
                new MapSqlParameterSource("structures", structures),
                (rs, i) -> new StructureName(rs.getObject("id", UUID.class), rs.getString("name")));
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
        return new Dashboard(byStatus, byStructure, grid(params, accountId));
    }

    /** Every structure of the account × every status, zeros included: each count opens the search of its cell. */
    private Grid grid(MapSqlParameterSource params, UUID accountId) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        jdbc.query("select m.structure_id, m.status, count(*) as n from memoire m where m.structure_id in (:structures) "
                + "and m.status_changed_at >= :cutoff group by m.structure_id, m.status", params, (RowCallbackHandler) rs ->
                counts.computeIfAbsent(rs.getObject("structure_id", UUID.class), id -> new HashMap<>())
                        .put(rs.getString("status"), rs.getLong("n")));
        List<Count> statuses = Arrays.stream(MemoireStatus.values())
                .map(s -> new Count(s.name(), s.label(), 0, "/portail/recherche?status=" + s.name())).toList();
        List<GridRow> rows = structureNames(search.readableStructures(accountId)).stream().map(structure -> {
            Map<String, Long> mine = counts.getOrDefault(structure.id(), Map.of());
            List<Cell> cells = statuses.stream().map(s -> new Cell(s.code(), mine.getOrDefault(s.code(), 0L),
                    "/portail/recherche?structureId=" + structure.id() + "&status=" + s.code())).toList();
            return new GridRow(structure.id(), structure.name(), cells, cells.stream().mapToLong(Cell::count).sum());
        }).toList();
        return new Grid(statuses, rows);
    }

    /** The mémoires paid over a period of at most one year, by payment date (the recap list tax law requires). */
    List<FiscalRow> fiscalList(LocalDate from, LocalDate to, UUID structureId, UUID accountId) {
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
        if (structureId != null) {
            if (!search.readableStructures(accountId).contains(structureId)) {
                throw new DomainException(DomainException.Kind.NOT_FOUND, "STRUCTURE_NOT_FOUND",
                        "Cette structure n'existe pas, ou vous n'en êtes pas membre.");
            }
            params.addValue("structures", List.of(structureId));
        }
        return jdbc.query("select m.mj_number, s.name, m.jurisdiction_code, j.name as jurisdiction_name, m.payment_date, "
                + "m.amount_incl_vat, m.paid_amount from memoire m join structure s on s.id = m.structure_id "
                + "join jurisdiction j on j.code = m.jurisdiction_code where m.structure_id in (:structures) "
                + "and m.status = 'MIS_EN_PAIEMENT' and m.payment_date between :from and :to order by m.payment_date, m.mj_number",
                params, (rs, i) -> new FiscalRow(rs.getString("mj_number"), rs.getString("name"),
                        rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"), rs.getDate("payment_date").toLocalDate(),
                        rs.getBigDecimal("amount_incl_vat"), rs.getBigDecimal("paid_amount")));
    }

    private MapSqlParameterSource mine(UUID accountId) {
        List<UUID> structures = search.readableStructures(accountId);
        return new MapSqlParameterSource("structures", structures.isEmpty() ? List.of(new UUID(0, 0)) : structures);
    }
}
