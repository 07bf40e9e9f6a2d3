package fr.fraisdejustice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.fraisdejustice.support.IntegrationTest;

/**
 * The job executor: our engine (the application's, with its Spring transactions, history level and schema) against a
 * bare engine built beside it on the same database, both with the {@code camunda.bpm.job-execution} settings of
 * application.yml, each timed through {@value #JOBS} async continuations of a no-op service task. Then ours with the
 * starter's default settings (what bounded it before), with 1 000 000 pending activation timers in the table (our
 * acquisition index V5), and without that index. Runs only with {@code mvn -Pbench verify}; records in {@link BenchTable}.
 */
@IntegrationTest
class JobAcquisitionBenchmark {

    static final int JOBS = 1500;
    static final int PENDING_TIMERS = 1_000_000;
    static final AtomicInteger EXECUTED = new AtomicInteger();

    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;

    /** The async service task of the benchmark processes: counts, nothing else. */
    public static class CountingDelegate implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            EXECUTED.incrementAndGet();
        }
    }

    @Test
    void jobExecutorAgainstTheBareEngineAndWithAMillionPendingTimers() throws Exception {
        // application.yml's settings (the test profile only switches the executor off: each measure starts it)
        JobExecutionProperty ours = Binder.get(environment).bind("camunda.bpm.job-execution", JobExecutionProperty.class)
                .orElseGet(JobExecutionProperty::new);
        JobExecutionProperty starterDefaults = new JobExecutionProperty();
        ProcessEngineConfigurationImpl ourConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        ProcessEngine bare = bareEngine();
        List<String> suspended = suspendOtherJobs();
        try {
            deploy(engine, "bench-ours");
            deploy(bare, "bench-bare");
            measure(engine, "bench-ours", ourConfiguration.getJobExecutor(), ours, JOBS / 4);  // warm-up: JIT, pools
            measure(bare, "bench-bare", jobExecutor(bare), ours, JOBS / 4);

            double bareRate = measure(bare, "bench-bare", jobExecutor(bare), ours, JOBS);
            double ourRate = measure(engine, "bench-ours", ourConfiguration.getJobExecutor(), ours, JOBS);
            double bareDefaults = measure(bare, "bench-bare", jobExecutor(bare), starterDefaults, JOBS);
            double ourDefaults = measure(engine, "bench-ours", ourConfiguration.getJobExecutor(), starterDefaults, JOBS);

            // the empty table again, just before the timers: the machine's load drifts, the ratio compares neighbours
            double empty = measure(engine, "bench-ours", ourConfiguration.getJobExecutor(), ours, JOBS);
            double fillSeconds = insertPendingTimers();
            double withIndex = measure(engine, "bench-ours", ourConfiguration.getJobExecutor(), ours, JOBS);
            jdbc.execute("drop index act_idx_job_acquisition");
            jdbc.execute("analyze act_ru_job");
            double stock = measure(engine, "bench-ours", ourConfiguration.getJobExecutor(), ours, JOBS / 3);
            jdbc.execute("create index act_idx_job_acquisition on act_ru_job (duedate_) where retries_ > 0 and suspension_state_ = 1");
            jdbc.update("delete from act_ru_job where id_ like 'bench-timer-%'");
            jdbc.execute("vacuum analyze act_ru_job");

            System.out.printf(Locale.ROOT, "%nJob executor (%d async jobs per measure), history %s, application.yml: %s%n",
                    JOBS, ourConfiguration.getHistory(), settings(ours));
            System.out.printf(Locale.ROOT, "  bare engine, same settings, same database  : %8.1f jobs/s%n", bareRate);
            System.out.printf(Locale.ROOT, "  our engine                                  : %8.1f jobs/s%n", ourRate);
            System.out.printf(Locale.ROOT, "  bare engine, the starter's defaults         : %8.1f jobs/s (%s)%n", bareDefaults,
                    settings(starterDefaults));
            System.out.printf(Locale.ROOT, "  our engine, the starter's defaults          : %8.1f jobs/s%n", ourDefaults);
            System.out.printf(Locale.ROOT, "  our engine, empty job table, again          : %8.1f jobs/s%n", empty);
            System.out.printf(Locale.ROOT, "  %,d pending timers inserted in %.1f s%n", PENDING_TIMERS, fillSeconds);
            System.out.printf(Locale.ROOT, "  our engine, %,d pending timers, V5 index : %8.1f jobs/s%n", PENDING_TIMERS, withIndex);
            System.out.printf(Locale.ROOT, "  our engine, %,d pending timers, stock    : %8.1f jobs/s%n%n", PENDING_TIMERS, stock);

            BenchTable.record("job executor, our engine", ourRate, "jobs/s",
                    "bare engine, same settings and database", bareRate, "≥ 80 %", ourRate >= 0.8 * bareRate);
            BenchTable.record("job executor, our engine, tuned", ourRate, "jobs/s",
                    "our engine, the starter's defaults", ourDefaults, "", true);
            BenchTable.record("job executor, our engine, starter's defaults", ourDefaults, "jobs/s",
                    "bare engine, starter's defaults", bareDefaults, "", true);
            BenchTable.record("job executor, 1 000 000 pending timers", withIndex, "jobs/s",
                    "our engine, empty job table", empty, "≥ 90 %", withIndex >= 0.9 * empty);
            BenchTable.record("job executor, 1 000 000 timers, without V5", stock, "jobs/s",
                    "our engine, empty job table", empty, "", true);
        } finally {
            jdbc.update("delete from act_ru_job where id_ like 'bench-timer-%'");
            resume(suspended);
            bare.close();
        }
    }

    /**
     * An engine with Camunda's defaults and no application code, on the application's database, at the history level
     * stored there (the engine refuses another): ours, audit plus decisions, which records nothing more than audit for a job.
     */
    private ProcessEngine bareEngine() {
        HistoryLevel stored = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                .setProcessEngineName("bare-benchmark")
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate("false")
                .setHistory(stored.getName())
                .setJobExecutorActivate(false);
        configuration.setCustomHistoryLevels(List.of(stored));
        configuration.setDatabaseType("postgres");
        return configuration.buildProcessEngine();
    }

    private static JobExecutor jobExecutor(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    private static void deploy(ProcessEngine engine, String key) {
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask().camundaClass(CountingDelegate.class.getName()).camundaAsyncBefore()
                        .endEvent().done()).deploy();
    }

    /**
     * Starts {@code jobs} instances with the executor stopped, then times the executor, set as {@code settings} says
     * (the starter's SpringJobExecutor takes the same numbers), until it ran them all.
     */
    private static double measure(ProcessEngine engine, String key, JobExecutor executor, JobExecutionProperty settings,
                                  int jobs) throws InterruptedException {
        for (int i = 0; i < jobs; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(key);
        }
        configure((DefaultJobExecutor) executor, settings);
        EXECUTED.set(0);
        long start = System.nanoTime();
        executor.start();
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        while (EXECUTED.get() < jobs && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        executor.shutdown();
        System.out.printf(Locale.ROOT, "  %s: ran %d jobs in %.2f s%n", key, EXECUTED.get(), seconds);
        if (EXECUTED.get() < jobs) {
            throw new IllegalStateException("Only " + EXECUTED.get() + " jobs ran in 5 minutes");
        }
        return jobs / seconds;
    }

    /** What the starter does with the same properties (DefaultJobConfiguration), on the engine's own executor. */
    private static void configure(DefaultJobExecutor executor, JobExecutionProperty settings) {
        executor.setCorePoolSize(settings.getCorePoolSize());
        executor.setMaxPoolSize(settings.getMaxPoolSize());
        executor.setQueueSize(settings.getQueueCapacity());
        executor.setMaxJobsPerAcquisition(or(settings.getMaxJobsPerAcquisition(), 3));
        executor.setWaitTimeInMillis(or(settings.getWaitTimeInMillis(), 5000));
        executor.setMaxWait(or(settings.getMaxWait(), 60_000L));
        executor.setLockTimeInMillis(or(settings.getLockTimeInMillis(), 300_000));
        executor.setBackoffTimeInMillis(or(settings.getBackoffTimeInMillis(), 0));
        executor.setMaxBackoff(or(settings.getMaxBackoff(), 0L));
        executor.setBackoffDecreaseThreshold(or(settings.getBackoffDecreaseThreshold(), 100));
        executor.setWaitIncreaseFactor(or(settings.getWaitIncreaseFactor(), 2f));
    }

    private static <T> T or(T value, T camundaDefault) {
        return value == null ? camundaDefault : value;
    }

    private static String settings(JobExecutionProperty p) {
        return String.format(Locale.ROOT, "threads %d-%d, queue %d, %s jobs per acquisition, wait %s ms, backoff %s ms",
                p.getCorePoolSize(), p.getMaxPoolSize(), p.getQueueCapacity(), or(p.getMaxJobsPerAcquisition(), 3),
                or(p.getWaitTimeInMillis(), 5000), or(p.getBackoffTimeInMillis(), 0));
    }

    /** Jobs other benchmarks or start-up left executable are held while the executors run, then given back. */
    private List<String> suspendOtherJobs() {
        List<String> suspended = new ArrayList<>();
        var management = engine.getManagementService();
        for (ProcessDefinition definition : engine.getRepositoryService().createProcessDefinitionQuery().active().list()) {
            if (management.createJobQuery().processDefinitionId(definition.getId()).active().count() > 0) {
                management.updateJobSuspensionState().byProcessDefinitionId(definition.getId()).suspend();
                suspended.add(definition.getId());
            }
        }
        return suspended;
    }

    private void resume(List<String> definitions) {
        definitions.forEach(id -> engine.getManagementService().updateJobSuspensionState().byProcessDefinitionId(id).activate());
    }

    /** Pending activation timers as the activation process leaves them: due in up to 30 days, one per instance. */
    private double insertPendingTimers() {
        long start = System.nanoTime();
        jdbc.update("""
                insert into act_ru_job (id_, rev_, type_, exclusive_, execution_id_, process_instance_id_, process_def_key_,
                                        retries_, duedate_, handler_type_, handler_cfg_, suspension_state_, priority_,
                                        sequence_counter_, create_time_, root_proc_inst_id_)
                select 'bench-timer-' || i, 1, 'timer', true, 'ex-' || i, 'pi-' || i, 'account-activation',
                       3, now() + interval '1 day' + (i %% 2592000) * interval '1 second',
                       'timer-intermediate-transition', 'Event_ThirtyDaysElapsed', 1, 0,
                       1, now(), 'pi-' || i
                from generate_series(1, %d) as i""".formatted(PENDING_TIMERS));
        // the timers fill the table and the jobs to run come after them, as when timers pile up over 30 days
        jdbc.execute("vacuum analyze act_ru_job");
        return (System.nanoTime() - start) / 1e9;
    }
}
