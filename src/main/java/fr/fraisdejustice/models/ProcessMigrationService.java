package fr.fraisdejustice.models;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.DomainException.Kind;
import fr.fraisdejustice.shared.FieldProblem;

/**
 * Moves the running instances of a process to another of its versions with the engine's migration API: a plan mapping
 * the activities equal in both versions (timers and messages follow the new version's definitions), a dry run that
 * tells which instances the engine would refuse and why, then a batch for the others. Refused instances stay where they
 * are.
 */
@Service
class ProcessMigrationService {

    /** The two versions and the engine's plan between them. */
    record Plan(String key, ProcessDefinition source, ProcessDefinition target, MigrationPlan plan,
                ProcessMigrationReasons reasons) {
    }

    record Version(int version, String definitionId, Instant deployedAt, long runningInstances) {
    }

    record Instruction(String source, String target) {
    }

    record Incompatible(String instanceId, String businessKey, String reason) {
    }

    record DryRun(int fromVersion, int toVersion, int migratable, List<Instruction> instructions,
                  List<Incompatible> incompatible, List<String> migratableIds) {
    }

    record Started(String batchId, int instances, List<Incompatible> incompatible) {
    }

    record Progress(int total, int done, int failed, boolean finished) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final MigrationRecordRepository records;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ProcessMigrationService(RepositoryService repository, RuntimeService runtime, ManagementService management,
                            MigrationRecordRepository records, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.records = records;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Every version of the process, oldest first, with its running instances. */
    List<Version> versions(String key) {
        List<ProcessDefinition> definitions = definitions(key);
        return definitions.stream().map(d -> new Version(d.getVersion(), d.getId(), deployedAt(d),
                runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count())).toList();
    }

    private Instant deployedAt(ProcessDefinition definition) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        return deployment == null ? null : deployment.getDeploymentTime().toInstant();
    }

    /**
     * What a migration would do, nothing changed: the plan's pairs of activities, and the instances of the source
     * version migrated in a transaction rolled back at once, so the engine itself says which ones it refuses and why.
     */
    DryRun dryRun(String key, Integer fromVersion, Integer toVersion) {
        return dryRun(plan(key, fromVersion, toVersion));
    }

