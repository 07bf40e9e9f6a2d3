package fr.fraisdejustice.workspace;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.bench.BenchTable;
import fr.fraisdejustice.memoire.MemoireStatus;
import fr.fraisdejustice.memoire.StructureWithBankAccount;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * The workspace on 1 000 000 mémoires across 10 000 structures, in PostgreSQL: a structure's typical searches and its
 * dashboard (p50 / p95 over 300 runs each, through the services, membership check included), and a 100 000-row CSV
 * export whose heap is sampled while it streams. The rows are inserted in SQL. Runs only with
 * {@code mvn -Pbench verify}; prints its figures and records them in {@link BenchTable}.
 */
@IntegrationTest
class WorkspaceBenchmark {

    static final int STRUCTURES = 10_000;
    static final int MEMOIRES = 1_000_000;
    static final int BIG_STRUCTURE = 100_000;
    static final int RUNS = 300;

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired ObjectMapper json;
    @Autowired MemoireSearch search;
    @Autowired MemoireWorkspace workspace;
    @LocalServerPort int port;

    @Test
    void searchDashboardAndExportOnAMillionMemoires() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        UUID account = ready.manager().accountId();
        long start = System.nanoTime();
        load(ready);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        UUID typical = ready.manager().structureId();

        MemoireSearch.Criteria none = criteria(null, null, null);
        List<Double> searchAll = time(() -> search.search(none, 0, 20, null, account));
        List<Double> searchStatus = time(() -> search.search(criteria(MemoireStatus.MIS_EN_PAIEMENT, null, null), 0, 20, "amount,desc", account));
        List<Double> searchNumber = time(() -> search.search(criteria(null, "MJ9000", null), 0, 20, null, account));
        List<Double> searchCase = time(() -> search.search(criteria(null, null, "AFF-42"), 0, 20, null, account));
        List<Double> dashboard = time(() -> workspace.dashboard(account));

