package fr.fraisdejustice.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.models.DeploymentRecords.DeploymentRecord;
import fr.fraisdejustice.models.DeploymentRecords.Kind;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.workflow.ModelDeployment;

/**
 * The guarded live deployment of the analysts' models. Before anything is deployed, the candidate set (the live models
 * with the uploaded files in place of theirs) must pass: the model lint (house rules and the no-code allow-list), the
 * decision test cases of every changed table (the uploaded ones where given, else the live ones) with every rule covered,
 * and a parse by the engine: the changed files are deployed inside a transaction that is rolled back for a check, and
 * committed for a deployment (public API only; the engine's own parser, nothing re-implemented). Any failure refuses the
 * whole change (422) with every reason, in French. A deployment holds the changed files only, so each changed definition
 * gets exactly one new version, live at once on every node (definitions are looked up in the database), and is recorded
 * with who, when and why.
 */
@Service
public class ModelDeploymentService {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDeploymentService.class);
    private static final Pattern MODEL_FILE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.(bpmn|dmn|form|csv)");
    private static final String REFUSED = "MODEL_REFUSED";

    /** One uploaded file, by its file name ({@code memoire-routing.dmn}, {@code dmn/tests/memoire-track.csv}). */
    public record Upload(String fileName, byte[] content) {
    }

    public record CheckResult(boolean valid, List<String> resources, int testCases) {
    }

    public record DeployedDefinition(String resource, String type, String key, String name, int version) {
    }

    public record DeploymentResult(String deploymentId, Instant deployedAt, String deployedBy, String reason,
                                   List<DeployedDefinition> definitions, long liveAfterMillis) {
    }

    /** A change that passed the lint and the test cases: the changed resources, by name. */
    record Candidate(Map<String, byte[]> changed, int testCases) {
    }

    private final RepositoryService repository;
    private final LiveModels live;
    private final ModelLint lint;
    /** Built at the first change, not at start: a DMN engine of its own (its FEEL engine takes seconds to start). */
    private volatile DecisionTestCases testCases;
    private final DeploymentRecords records;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    ModelDeploymentService(RepositoryService repository, LiveModels live, ModelLintBeans beans, DeploymentRecords records,
                           PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.live = live;
        this.lint = new ModelLint(beans);
        this.records = records;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Every check, nothing deployed. */
    public CheckResult check(List<Upload> uploads, String reason) {
        Candidate candidate = prepare(uploads, reason);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            engineDeploy(candidate.changed());
        });
        return new CheckResult(true, List.copyOf(candidate.changed().keySet()), candidate.testCases());
    }

    public DeploymentResult deploy(List<Upload> uploads, String reason, String user) {
        return deploy(uploads, reason, user, Kind.LIVE);
    }

    DeploymentResult deploy(List<Upload> uploads, String reason, String user, Kind kind) {
        Candidate candidate = prepare(uploads, reason);
        long start = System.nanoTime();
        DeploymentWithDefinitions deployment = transaction.execute(status -> {
            DeploymentWithDefinitions deployed = engineDeploy(candidate.changed());
            records.record(new DeploymentRecord(deployed.getId(), kind, user, clock.instant(), reason.strip(),
                    List.copyOf(candidate.changed().keySet())));
            return deployed;
        });
        List<DeployedDefinition> definitions = definitions(deployment, candidate.changed());
        long liveAfterMillis = waitUntilLive(deployment, start);
        LOG.info("Déploiement {} ({}) par {} : {} — {} ; en service après {} ms", deployment.getId(), kind, user,
                candidate.changed().keySet(), reason.strip(), liveAfterMillis);
        return new DeploymentResult(deployment.getId(), deployment.getDeploymentTime().toInstant(), user, reason.strip(),
                definitions, liveAfterMillis);
    }

    private Candidate prepare(List<Upload> uploads, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            problems.add(problem("reason", "Indiquez pourquoi vous changez ces modèles : la raison est gardée avec le déploiement."));
        } else if (reason.length() > 2000) {
            problems.add(problem("reason", "La raison dépasse 2 000 caractères : résumez-la."));
        }
        Map<String, byte[]> uploaded = new TreeMap<>();
        if (uploads == null || uploads.isEmpty()) {
            problems.add(problem("files", "Joignez au moins un modèle (.bpmn, .dmn, .form) ou un fichier de cas de test (.csv)."));
        } else {
            for (Upload upload : uploads) {
                String name = resourceName(upload.fileName());
                if (name == null) {
                    problems.add(problem(String.valueOf(upload.fileName()), "« " + upload.fileName() + " » n'est pas un modèle : "
                            + "seuls les fichiers .bpmn, .dmn, .form et les cas de test <décision>.csv sont acceptés, "
                            + "nommés en minuscules, chiffres et tirets."));
                } else if (uploaded.put(name, upload.content()) != null) {
                    problems.add(problem(name, "« " + name + " » est joint deux fois : n'en gardez qu'un."));
                }
            }
        }
        refuseIfAny(problems);
        Map<String, byte[]> models = live.contents();
        Map<String, byte[]> changed = new TreeMap<>();
        uploaded.forEach((name, content) -> {
            if (!Arrays.equals(models.get(name), content)) {
                changed.put(name, content);
            }
        });
        if (changed.isEmpty()) {
            throw refusal(List.of(problem("files", "Ces fichiers sont déjà en service tels quels : rien à déployer.")));
        }
        Map<String, byte[]> candidate = new TreeMap<>(models);
        candidate.putAll(changed);

        Map<String, byte[]> lintable = new LinkedHashMap<>();
        candidate.forEach((name, content) -> {
            if (!name.endsWith(".csv")) {
                lintable.put(name, content);
            }
        });
        for (String violation : lint.lint(lintable)) {
            int colon = violation.indexOf(": ");
            problems.add(colon > 0 ? problem(violation.substring(0, colon), violation.substring(colon + 2))
                    : problem("files", violation));
        }
        int cases = 0;
        if (problems.isEmpty()) {
            cases = runTestCases(candidate, changed, problems);
        }
        refuseIfAny(problems);
        return new Candidate(changed, cases);
    }

    /** The test cases of every decision of a changed table, and every changed test case file. */
    private int runTestCases(Map<String, byte[]> candidate, Map<String, byte[]> changed, List<FieldProblem> problems) {
        Map<String, byte[]> tables = new TreeMap<>();
        candidate.forEach((name, content) -> {
            if (name.endsWith(".dmn")) {
                tables.put(name, content);
            }
        });
        Map<String, byte[]> files = new TreeMap<>();
        changed.forEach((name, content) -> {
            if (name.endsWith(".csv")) {
                files.put(name, content);
            } else if (name.endsWith(".dmn")) {
                for (String decisionId : DecisionTestCases.decisionIds(content)) {
                    String cases = DecisionTestCases.FOLDER + decisionId + ".csv";
                    if (candidate.containsKey(cases)) {
                        files.put(cases, candidate.get(cases));
                    } else {
                        problems.add(problem(name, "la décision « " + decisionId + " » n'a pas de cas de test : joignez "
                                + cases + " (README, « Cas de test des décisions »)."));
                    }
                }
            }
        });
        DecisionTestCases.Report report = testCases().run(tables, files);
        report.problems().forEach(p -> problems.add(problem(p.resource(), p.detail())));
        return report.cases().size();
    }

    private DecisionTestCases testCases() {
        DecisionTestCases runner = testCases;
        if (runner == null) {
            synchronized (this) {
                if (testCases == null) {
                    testCases = new DecisionTestCases();
                }
                runner = testCases;
            }
        }
        return runner;
    }

    /** Deploys the changed resources in the current transaction: the engine parses them, and refuses what it cannot run. */
    private DeploymentWithDefinitions engineDeploy(Map<String, byte[]> changed) {
        DeploymentBuilder builder = repository.createDeployment()
                .name(ModelDeployment.NAME)
                .source(ModelDeployment.NAME)
                .enableDuplicateFiltering(true);
        changed.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        try {
            return builder.deployWithResult();
        } catch (ParseException e) {
            List<FieldProblem> problems = new ArrayList<>();
            e.getResorceReports().forEach(report -> report.getErrors().forEach(error -> problems.add(problem(
                    report.getResourceName(), "le moteur refuse ce modèle : " + error.getMessage()
                            + (error.getMainElementId() == null ? "" : " (élément " + error.getMainElementId() + ")")))));
            if (problems.isEmpty()) {
                problems.add(problem("files", "le moteur refuse ces modèles : " + e.getMessage()));
            }
            throw refusal(problems);
        } catch (ProcessEngineException e) {
            throw refusal(List.of(problem("files", "le moteur refuse ces modèles : " + e.getMessage())));
        }
    }

    private List<DeployedDefinition> definitions(DeploymentWithDefinitions deployment, Map<String, byte[]> changed) {
        List<DeployedDefinition> definitions = new ArrayList<>();
        for (ProcessDefinition process : orEmpty(deployment.getDeployedProcessDefinitions())) {
            definitions.add(new DeployedDefinition(process.getResourceName(), "BPMN", process.getKey(), process.getName(),
                    process.getVersion()));
        }
        for (DecisionRequirementsDefinition drd : orEmpty(deployment.getDeployedDecisionRequirementsDefinitions())) {
            definitions.add(new DeployedDefinition(drd.getResourceName(), "DMN", drd.getKey(), drd.getName(), drd.getVersion()));
        }
        for (DecisionDefinition decision : orEmpty(deployment.getDeployedDecisionDefinitions())) {
            definitions.add(new DeployedDefinition(decision.getResourceName(), "DMN", decision.getKey(), decision.getName(),
                    decision.getVersion()));
        }
        Map<String, List<LiveModels.Version>> history = live.history();
        changed.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                definitions.add(new DeployedDefinition(name, "FORM", formId(content), formId(content),
                        history.getOrDefault(name, List.of()).size()));
            }
        });
        return definitions;
    }

    String formId(byte[] content) {
        try {
            return json.readTree(content).path("id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Until the latest version of each new definition is the new one and its model loads: it answers. */
    private long waitUntilLive(DeploymentWithDefinitions deployment, long start) {
        long deadline = start + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean live = orEmpty(deployment.getDeployedProcessDefinitions()).stream().allMatch(p -> p.getId().equals(
                    repository.createProcessDefinitionQuery().processDefinitionKey(p.getKey()).latestVersion().singleResult().getId())
                    && repository.getBpmnModelInstance(p.getId()) != null)
                    && orEmpty(deployment.getDeployedDecisionDefinitions()).stream().allMatch(d -> d.getId().equals(
                    repository.createDecisionDefinitionQuery().decisionDefinitionKey(d.getKey()).latestVersion().singleResult().getId())
                    && repository.getDmnModelInstance(d.getId()) != null);
            if (live) {
                break;
            }
            Thread.onSpinWait();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The engine answers null, not an empty list, when a deployment holds no definition of a kind. */
    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** {@code memoire-routing.dmn} → {@code dmn/memoire-routing.dmn}; a test case file goes to {@code dmn/tests/}. */
    static String resourceName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        if (!MODEL_FILE.matcher(base).matches()) {
            return null;
        }
        String extension = base.substring(base.lastIndexOf('.') + 1);
        return switch (extension) {
            case "bpmn" -> "bpmn/" + base;
            case "dmn" -> "dmn/" + base;
            case "form" -> "forms/" + base;
            default -> DecisionTestCases.FOLDER + base;
        };
    }

    static FieldProblem problem(String field, String detail) {
        return new FieldProblem(field, REFUSED, detail);
    }

    private static void refuseIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
    }

    static DomainException refusal(List<FieldProblem> problems) {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, REFUSED,
                "Le changement est refusé : rien n'a été déployé. Corrigez chaque point signalé puis renvoyez les fichiers.",
                problems);
    }
}
