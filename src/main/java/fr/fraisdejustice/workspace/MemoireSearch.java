package fr.fraisdejustice.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.memoire.MemoireNumbers;
import fr.fraisdejustice.memoire.MemoireStatus;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FrenchCsv;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.structure.Structures;

/**
 * Rechercher and Archives: the mémoires of the structures the account is an active member of, filtered, sorted and
 * paged in SQL, or streamed as CSV row by row (a database cursor, so a 100 000-row export keeps a flat memory).
 * Archives are the mémoires whose last status change is more than two years old; the search leaves them out.
 */
@Service
@Transactional(readOnly = true)
class MemoireSearch {

    static final int MAX_PAGE_SIZE = 200;
    private static final Map<String, String> SORTS = Map.of(
            "changedAt", "m.status_changed_at", "depositedAt", "m.deposited_at", "amount", "m.amount_incl_vat",
            "number", "coalesce(m.mj_number, m.number)", "status", "m.status");

    record Criteria(String number, String jurisdiction, MemoireStatus status, LocalDate from, LocalDate to,
                    String caseNumber, BigDecimal minAmount, BigDecimal maxAmount, UUID structure, boolean archived,
                    ProviderCategory providerCategory, String serviceCode, String referenceText,
                    String providerInvoiceNumber) {
    }

    record Row(String number, MemoireStatus status, String statusLabel, UUID structureId, String structureName,
               String jurisdictionCode, String jurisdictionName, Instant depositedAt, BigDecimal amountInclVat,
               Instant statusChangedAt, String providerInvoiceNumber, String providerCategoryLabel, String serviceCode) {
    }

    record Page(List<Row> items, int page, int size, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final Structures structures;
    private final Clock clock;

    MemoireSearch(NamedParameterJdbcTemplate jdbc, DataSource dataSource, Structures structures, Clock clock) {
        this.jdbc = jdbc;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1000);  // in a read-only transaction, PostgreSQL then streams through a cursor
        this.cursor = new NamedParameterJdbcTemplate(streaming);
        this.structures = structures;
        this.clock = clock;
    }

    Page search(Criteria criteria, int page, int size, String sort, UUID accountId) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalidField("size", "INVALID_VALUE", "Une page compte de 1 à " + MAX_PAGE_SIZE
                    + " mémoires, et les pages se comptent à partir de 0.");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(criteria, accountId, params);
        long total = jdbc.queryForObject("select count(*) from memoire m" + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<Row> rows = jdbc.query(SELECT + where + orderBy(sort) + " limit :limit offset :offset", params, MemoireSearch::row);
        return new Page(rows, page, size, total);
    }

