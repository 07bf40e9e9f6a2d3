package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.bench.BenchTable;
import fr.fraisdejustice.jurisdiction.Jurisdiction;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * Sending a mémoire (checks, prerequisites decision, MJ numbering, RIB attached, fingerprint, process start and its
 * routing decision, all in one transaction), then its save point's job (the clerk's task, its form data, its timer),
 * against two baselines measured in the same run, on the same engine and database, with no application code:
 * <ul>
 * <li>the plain bare engine: start → user task;</li>
 * <li>like for like: start → business rule task on the same {@code memoire-routing} DRD → save point → user task with
 * its candidate group, its 30-day boundary timer and a task-local JSON variable as large as ours.</li>
 * </ul>
 * Then the same with {@value #SENDERS} concurrent senders (and as many threads running the jobs), counting optimistic
 * locking failures and failed jobs. Runs only with {@code mvn -Pbench verify}; records its figures in {@link BenchTable}.
 */
@IntegrationTest
class SendingBenchmark {

    static final int MEMOIRES = 400;
    /** Each measure is taken in rounds, the scenarios in turn, so that the machine's drift weighs on each alike. */
    static final int ROUNDS = 4;
    /** Enough for the JIT to compile our paths as well as the engine's: after 200, end to end measured 0.39–0.41 of like for like, after 1 000 0.51–0.59. */
    static final int WARM_UP = 1000;
    static final int SENDERS = 4;
    static final String BARE = "bare-benchmark";
    static final String LIKE = "like-for-like-benchmark";

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireSubmission submission;
    @Autowired MemoireTaskData taskData;
    @Autowired Jurisdictions jurisdictions;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    /** What one phase did: how many, in how long, and what went wrong. */
    record Phase(int count, double seconds, int optimisticLocks, int failures) {
        static final Phase NONE = new Phase(0, 0, 0, 0);

        double rate() {
            return count / seconds;
        }

        Phase plus(Phase other) {
            return new Phase(count + other.count, seconds + other.seconds, optimisticLocks + other.optimisticLocks,
                    failures + other.failures);
        }
    }

    /** Phases of one scenario: its start (or sending), its save point's jobs, and both together. */
    record Run(Phase start, Phase job) {
        static final Run NONE = new Run(Phase.NONE, Phase.NONE);

        Run plus(Run other) {
            return new Run(start.plus(other.start), job.plus(other.job));
        }

        double endToEnd() {
            return start.count() / (start.seconds() + job.seconds());
        }

        int optimisticLocks() {
            return start.optimisticLocks() + job.optimisticLocks();
        }

        int failures() {
            return start.failures() + job.failures();
        }
    }

    /** The like-for-like task's form data: a JSON value as large as the one our listener builds, without reading it. */
    public static class FixedForm implements TaskListener {
        static volatile String form = "{}";

        @Override
        public void notify(DelegateTask task) {
            task.setVariableLocal("memoire", SpinValues.jsonValue(form).create());
        }
    }

    @Test
    void sendingAgainstTheBareEngineAndLikeForLike() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        UUID account = ready.manager().accountId();
        List<String> numbers = drafts(ready, WARM_UP + 2 * MEMOIRES);
        Jurisdiction destination = jurisdictions.find("TJ75101").orElseThrow();
        engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn", bare())
                .addModelInstance("like.bpmn", likeForLike()).deploy();

        // warm-up: JIT, caches, connection pool; then the like-for-like form is made as large as ours
        send(numbers.subList(0, WARM_UP), account, 1);
        jobs(MemoireLifecycleProcess.KEY, 1);
        // the task of one of the mémoires just sent: another benchmark of this JVM may have left larger ones
        String warmedUp = jdbc.queryForObject("select mj_number from memoire where number = ?", String.class,
                numbers.get(0));
        String ours = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(warmedUp)
                .taskDefinitionKey(MemoireLifecycleProcess.TASK_CERTIFY).singleResult().getId();
        String form = engine.getTaskService().getVariableLocalTyped(ours, "memoire", false).getValue().toString();
        FixedForm.form = sameSize(form);
        start(BARE, WARM_UP, 1, destination);
        start(LIKE, WARM_UP, 1, destination);
        jobs(LIKE, 1);

        Run bare = Run.NONE;
        Run like = Run.NONE;
        Run sending = Run.NONE;
        Run bare4 = Run.NONE;
        Run like4 = Run.NONE;
        Run sending4 = Run.NONE;
        int slice = MEMOIRES / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            bare = bare.plus(new Run(start(BARE, slice, 1, destination), Phase.NONE));
            like = like.plus(new Run(start(LIKE, slice, 1, destination), jobs(LIKE, 1)));
            int from = WARM_UP + round * slice;
            sending = sending.plus(new Run(send(numbers.subList(from, from + slice), account, 1),
                    jobs(MemoireLifecycleProcess.KEY, 1)));
        }
        for (int round = 0; round < ROUNDS; round++) {
            bare4 = bare4.plus(new Run(start(BARE, slice, SENDERS, destination), Phase.NONE));
            like4 = like4.plus(new Run(start(LIKE, slice, SENDERS, destination), jobs(LIKE, SENDERS)));
            int from = WARM_UP + MEMOIRES + round * slice;
            sending4 = sending4.plus(new Run(send(numbers.subList(from, from + slice), account, SENDERS),
                    jobs(MemoireLifecycleProcess.KEY, SENDERS)));
        }

        // what the save point's job does beyond like for like: the clerk's form data (the mémoire's reads and its JSON)
        List<String> sent = jdbc.queryForList("select mj_number from memoire where number = any(?)", String.class,
                (Object) numbers.subList(WARM_UP, WARM_UP + MEMOIRES).toArray(String[]::new));
        Phase formData = parallel(sent, 1, mj -> {
            try {
                json.writeValueAsString(taskData.forTask(mj).form());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        double jobMillis = 1000 / sending.job().rate();
        double formMillis = 1000 / formData.rate();

        System.out.printf(Locale.ROOT, "%nSending (%d mémoires per measure, embedded PostgreSQL, history %s, form data %d "
                        + "characters):%n", MEMOIRES, engine.getProcessEngineConfiguration().getHistory(), form.length());
        print("bare engine, start → user task", bare);
        print("like for like, start", like);
        print("sending a mémoire", sending);
        print(SENDERS + " threads: bare engine", bare4);
        print(SENDERS + " threads: like for like", like4);
        print(SENDERS + " senders: sending a mémoire", sending4);
        System.out.printf(Locale.ROOT, "  save point's job %.1f ms, of which the clerk's form data %.1f ms (alone: reads of "
                        + "the mémoire, lines, steps, attachments, repeated lines; JSON); without it %.1f ms, like for like's "
                        + "job %.1f ms%n", jobMillis, formMillis, jobMillis - formMillis, 1000 / like.job().rate());

        BenchTable.record("sending a mémoire", sending.start().rate(), "/s",
                "like for like: start, routing decision", like.start().rate(), "", true);
        BenchTable.record("sending a mémoire", sending.start().rate(), "/s",
                "bare engine: start → user task", bare.start().rate(), "", true);
        BenchTable.record("save point's job: the clerk's task", sending.job().rate(), "/s",
                "like for like: save point's job", like.job().rate(), "", true);
        BenchTable.record("save point's job: the clerk's form data alone", formMillis, "ms",
                "save point's job: the clerk's task", jobMillis, "", true);
        BenchTable.record("save point's job without the form data", jobMillis - formMillis, "ms",
                "like for like: save point's job", 1000 / like.job().rate(), "", true);
        BenchTable.record("sending + job, end to end", sending.endToEnd(), "/s",
                "like for like, end to end", like.endToEnd(), "≥ 60 %", sending.endToEnd() >= 0.6 * like.endToEnd());
        BenchTable.record("sending + job, end to end", sending.endToEnd(), "/s",
                "bare engine: start → user task", bare.start().rate(), "", true);
        BenchTable.record(SENDERS + " senders: sending", sending4.start().rate(), "/s",
                "1 sender: sending", sending.start().rate(), "", true);
        BenchTable.record(SENDERS + " senders: save point's job", sending4.job().rate(), "/s",
                "1 thread: save point's job", sending.job().rate(), "", true);
        BenchTable.record(SENDERS + " senders: end to end", sending4.endToEnd(), "/s",
                "1 sender: end to end", sending.endToEnd(), "≥ 1.5×", sending4.endToEnd() >= 1.5 * sending.endToEnd());
        BenchTable.record(SENDERS + " senders: end to end", sending4.endToEnd(), "/s",
                SENDERS + " threads: like for like, end to end", like4.endToEnd(), "", true);
        BenchTable.record(SENDERS + " threads: like for like, end to end", like4.endToEnd(), "/s",
                "1 thread: like for like, end to end", like.endToEnd(), "", true);
        BenchTable.record(SENDERS + " senders: optimistic locking failures", sending4.optimisticLocks(), "",
                "", 0, "0", sending4.optimisticLocks() == 0);
        BenchTable.record(SENDERS + " senders: failed sendings or jobs", sending4.failures(), "",
                "", 0, "0", sending4.failures() == 0);
    }

    /**
     * One draft of one line through the service, copied in SQL into {@code count} drafts (the service writes some ten a
     * second on a loaded machine); each line gets its own n° d'affaire, so that none repeats another (duplicate billing).
     */
    private List<String> drafts(StructureWithBankAccount ready, int count) {
        UUID account = ready.manager().accountId();
        Memoire.Header header = new Memoire.Header("TJ75101", null, UUID.fromString(ready.bankAccountId()),
                ProviderCategory.INTERPRETE_TRADUCTEUR, null, VatType.TVA_SUR_DEBIT, null);
        MemoireLine.Entry line = new MemoireLine.Entry("26-template", LocalDate.now().minusDays(3), "Procureur",
                ServiceType.TRADUCTION_ECRITE, LocalDate.now().minusDays(2), new BigDecimal("4"), new BigDecimal("25.00"),
                new BigDecimal("20"), BigDecimal.ZERO, null, BigDecimal.ZERO, false, false, false, true);
        String template = drafts.create(ready.manager().structureId(), header, account).number();
        drafts.addLine(template, line, account);
        UUID templateId = jdbc.queryForObject("select id from memoire where number = ?", UUID.class, template);
        String memoireCopy = copy("memoire", Map.of("id", "?", "number", "?"), "id = ?");
        String lineCopy = copy("memoire_line", Map.of("id", "gen_random_uuid()", "memoire_id", "?", "case_number", "?"),
                "memoire_id = ?");
        List<String> numbers = new ArrayList<>();
        List<Object[]> memoireRows = new ArrayList<>();
        List<Object[]> lineRows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String number = "TMP" + LocalDate.now().getYear() + String.format("%09d",
                    jdbc.queryForObject("select nextval('memoire_draft_number')", Long.class));
            numbers.add(number);
            memoireRows.add(new Object[] {id, number, templateId});
            lineRows.add(new Object[] {id, "26-" + i, templateId});
        }
        jdbc.batchUpdate(memoireCopy, memoireRows);
        jdbc.batchUpdate(lineCopy, lineRows);
        return numbers;
    }

    /** insert into table (all columns) select (the same columns, some replaced) from table where … */
    private String copy(String table, Map<String, String> replaced, String where) {
        List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where table_name = ? "
                + "and table_schema = current_schema() order by ordinal_position", String.class, table);
        return "insert into " + table + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", columns.stream().map(c -> replaced.getOrDefault(c, c)).toList())
                + " from " + table + " where " + where;
    }

    private Phase send(List<String> numbers, UUID account, int threads) throws Exception {
        return parallel(numbers, threads, number -> submission.submit(number, true, false, account));
    }

    private Phase start(String key, int count, int threads, Jurisdiction destination) throws Exception {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(i);
        }
        return parallel(items, threads, i -> engine.getRuntimeService().startProcessInstanceByKey(key,
                key + "-" + threads + "-" + i, routingFacts(destination)));
    }

    /** Runs the save points' jobs of one process as the job executor's threads would; returns how many, how fast. */
    private Phase jobs(String processKey, int threads) throws Exception {
        var management = engine.getManagementService();
        List<String> jobs = management.createJobQuery().processDefinitionKey(processKey).executable().list().stream()
                .filter(job -> job.getDuedate() == null).map(Job::getId).toList();
        return parallel(jobs, threads, management::executeJob);
    }

    /** The decision's inputs as ours gives them, transient: the like-for-like process stores none of them. */
    private static VariableMap routingFacts(Jurisdiction destination) {
        return Variables.createVariables()
                .putValueTyped("jurisdictionType", Variables.stringValue(destination.type().name(), true))
                .putValueTyped("jurisdictionCode", Variables.stringValue(destination.code(), true))
                .putValueTyped("jurisdictionRessort", Variables.stringValue(null, true))
                .putValueTyped("jurisdictionCourAppel", Variables.stringValue(destination.courAppelCode(), true))
                .putValueTyped("amountInclVat", Variables.doubleValue(120.0, true))
                .putValueTyped("allTariffed", Variables.booleanValue(true, true))
                .putValueTyped("late", Variables.booleanValue(false, true));
    }

    /** {@code threads} workers share the items; an optimistic locking failure is counted and retried once. */
    private static <T> Phase parallel(List<T> items, int threads, Consumer<T> work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger locks = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                    try {
                        work.accept(items.get(i));
                    } catch (OptimisticLockingException e) {
                        locks.incrementAndGet();
                        try {
                            work.accept(items.get(i));
                        } catch (RuntimeException again) {
                            failures.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.out.println("  failed: " + e);
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Phase(items.size(), seconds, locks.get(), failures.get());
    }

    private static BpmnModelInstance bare() {
        return Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1).startEvent()
                .userTask().camundaCandidateGroups("greffe-TJ75101").endEvent().done();
    }

    /** Our process's first steps, without our code: the DRD, the save point, the clerk's task with its timer and form. */
    private static BpmnModelInstance likeForLike() {
        return Bpmn.createExecutableProcess(LIKE).camundaHistoryTimeToLive(1).startEvent()
                .businessRuleTask("Task_Route").camundaDecisionRef(MemoireRouting.DECISION)
                .camundaMapDecisionResult("singleResult").camundaResultVariable("routing")
                .camundaOutputParameter("certifyingOffice", "${routing.certifyingOffice}")
                .camundaOutputParameter("courAppel", "${routing.courAppel}")
                .camundaOutputParameter("track", "${routing.track}")
                .camundaOutputParameter("controlLevel", "${routing.controlLevel}")
                .camundaAsyncAfter()
                .exclusiveGateway("Gateway_Track").condition("certification", "${track == 'CERTIFICATION'}")
                .userTask("Task_Certify").camundaCandidateGroups("greffe-${certifyingOffice}")
                .camundaDueDate("${dateTime().plusDays(30).toDate()}")
                .camundaPriority("${controlLevel == 'THOROUGH' ? 60 : 50}")
                .camundaTaskListenerClass("create", FixedForm.class)
                .boundaryEvent("Event_Overdue").cancelActivity(false).timerWithDuration("P30D").endEvent()
                .moveToActivity("Task_Certify").endEvent()
                .moveToNode("Gateway_Track").condition("taxation", "${track == 'TAXATION'}").endEvent().done();
    }

    /** A JSON document of the same length as ours. */
    private static String sameSize(String ours) {
        String head = "{\"padding\":\"";
        return head + "x".repeat(Math.max(0, ours.length() - head.length() - 2)) + "\"}";
    }

    private static void print(String what, Run run) {
        System.out.printf(Locale.ROOT, "  %-40s start %7.1f /s   job %7.1f /s   end to end %7.1f /s   "
                        + "optimistic locks %d   failures %d%n", what, run.start().rate(),
                run.job().count() == 0 ? 0 : run.job().rate(), run.endToEnd(), run.optimisticLocks(), run.failures());
    }
}