        jdbc.update("insert into membership (id, structure_id, account_id, role, status, profiles, requested_at) "
                + "select gen_random_uuid(), id, ?, 'USER', 'ACTIVE', 'FRAIS_DE_JUSTICE_CONSULTATION', now() from structure "
                + "where name = 'Bench grande structure'", account);
        UUID big = jdbc.queryForObject("select id from structure where name = 'Bench grande structure'", UUID.class);
        List<Double> searchBig = time(() -> search.search(new MemoireSearch.Criteria(null, null, MemoireStatus.CERTIFIE,
                null, null, null, null, null, big, false, null, null, null, null), 0, 20, "amount,desc", account));
        MemoryWatch watch = new MemoryWatch();
        start = System.nanoTime();
        search.export(new MemoireSearch.Criteria(null, null, null, null, null, null, null, null, big, false, null, null, null, null), null, account, watch);
        double exportSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "%nWorkspace on %,d mémoires across %,d structures (loaded in %.0f s), %d runs each:%n",
                MEMOIRES, STRUCTURES, loadSeconds, RUNS);
        print("search, no filter (page of 20)", searchAll);
        print("search, status + sort by amount", searchStatus);
        print("search, number prefix", searchNumber);
        print("search, n° d'affaire", searchCase);
        print("dashboard", dashboard);
        print("search in the 100 000-mémoire one", searchBig);
        System.out.printf(Locale.ROOT, "  CSV export of %,d rows: %.1f s, %.1f MB written, live heap above baseline "
                        + "after 10 000 rows %.1f MB, at most %.1f MB over the whole export%n", watch.rows, exportSeconds,
                watch.chars / 1e6, watch.aboveAt10k / 1e6, watch.maxAbove / 1e6);
        BenchTable.record("workspace: CSV export of " + watch.rows + " rows", exportSeconds, "s");
        BenchTable.record("workspace: CSV export, most live heap above baseline", watch.maxAbove / 1e6, "MB");
        jdbc.update("delete from membership where account_id = ? and structure_id = ?", account, big);
        System.out.printf(Locale.ROOT, "  (the typical structure holds %d mémoires)%n%n",
                jdbc.queryForObject("select count(*) from memoire where structure_id = ?", Long.class, typical));
    }

    private static MemoireSearch.Criteria criteria(MemoireStatus status, String number, String caseNumber) {
        return new MemoireSearch.Criteria(number, null, status, null, null, caseNumber, null, null, null, false, null, null, null, null);
    }

    /** 10 000 structures sharing one bank account; the benchmark's own structure gets 100 mémoires like the others. */
    private void load(StructureWithBankAccount ready) {
        UUID account = ready.manager().accountId();
        UUID bank = UUID.fromString(ready.bankAccountId());
        jdbc.execute("create temporary table bench_structure as select gen_random_uuid() as id, g as n "
                + "from generate_series(1, " + (STRUCTURES - 2) + ") g");
        jdbc.execute("insert into structure (id, identifier_type, identifier, name, status, identifier_conforming, created_at) "
                + "select id, 'AUTRE', 'BENCH-' || n, 'Bench structure ' || n, 'ACTIF', true, now() from bench_structure");
        jdbc.update("insert into structure (id, identifier_type, identifier, name, status, identifier_conforming, created_at) "
                + "values (gen_random_uuid(), 'AUTRE', 'BENCH-BIG', 'Bench grande structure', 'ACTIF', true, now())");
        jdbc.update("insert into bench_structure select id, 0 from structure where identifier = 'BENCH-BIG'");
        jdbc.update("insert into bench_structure values (?, -1)", ready.manager().structureId());
        // n = 0: the big structure (100 000 mémoires); the others, the benchmark's own included, share the rest: 90 each
        jdbc.update("with others as (select array_agg(id order by n) as ids from bench_structure where n <> 0), "
                + "big as (select id from bench_structure where n = 0) "
                + "insert into memoire (id, number, structure_id, jurisdiction_code, bank_account_id, provider_category, "
                + "reference_text, vat_type, status, created_by, created_at, updated_at, version, mj_number, deposited_at, late, "
                + "status_changed_at, amount_incl_vat, payment_date, paid_amount) "
                + "select gen_random_uuid(), 'TMP9' || lpad(g::text, 11, '0'), "
                + "case when g <= " + BIG_STRUCTURE + " then (select id from big) "
                + "else (select ids from others)[1 + g % " + (STRUCTURES - 1) + "] end, "
                + "'TJ75101', ?, 'INTERPRETE_TRADUCTEUR', 'R.122', 'TVA_SUR_DEBIT', "
                + "(array['MIS_A_DISPOSITION','CERTIFIE','MANDATE','MIS_EN_PAIEMENT','REFUSE','TAXE'])[1 + g % 6], ?, "
                + "now() - (g % 700) * interval '1 day', now(), 0, 'MJ9' || lpad(g::text, 9, '0'), "
                + "now() - (g % 700) * interval '1 day', false, now() - (g % 700) * interval '1 day', "
                + "(g % 5000) + 0.5, case when g % 6 = 3 then current_date - (g % 700) end, "
                + "case when g % 6 = 3 then (g % 5000) + 0.5 end "
                + "from generate_series(1, " + MEMOIRES + ") g", bank, account);
        jdbc.update("insert into memoire_line (id, memoire_id, position, case_number, requisition_date, requesting_authority, "
                + "service_type, service_date, quantity, unit_price_excl_vat, vat_rate, amount_excl_vat, vat_amount, "
                + "amount_incl_vat, tariffed, above_tariff) select gen_random_uuid(), m.id, 1, 'AFF-' || (abs(hashtext(m.number)) % 500), "
                + "current_date - 30, 'Procureur', 'TRADUCTION_ECRITE', current_date - 20, 1, m.amount_incl_vat, 0, "
                + "m.amount_incl_vat, 0, m.amount_incl_vat, true, false from memoire m where m.number like 'TMP9%'");
        jdbc.execute("analyze memoire");
        jdbc.execute("analyze memoire_line");
        jdbc.execute("analyze structure");
        jdbc.execute("analyze membership");
    }

    private static List<Double> time(Supplier<?> query) {
        for (int i = 0; i < 30; i++) {
            query.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    private static void print(String what, List<Double> millis) {
        double p50 = millis.get(millis.size() / 2);
        double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        System.out.printf(Locale.ROOT, "  %-34s p50 %6.1f ms   p95 %6.1f ms%n", what, p50, p95);
        BenchTable.record("workspace: " + what + ", p95", p95, "ms");
    }

    /** Counts what the export writes and, every 10 000 rows, measures the live heap (after a collection). */
    private static final class MemoryWatch extends Writer {
        final long baseline;
        long chars;
        long rows;
        long maxAbove;
        long aboveAt10k;

        MemoryWatch() {
            System.gc();
            baseline = used();
        }

        static long used() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        long above() {
            return used() - baseline;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n' && ++rows % 10_000 == 0) {
                    System.gc();
                    long live = above();
                    maxAbove = Math.max(maxAbove, live);
                    if (rows == 10_000) {
                        aboveAt10k = live;
                    }
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
