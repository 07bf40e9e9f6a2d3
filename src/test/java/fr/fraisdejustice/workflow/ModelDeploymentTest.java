package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import fr.fraisdejustice.support.IntegrationTest;

/**
 * Models are deployed under stable names with duplicate filtering: a restart or another run mode creates no deployment,
 * a changed file creates exactly one new version of itself and nothing else.
 */
@IntegrationTest
class ModelDeploymentTest {

    private static final String TEST_DEPLOYMENT = "model-deployment-test";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    FormService forms;

    @AfterEach
    void removeTestDeployments() {
        repository.createDeploymentQuery().deploymentName(TEST_DEPLOYMENT).list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true, true));
    }

    @Test
    void theAnalystsModelsAreDeployedAtStartUnderStableNames() {
        List<Deployment> deployments = repository.createDeploymentQuery()
                .deploymentName(WorkflowConfiguration.DEPLOYMENT_NAME).list();
        assertThat(deployments).isNotEmpty();
        List<String> names = deployments.stream()
                .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
        assertThat(names).contains("forms/jurisdiction-lookup.form");
        assertThat(names).allMatch(name -> name.matches("(bpmn|dmn|dmn/tests|forms)/[a-z0-9-]+\\.(bpmn|dmn|csv|form)"));
    }

    @Test
    void aRestartWithTheSameModelsCreatesNoDeployment() {
        long before = repository.createDeploymentQuery().count();

        var again = new ModelDeployment(WorkflowConfiguration.DEPLOYMENT_NAME).deploy(repository, new ModelResources().scan());

        assertThat(again).isEmpty();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void theSameModelsReadFromAPackagedJarCreateNoDeployment(@TempDir Path dir) throws IOException {
        List<ModelResource> fromClasses = new ModelResources().scan();
        Path jar = dir.resolve("frais-de-justice.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : List.of("bpmn/", "dmn/", "forms/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (ModelResource model : fromClasses) {
                out.putNextEntry(new JarEntry(model.name()));
                out.write(model.content());
                out.closeEntry();
            }
        }
        List<ModelResource> fromJar;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            fromJar = new ModelResources(new PathMatchingResourcePatternResolver(loader)).scan();
        }
        assertThat(fromJar).isEqualTo(fromClasses);
        long before = repository.createDeploymentQuery().count();

        var deployed = new ModelDeployment(WorkflowConfiguration.DEPLOYMENT_NAME).deploy(repository, fromJar);

        assertThat(deployed).isEmpty();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void changingOneModelCreatesExactlyOneNewVersionOfIt() {
        ModelDeployment deployment = new ModelDeployment(TEST_DEPLOYMENT);
        ModelResource alpha = process("alpha", "Première version");
        ModelResource beta = process("beta", "Inchangé");
        assertThat(deployment.deploy(repository, List.of(alpha, beta))).isPresent();
        assertThat(deployment.deploy(repository, List.of(alpha, beta))).isEmpty();

        var changed = deployment.deploy(repository, List.of(process("alpha", "Seconde version"), beta));

        assertThat(changed).isPresent();
        assertThat(repository.getDeploymentResourceNames(changed.get().getId())).containsExactly("bpmn/alpha.bpmn");
        assertThat(repository.createDeploymentQuery().deploymentName(TEST_DEPLOYMENT).count()).isEqualTo(2);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("alpha").latestVersion().singleResult()
                .getVersion()).isEqualTo(2);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("beta").latestVersion().singleResult()
                .getVersion()).isEqualTo(1);
    }

    @Test
    void aRestartNeverRevertsALiveChangeNorVersionsTheCommittedLiveContent() {
        ModelDeployment start = new ModelDeployment(TEST_DEPLOYMENT);
        ModelResource shipped = process("gamma", "Livré");
        ModelResource liveChange = process("gamma", "Changé en service");
        assertThat(start.deploy(repository, List.of(shipped))).isPresent();
        repository.createDeployment().name(TEST_DEPLOYMENT).source(TEST_DEPLOYMENT).enableDuplicateFiltering(true)
                .addInputStream(liveChange.name(), new java.io.ByteArrayInputStream(liveChange.content())).deploy();
        assertThat(latestTaskName("gamma")).isEqualTo("Changé en service");

        assertThat(start.deploy(repository, List.of(shipped))).as("a restart with the shipped file").isEmpty();
        assertThat(start.deploy(repository, List.of(liveChange))).as("the live content committed").isEmpty();

        assertThat(latestTaskName("gamma")).isEqualTo("Changé en service");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("gamma").count()).isEqualTo(2);
        assertThat(start.deploy(repository, List.of(process("gamma", "Nouveau changement livré"))))
                .as("a content never deployed is").isPresent();
    }

    private String latestTaskName(String key) {
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(
                org.camunda.bpm.model.bpmn.instance.UserTask.class).iterator().next().getName();
    }

    @Test
    void aDeployedFormIsServedToTheUserTaskThatNamesIt() throws IOException {
        BpmnModelInstance withForm = Bpmn.createExecutableProcess("form-test")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .userTask("Task_LookUp").camundaCandidateGroups("support").camundaFormRef("jurisdiction-lookup")
                .camundaFormRefBinding("latest")
                .endEvent("Event_Done")
                .done();
        new ModelDeployment(TEST_DEPLOYMENT).deploy(repository, List.of(
                new ModelResource("bpmn/form-test.bpmn", Bpmn.convertToString(withForm).getBytes(StandardCharsets.UTF_8))));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("form-test");
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"jurisdiction-lookup\"");
        }
    }

    private static ModelResource process(String id, String taskName) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(id)
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .userTask("Task_Do").name(taskName).camundaCandidateGroups("support")
                .endEvent("Event_Done")
                .done();
        return new ModelResource("bpmn/" + id + ".bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
    }
}
