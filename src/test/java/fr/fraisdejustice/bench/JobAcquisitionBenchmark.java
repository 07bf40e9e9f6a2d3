package fr.fraisdejustice.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Job executor throughput with an empty job table, then with 1 000 000 pending activation timers, with and without our
 * acquisition index (V5). Runs only with {@code mvn -Pbench test -Dnpm.skip=true}; prints its figures.
 * <p>
 * Each measure times the job executor through {@value #JOBS} async continuations (a no-op service task), on the schema
 * our migrations build, with the starter's default executor settings (3 jobs per acquisition, 3 to 10 threads).
 */
class JobAcquisitionBenchmark {

    static final int JOBS = 1500;
    static final int PENDING_TIMERS = 1_000_000;
    static final AtomicInteger EXECUTED = new AtomicInteger();

    /** The async service task of the benchmark process: counts, nothing else. */
    public static class CountingDelegate implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            EXECUTED.incrementAndGet();
        }
    }

    @Test
    void jobExecutorThroughputWithAMillionPendingTimers() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                // a production-sized buffer cache: with a small one, PostgreSQL's synchronized sequential scans start
                // each scan where the last one stopped, which hides the cost of scanning all the timers
                .setServerConfig("shared_buffers", "1GB")
                // commits without waiting for the disk, as on a server with a battery-backed cache: the figure is then
                // the executor's and the acquisition's, not this machine's fsync latency
                .setServerConfig("synchronous_commit", "off")
                .start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                    .setDataSource(dataSource)
                    .setDatabaseSchemaUpdate("false")
                    .setHistory("audit")
                    .setJobExecutorActivate(false);
            configuration.setDatabaseType("postgres");
            ProcessEngine engine = configuration.buildProcessEngine();
            engine.getRepositoryService().createDeployment().addModelInstance("bench.bpmn",
                    Bpmn.createExecutableProcess("bench").camundaHistoryTimeToLive(1)
                            .startEvent().serviceTask().camundaClass(CountingDelegate.class.getName()).camundaAsyncBefore()
                            .endEvent().done()).deploy();

            measure(engine, configuration, JOBS / 4);  // warm-up: JIT, connection pool, caches
            double empty = measure(engine, configuration, JOBS);

            insertPendingTimers(dataSource);
            double withIndex = measure(engine, configuration, JOBS);

            sql(dataSource, "drop index act_idx_job_acquisition");
            sql(dataSource, "vacuum full analyze act_ru_job");
            double stock = measure(engine, configuration, JOBS);

            System.out.printf(Locale.ROOT, "%nJob executor throughput (%d async jobs per measure, 2 cores):%n", JOBS);
            System.out.printf(Locale.ROOT, "  empty job table                        : %8.1f jobs/s%n", empty);
            System.out.printf(Locale.ROOT, "  %,d pending timers, stock schema   : %8.1f jobs/s (%.1f %% of empty, %.1fx slower)%n",
                    PENDING_TIMERS, stock, 100 * stock / empty, empty / stock);
            System.out.printf(Locale.ROOT, "  %,d pending timers, with V5 index  : %8.1f jobs/s (%.1f %% of empty)%n%n",
                    PENDING_TIMERS, withIndex, 100 * withIndex / empty);
            engine.close();
        }
    }

    /** Starts {@link #JOBS} instances with the executor stopped, then times the executor until it ran them all. */
    private static double measure(ProcessEngine engine, ProcessEngineConfigurationImpl configuration, int jobs)
            throws InterruptedException {
        for (int i = 0; i < jobs; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("bench");
        }
        EXECUTED.set(0);
        long start = System.nanoTime();
        configuration.getJobExecutor().start();
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (EXECUTED.get() < jobs && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        configuration.getJobExecutor().shutdown();
        System.out.printf(Locale.ROOT, "  ran %d jobs in %.2f s%n", EXECUTED.get(), seconds);
        if (EXECUTED.get() < jobs) {
            throw new IllegalStateException("Only " + EXECUTED.get() + " jobs ran in 10 minutes");
        }
        return jobs / seconds;
    }

    /** Pending activation timers as the activation process leaves them: due in up to 30 days, one per instance. */
    private static void insertPendingTimers(DataSource dataSource) throws SQLException {
        long start = System.nanoTime();
        sql(dataSource, """
                insert into act_ru_job (id_, rev_, type_, exclusive_, execution_id_, process_instance_id_, process_def_key_,
                                        retries_, duedate_, handler_type_, handler_cfg_, suspension_state_, priority_,
                                        sequence_counter_, create_time_, root_proc_inst_id_)
                select 'timer-' || i, 1, 'timer', true, 'ex-' || i, 'pi-' || i, 'account-activation',
                       3, now() + interval '1 day' + (i %% 2592000) * interval '1 second',
                       'timer-intermediate-transition', 'Event_ThirtyDaysElapsed', 1, 0,
                       1, now(), 'pi-' || i
                from generate_series(1, %d) as i""".formatted(PENDING_TIMERS));
        // the timers fill the table and the jobs to run come after them, as when timers pile up over 30 days
        sql(dataSource, "vacuum full analyze act_ru_job");
        System.out.printf(Locale.ROOT, "Inserted %,d pending timers in %.1f s%n", PENDING_TIMERS, (System.nanoTime() - start) / 1e9);
    }

    private static void sql(DataSource dataSource, String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