    /** The same query, every row, as CSV for a French spreadsheet: UTF-8 with BOM, « ; », decimal commas. */
    void export(Criteria criteria, String sort, UUID accountId, Writer out) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(criteria, accountId, params);
        try {
            FrenchCsv.Printer csv = FrenchCsv.open(out, "Numéro", "Statut", "Structure", "Juridiction", "Date de dépôt",
                    "Montant TTC", "Dernier changement", "N° de facture");
            cursor.query(SELECT + where + orderBy(sort), params, (RowCallbackHandler) rs -> {
                Row row = row(rs, 0);
                try {
                    csv.printRecord(row.number(), row.statusLabel(), row.structureName(), row.jurisdictionName(),
                            row.depositedAt() == null ? "" : FrenchDates.date(LocalDate.ofInstant(row.depositedAt(), FrenchDates.PARIS)),
                            FrenchCsv.amount(row.amountInclVat()),
                            FrenchDates.date(LocalDate.ofInstant(row.statusChangedAt(), FrenchDates.PARIS)),
                            row.providerInvoiceNumber());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String SELECT = "select coalesce(m.mj_number, m.number) as number, m.status, m.structure_id, "
            + "s.name as structure_name, m.jurisdiction_code, j.name as jurisdiction_name, m.deposited_at, m.amount_incl_vat, "
            + "m.status_changed_at, m.provider_invoice_number, m.provider_category, m.service_code "
            + "from memoire m join structure s on s.id = m.structure_id join jurisdiction j on j.code = m.jurisdiction_code";

    /** The structures whose mémoires the account may read: those he is an active member of. */
    List<UUID> readableStructures(UUID accountId) {
        return structures.activeStructureIds(accountId);
    }

    private String where(Criteria c, UUID accountId, MapSqlParameterSource params) {
        List<UUID> mine = readableStructures(accountId);
        if (c.structure() != null && !mine.contains(c.structure())) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "STRUCTURE_NOT_FOUND",
                    "Cette structure n'existe pas, ou vous n'en êtes pas membre.");
        }
        List<String> conditions = new ArrayList<>();
        conditions.add("m.structure_id in (:structures)");
        params.addValue("structures", c.structure() != null ? List.of(c.structure()) : mine.isEmpty() ? List.of(new UUID(0, 0)) : mine);
        Instant cutoff = ZonedDateTime.now(clock.withZone(FrenchDates.PARIS)).minusYears(2).toInstant();
        conditions.add(c.archived() ? "m.status_changed_at < :cutoff" : "m.status_changed_at >= :cutoff");
        params.addValue("cutoff", Timestamp.from(cutoff));
        if (c.number() != null && !c.number().isBlank()) {
            // the number shown (MJ once sent) by its start, or a sent mémoire's former TMP number in full
            conditions.add("(coalesce(m.mj_number, m.number) like :number or m.number = :exactNumber)");
            String number = MemoireNumbers.normalize(c.number()).replace("%", "").replace("_", "");
            params.addValue("number", number + "%").addValue("exactNumber", number);
        }
        if (c.jurisdiction() != null && !c.jurisdiction().isBlank()) {
            conditions.add("m.jurisdiction_code = :jurisdiction");
            params.addValue("jurisdiction", c.jurisdiction().trim());
        }
        if (c.status() != null) {
            conditions.add("m.status = :status");
            params.addValue("status", c.status().name());
        }
        if (c.from() != null) {
            conditions.add("m.deposited_at >= :from");
            params.addValue("from", Timestamp.from(c.from().atStartOfDay(FrenchDates.PARIS).toInstant()));
        }
        if (c.to() != null) {
            conditions.add("m.deposited_at < :to");
            params.addValue("to", Timestamp.from(c.to().plusDays(1).atStartOfDay(FrenchDates.PARIS).toInstant()));
        }
        if (c.caseNumber() != null && !c.caseNumber().isBlank()) {
            conditions.add("exists (select 1 from memoire_line l where l.memoire_id = m.id and l.case_number = :caseNumber)");
            params.addValue("caseNumber", c.caseNumber().trim());
        }
        if (c.providerCategory() != null) {
            conditions.add("m.provider_category = :providerCategory");
            params.addValue("providerCategory", c.providerCategory().name());
        }
        if (present(c.serviceCode())) {
            conditions.add("m.service_code = :serviceCode");
            params.addValue("serviceCode", c.serviceCode().trim());
        }
        if (present(c.referenceText())) {
            conditions.add("m.reference_text = :referenceText");
            params.addValue("referenceText", c.referenceText().trim());
        }
        if (present(c.providerInvoiceNumber())) {
            // the provider's own invoice number, whole or by its start, whatever the case
            conditions.add("upper(m.provider_invoice_number) like :providerInvoiceNumber");
            params.addValue("providerInvoiceNumber",
                    c.providerInvoiceNumber().trim().toUpperCase().replace("%", "").replace("_", "") + "%");
        }
        if (c.minAmount() != null) {
            conditions.add("m.amount_incl_vat >= :minAmount");
            params.addValue("minAmount", c.minAmount());
        }
        if (c.maxAmount() != null) {
            conditions.add("m.amount_incl_vat <= :maxAmount");
            params.addValue("maxAmount", c.maxAmount());
        }
        return " where " + String.join(" and ", conditions);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String orderBy(String sort) {
        String[] parts = (sort == null || sort.isBlank() ? "changedAt,desc" : sort).split(",");
        String column = SORTS.get(parts[0].trim());
        if (column == null || parts.length > 2) {
            throw DomainException.invalidField("sort", "INVALID_VALUE",
                    "Triez par changedAt, depositedAt, amount, number ou status, suivi de ,asc ou ,desc.");
        }
        boolean ascending = parts.length == 2 && parts[1].trim().equalsIgnoreCase("asc");
        return " order by " + column + (ascending ? " asc nulls first" : " desc nulls last") + ", m.id";
    }

    static Row row(ResultSet rs, int index) throws SQLException {
        MemoireStatus status = MemoireStatus.valueOf(rs.getString("status"));
        Timestamp deposited = rs.getTimestamp("deposited_at");
        return new Row(rs.getString("number"), status, status.label(), rs.getObject("structure_id", UUID.class),
                rs.getString("structure_name"), rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"),
                deposited == null ? null : deposited.toInstant(), rs.getBigDecimal("amount_incl_vat"),
                rs.getTimestamp("status_changed_at").toInstant(), rs.getString("provider_invoice_number"),
                ProviderCategory.valueOf(rs.getString("provider_category")).label(), rs.getString("service_code"));
    }
}