    private DryRun dryRun(Plan plan) {
        Set<String> mapped = plan.plan().getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        List<Incompatible> incompatible = new ArrayList<>();
        Map<String, ProcessInstance> candidates = new LinkedHashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processDefinitionId(plan.source().getId()).orderByProcessInstanceId().asc().list()) {
            unmappedActivities(plan, mapped, instance).ifPresentOrElse(incompatible::add,
                    () -> candidates.put(instance.getId(), instance));
        }
        incompatible.addAll(engineRefusals(plan, candidates));
        incompatible.sort(Comparator.comparing(Incompatible::instanceId));
        List<Instruction> instructions = plan.plan().getInstructions().stream()
                .map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId()))
                .sorted(Comparator.comparing(Instruction::source)).toList();
        return new DryRun(plan.source().getVersion(), plan.target().getVersion(), candidates.size(), instructions,
                incompatible, List.copyOf(candidates.keySet()));
    }

    /** The dry run, then a batch of the instances it accepts; who, when and why is recorded with the batch. */
    Started migrate(String key, Integer fromVersion, Integer toVersion, String reason, String requestedBy) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw DomainException.invalidField("reason", why.isEmpty() ? "REQUIRED" : "INVALID_LENGTH",
                    "Indiquez la raison de la migration (2 000 caractères au plus) : elle est gardée avec la migration.");
        }
        Plan plan = plan(key, fromVersion, toVersion);
        refuseWhileABatchRuns(plan.source());
        DryRun dryRun = dryRun(plan);
        if (dryRun.migratableIds().isEmpty()) {
            throw new DomainException(Kind.UNPROCESSABLE, "NOTHING_TO_MIGRATE", dryRun.incompatible().isEmpty()
                    ? "Aucune instance ne tourne sur la version " + dryRun.fromVersion() + " : il n'y a rien à migrer."
                    : "Aucune instance de la version " + dryRun.fromVersion() + " ne peut passer à la version "
                            + dryRun.toVersion() + " : chacune reste sur sa version, pour la raison indiquée.")
                    .with("incompatible", dryRun.incompatible());
        }
        String report = dryRun.incompatible().stream().map(i -> i.instanceId() + " : " + i.reason())
                .collect(Collectors.joining("\n"));
        Batch batch = transaction.execute(status -> {
            Batch started = runtime.newMigration(plan.plan()).processInstanceIds(dryRun.migratableIds()).executeAsync();
            records.save(new MigrationRecord(started.getId(), plan, dryRun.migratable(), dryRun.incompatible().size(),
                    report.isEmpty() ? null : report, requestedBy, Instant.now(clock), why));
            return started;
        });
        return new Started(batch.getId(), dryRun.migratable(), dryRun.incompatible());
    }

    /**
     * A second migration of the same version while the engine still holds the first one's batch (a double click, two
     * analysts) would only fail on every instance the first one moves.
     */
    private void refuseWhileABatchRuns(ProcessDefinition source) {
        records.findBySourceDefinitionId(source.getId()).stream().map(MigrationRecord::batchId)
                .filter(batchId -> management.createBatchQuery().batchId(batchId).count() > 0).findFirst()
                .ifPresent(batchId -> {
                    throw new DomainException(Kind.CONFLICT, "MIGRATION_IN_PROGRESS", "Une migration de la version "
                            + source.getVersion() + " est déjà en cours, ou attend qu'on traite ses échecs dans Cockpit (lot "
                            + batchId + ") : suivez-la avant d'en lancer une autre.").with("batchId", batchId);
                });
    }

    /**
     * How far a migration's batch went. The engine deletes a batch once all its jobs ran: then it is done. Finished
     * also when only failed jobs are left (nothing more happens until someone retries them in Cockpit).
     */
    Progress progress(String batchId) {
        MigrationRecord record = records.findByBatchId(batchId).orElseThrow(() -> new DomainException(Kind.NOT_FOUND,
                "MIGRATION_NOT_FOUND", "Aucune migration ne porte ce numéro de lot."));
        BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
        int total = record.instances();
        if (statistics == null) {
            return new Progress(total, total, 0, true);
        }
        int perJob = Math.max(1, statistics.getInvocationsPerBatchJob());
        int done = Math.min(total, statistics.getCompletedJobs() * perJob);
        int failed = Math.min(total - done, statistics.getFailedJobs() * perJob);
        boolean allCreated = statistics.getJobsCreated() >= statistics.getTotalJobs();
        return new Progress(total, done, failed, allCreated && statistics.getRemainingJobs() == statistics.getFailedJobs());
    }

    /** The engine's plan from one version to another, mapping the activities equal in both; refused in French. */
    private Plan plan(String key, Integer fromVersion, Integer toVersion) {
        List<ProcessDefinition> definitions = definitions(key);
        Map<Integer, ProcessDefinition> byVersion = definitions.stream()
                .collect(Collectors.toMap(ProcessDefinition::getVersion, Function.identity(), (first, other) -> first));
        ProcessDefinition latest = definitions.get(definitions.size() - 1);
        List<FieldProblem> errors = new ArrayList<>();
        if (fromVersion == null) {
            errors.add(new FieldProblem("fromVersion", "REQUIRED", "Indiquez la version dont les instances partent."));
        } else if (!byVersion.containsKey(fromVersion)) {
            errors.add(new FieldProblem("fromVersion", "UNKNOWN_VERSION", "Le processus « " + key
                    + " » n'a pas de version " + fromVersion + " (versions 1 à " + latest.getVersion() + ")."));
        }
        if (toVersion != null && !byVersion.containsKey(toVersion)) {
            errors.add(new FieldProblem("toVersion", "UNKNOWN_VERSION", "Le processus « " + key
                    + " » n'a pas de version " + toVersion + " (versions 1 à " + latest.getVersion() + ")."));
        }
        ProcessDefinition target = toVersion == null ? latest : byVersion.get(toVersion);
        if (errors.isEmpty() && fromVersion.equals(target.getVersion())) {
            errors.add(new FieldProblem("toVersion", "SAME_VERSION", "Les instances sont déjà sur la version "
                    + fromVersion + " : choisissez une autre version d'arrivée."));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(Kind.UNPROCESSABLE, "INVALID_VERSIONS", errors.size() == 1
                    ? errors.get(0).detail() : "Les versions demandées ne conviennent pas : voyez chaque raison.", errors);
        }
        ProcessDefinition source = byVersion.get(fromVersion);
        ProcessMigrationReasons reasons = new ProcessMigrationReasons(repository.getBpmnModelInstance(source.getId()),
                repository.getBpmnModelInstance(target.getId()), target.getVersion());
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers()
                    .build();
        } catch (MigrationPlanValidationException e) {
            List<FieldProblem> failures = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
                    failures.add(new FieldProblem(report.getMigrationInstruction().getSourceActivityId(),
                            "MIGRATION_REFUSED", reasons.plan(report.getMigrationInstruction().getSourceActivityId(), failure)))));
            e.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures().forEach(failure ->
                    failures.add(new FieldProblem(name, "MIGRATION_REFUSED",
                            "La variable « " + name + " » ne peut pas être posée par la migration (« " + failure + " »)."))));
            throw refusedPlan(source, target, failures);
        }
        if (plan.getInstructions().isEmpty()) {
            throw refusedPlan(source, target, List.of(new FieldProblem("toVersion", "NO_EQUAL_ACTIVITY",
                    "Aucune activité de la version " + source.getVersion() + " ne se retrouve, avec le même identifiant "
                            + "et le même type, dans la version " + target.getVersion() + ".")));
        }
        return new Plan(key, source, target, plan, reasons);
    }

    private static DomainException refusedPlan(ProcessDefinition source, ProcessDefinition target, List<FieldProblem> failures) {
        return new DomainException(Kind.UNPROCESSABLE, "MIGRATION_PLAN_INVALID", "Le moteur ne peut faire passer aucune "
                + "instance de la version " + source.getVersion() + " à la version " + target.getVersion()
                + " en gardant les activités identiques : voyez chaque raison.", failures);
    }

    /**
     * An instance waiting in an activity that the plan does not map: refused here at once (the engine would refuse it
     * too, and log each refusal as an error).
     */
    private Optional<Incompatible> unmappedActivities(Plan plan, Set<String> mapped, ProcessInstance instance) {
        List<String> unmapped = new ArrayList<>();
        ActivityInstance tree = runtime.getActivityInstance(instance.getId());
        if (tree != null) {
            collectUnmapped(tree, mapped, unmapped);
        }
        return unmapped.isEmpty() ? Optional.empty() : Optional.of(new Incompatible(instance.getId(),
                instance.getBusinessKey(), String.join(" ", unmapped.stream().distinct()
                        .map(id -> plan.reasons().atActivity(id, ProcessMigrationReasons.NO_INSTRUCTION)).toList())));
    }

    /**
     * The instances the engine itself refuses among the candidates (removed from them): all of them migrated for real
     * in one command, in a transaction always rolled back. The engine stops at the first instance it refuses; that one
     * is set aside and the others tried again, so the rare refusals cost one more try each.
     */
    private List<Incompatible> engineRefusals(Plan plan, Map<String, ProcessInstance> candidates) {
        List<Incompatible> refused = new ArrayList<>();
        Optional<MigratingProcessInstanceValidationReport> refusal;
        while (!candidates.isEmpty() && (refusal = rolledBackMigration(plan, List.copyOf(candidates.keySet()))).isPresent()) {
            ProcessInstance instance = candidates.remove(refusal.get().getProcessInstanceId());
            if (instance == null) {
                throw new IllegalStateException("Refus d'une instance hors de la migration : " + refusal.get().getProcessInstanceId());
            }
            refused.add(new Incompatible(instance.getId(), instance.getBusinessKey(), plan.reasons().instance(refusal.get())));
        }
        return refused;
    }

    private Optional<MigratingProcessInstanceValidationReport> rolledBackMigration(Plan plan, List<String> instanceIds) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            try {
                runtime.newMigration(plan.plan()).processInstanceIds(instanceIds).execute();
                return Optional.<MigratingProcessInstanceValidationReport>empty();
            } catch (MigratingProcessInstanceValidationException e) {
                return Optional.of(e.getValidationReport());
            }
        });
    }

    /** The activities where the instance waits (its scopes included) that no instruction of the plan maps. */
    private static void collectUnmapped(ActivityInstance scope, Set<String> mapped, List<String> unmapped) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            if (!mapped.contains(withoutMultiInstanceBody(child.getActivityId()))) {
                unmapped.add(child.getActivityId());
            }
            collectUnmapped(child, mapped, unmapped);
        }
        for (TransitionInstance waiting : scope.getChildTransitionInstances()) {
            if (!mapped.contains(withoutMultiInstanceBody(waiting.getActivityId()))) {
                unmapped.add(waiting.getActivityId());
            }
        }
    }

    /** A multi-instance body goes with its inner activity: the engine decides on those itself. */
    private static String withoutMultiInstanceBody(String activityId) {
        int body = activityId.indexOf('#');
        return body < 0 ? activityId : activityId.substring(0, body);
    }

    private List<ProcessDefinition> definitions(String key) {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().asc().list();
        if (definitions.isEmpty()) {
            throw new DomainException(Kind.NOT_FOUND, "PROCESS_NOT_FOUND", "Aucun processus « " + key + " » n'est déployé.");
        }
        return definitions;
    }
}
