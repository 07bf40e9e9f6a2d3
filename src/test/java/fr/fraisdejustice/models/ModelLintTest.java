package fr.fraisdejustice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The analysts' models keep the house rules, and each rule does catch what it is meant to catch. */
class ModelLintTest {

    private static final String FORM = """
            {"id": "demo-form", "type": "default", "executionPlatform": "Camunda Platform", "schemaVersion": 16,
             "components": [{"id": "Field_Name", "key": "name", "label": "Nom", "type": "textfield"}]}""";

    private static final String DECISION = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="Definitions_Demo" name="Demo" namespace="http://camunda.org/schema/1.0/dmn">
              <decision id="demo-decision" name="Démo" camunda:historyTimeToLive="180">
                <decisionTable id="DecisionTable_Demo">
                  <input id="Input_Amount" label="Montant"><inputExpression id="InputExpression_Amount" typeRef="double"><text>amount</text></inputExpression></input>
                  <output id="Output_Track" name="track" typeRef="string" />
                  <rule id="Rule_Small"><inputEntry id="UnaryTests_Small"><text>&lt;= 150</text></inputEntry><outputEntry id="LiteralExpression_Small"><text>"FORMAL"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>""";

    /** The beans of a small application: mailSender and memoireRouter are ours, dataSource a library's. */
    static final ModelLintExpressions.Beans BEANS = new ModelLintExpressions.Beans() {
        @Override
        public boolean isOurs(String name) {
            return name.equals("mailSender") || name.equals("memoireRouter");
        }

        @Override
        public boolean exists(String name) {
            return isOurs(name) || name.equals("dataSource");
        }

        @Override
        public boolean declaresMethod(String bean, String method) {
            return bean.equals("memoireRouter") && (method.equals("officeOf") || method.equals("getThreshold"));
        }
    };

    private final ModelLint lint = new ModelLint(BEANS);

    @Test
    void everyModelOfTheRepositoryKeepsTheHouseRules() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String folder : List.of("bpmn", "dmn", "forms")) {
            Path dir = Path.of(folder);
            assertThat(dir).as("le dossier %s/ des analystes", folder).isDirectory();
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path path : paths.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
                    files.put(folder + "/" + path.getFileName(), Files.readAllBytes(path));
                }
            }
        }
        assertThat(files).as("au moins les formulaires du portail").isNotEmpty();
        // the beans they call are checked against the application's in ModelBeansTest
        assertThat(new ModelLint(ModelLintExpressions.Beans.NONE).lint(files)).isEmpty();
    }

    @Test
    void aWellFormedSetOfModelsPasses() {
        assertThat(lint.lint(models(UnaryOperator.identity()))).isEmpty();
    }

    static Stream<Arguments> brokenModels() {
        return Stream.of(
                Arguments.of("no historyTimeToLive", (UnaryOperator<BpmnModelInstance>) m -> {
                    m.getModelElementById("demo-process").removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "historyTimeToLive");
                    return m;
                }, "historyTimeToLive"),
                Arguments.of("camunda:class", (UnaryOperator<BpmnModelInstance>) m -> {
                    ServiceTask task = m.getModelElementById("Task_SendMail");
                    task.setCamundaDelegateExpression(null);
                    task.setCamundaClass("fr.fraisdejustice.Mailer");
                    return m;
                }, "camunda:class"),
                Arguments.of("delegate of a library", (UnaryOperator<BpmnModelInstance>) m -> {
                    ((ServiceTask) m.getModelElementById("Task_SendMail")).setCamundaDelegateExpression("${dataSource}");
                    return m;
                }, "n'est pas un bean de l'application"),
                Arguments.of("delegate that is no bean", (UnaryOperator<BpmnModelInstance>) m -> {
                    ((ServiceTask) m.getModelElementById("Task_SendMail")).setCamundaDelegateExpression("${nobody}");
                    return m;
                }, "n'est pas un bean de l'application"),
                Arguments.of("method on a variable", condition("${track.getClass().forName('java.lang.Runtime')}"),
                        "sort de la liste permise"),
                Arguments.of("bracket access", condition("${execution['processEngineServices']}"), "crochets"),
                Arguments.of("engine services", condition("${execution.processEngineServices.runtimeService != null}"),
                        "sort de la liste permise"),
                Arguments.of("bare execution", condition("${execution}"), "execution.processBusinessKey"),
                Arguments.of("library bean as a variable", condition("${dataSource != null}"), "composant technique"),
                Arguments.of("another function", condition("${now() != null}"), "seulement dateTime()"),
                Arguments.of("inherited method of our bean", condition("${memoireRouter.getClass() != null}"),
                        "pas de méthode « getClass »"),
                Arguments.of("unreadable expression", condition("${track == }"), "illisible"),
                Arguments.of("no save point", (UnaryOperator<BpmnModelInstance>) m -> {
                    ((ServiceTask) m.getModelElementById("Task_SendMail")).setCamundaAsyncBefore(false);
                    return m;
                }, "asyncBefore"),
                Arguments.of("no retry cycle", (UnaryOperator<BpmnModelInstance>) m -> {
                    ServiceTask task = m.getModelElementById("Task_SendMail");
                    task.getExtensionElements().removeChildElement(task.getExtensionElements().getElementsQuery()
                            .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult());
                    return m;
                }, "failedJobRetryTimeCycle"),
                Arguments.of("no candidate groups", (UnaryOperator<BpmnModelInstance>) m -> {
                    ((UserTask) m.getModelElementById("Task_CertifyMemoire")).setCamundaCandidateGroups(null);
                    return m;
                }, "groupes candidats"),
                Arguments.of("unknown form", (UnaryOperator<BpmnModelInstance>) m -> {
                    ((UserTask) m.getModelElementById("Task_CertifyMemoire")).setCamundaFormRef("nowhere");
                    return m;
                }, "formulaire inconnu"),
                Arguments.of("unknown decision", (UnaryOperator<BpmnModelInstance>) m -> {
                    m.getModelElementById("Task_RouteMemoire").setAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "decisionRef", "nowhere");
                    return m;
                }, "décision inconnue"),
                Arguments.of("generated id", (UnaryOperator<BpmnModelInstance>) m -> {
                    m.getModelElementById("Task_SendMail").setAttributeValue("id", "Activity_0x1y2z", true);
                    return m;
                }, "Activity_0x1y2z"),
                Arguments.of("unnamed gateway flow", (UnaryOperator<BpmnModelInstance>) m -> {
                    ((SequenceFlow) m.getModelElementById("Flow_Small")).setName(null);
                    return m;
                }, "n'a pas de nom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void eachRuleCatchesItsViolation(String rule, UnaryOperator<BpmnModelInstance> breakIt, String expected) {
        assertThat(lint.lint(models(breakIt))).anyMatch(violation -> violation.contains(expected));
    }

    static Stream<Arguments> forbiddenConstructs() {
        return Stream.of(
                Arguments.of("script task", xml(t -> t.replaceFirst("(?s)<userTask (.*?)</userTask>",
                        "<scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><script>1</script></scriptTask>")),
                        "tâche de script"),
                Arguments.of("script listener", extension("<camunda:taskListener event=\"create\"><camunda:script "
                        + "scriptFormat=\"groovy\">1</camunda:script></camunda:taskListener>"), "camunda:script"),
                Arguments.of("script input mapping", extension("<camunda:inputOutput><camunda:inputParameter name=\"x\">"
                        + "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:inputParameter>"
                        + "</camunda:inputOutput>"), "camunda:script"),
                Arguments.of("script condition", xml(t -> t.replaceFirst("<conditionExpression ",
                        "<conditionExpression language=\"javascript\" ")), "script en « javascript »"),
                Arguments.of("listener class", extension("<camunda:taskListener event=\"create\" class=\"java.lang.Runtime\" />"),
                        "camunda:class"),
                Arguments.of("connector", extension("<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId>"
                        + "</camunda:connector>"), "connecteur"),
                Arguments.of("xxe", xml(t -> t.replaceFirst("<\\?xml[^>]*>", "<?xml version=\"1.0\"?><!DOCTYPE d "
                        + "[<!ENTITY x SYSTEM \"file:///etc/passwd\">]>").replace("Montant faible", "&x;")), "DOCTYPE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenConstructs")
    void eachForbiddenConstructIsRefused(String construct, UnaryOperator<String> change, String expected) {
        Map<String, byte[]> files = models(UnaryOperator.identity());
        files.put("bpmn/demo-process.bpmn", change.apply(new String(files.get("bpmn/demo-process.bpmn"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(lint.lint(files)).anyMatch(violation -> violation.startsWith("bpmn/demo-process.bpmn")
                && violation.contains(expected));
    }

    private static UnaryOperator<String> xml(UnaryOperator<String> change) {
        return change;
    }

    /** Adds XML to the user task's extension elements. */
    private static UnaryOperator<String> extension(String xml) {
        return t -> t.replaceFirst("(<userTask [^>]*>)", "$1<extensionElements>" + java.util.regex.Matcher.quoteReplacement(xml)
                + "</extensionElements>");
    }

    @Test
    void theAllowListLetsThroughWhatTheHouseUses() {
        for (String allowed : List.of("${track == 'FORMAL' and !late}", "${controlLevel == 'THOROUGH' ? 60 : 50}",
                "${dateTime().plusDays(30).toDate()}", "${execution.processBusinessKey}", "${memoireRouter.officeOf(track)}",
                "${memoireRouter.threshold > 1 + 2 * 3}", "${empty track or -amount < 0 or (amount % 2) / 1 >= 0}")) {
            assertThat(lint.lint(models(condition(allowed)))).as(allowed).isEmpty();
        }
    }

    @Test
    void aDoctypeIsRefusedBeforeAnythingIsResolved() {
        Map<String, byte[]> files = models(UnaryOperator.identity());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + new String(files.get("dmn/demo-decision.dmn"), StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*>", "")
                .replace("Démo", "&x;");
        files.put("dmn/demo-decision.dmn", xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(lint.lint(files)).anyMatch(v -> v.startsWith("dmn/demo-decision.dmn") && v.contains("DOCTYPE"))
                .noneMatch(v -> v.contains("root:"));
    }

    @Test
    void aDecisionInAnotherLanguageThanFeelIsRefused() {
        Map<String, byte[]> files = models(UnaryOperator.identity());
        files.put("dmn/demo-decision.dmn", DECISION.replace("<inputExpression id=\"InputExpression_Amount\"",
                "<inputExpression id=\"InputExpression_Amount\" expressionLanguage=\"groovy\"").getBytes(StandardCharsets.UTF_8));
        assertThat(lint.lint(files)).anyMatch(v -> v.contains("« groovy »") && v.contains("FEEL"));
    }

    @Test
    void aFeelFunctionDefinitionIsRefused() {
        Map<String, byte[]> files = models(UnaryOperator.identity());
        files.put("dmn/demo-decision.dmn", DECISION.replace("<text>\"FORMAL\"</text>",
                "<text>{f: function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}}}.f(1)</text>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(lint.lint(files)).anyMatch(v -> v.contains("définit une fonction FEEL"));
    }

    @Test
    void aFunctionInAFeelStringIsOnlyText() {
        Map<String, byte[]> files = models(UnaryOperator.identity());
        files.put("dmn/demo-decision.dmn", DECISION.replace("<text>\"FORMAL\"</text>", "<text>\"function(x)\"</text>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(lint.lint(files)).isEmpty();
    }

    private static UnaryOperator<BpmnModelInstance> condition(String expression) {
        return m -> {
            ((SequenceFlow) m.getModelElementById("Flow_Small")).getConditionExpression().setTextContent(expression);
            return m;
        };
    }

    @Test
    void aProcessMustBeNamedAfterItsFile() {
        Map<String, byte[]> files = models(UnaryOperator.identity());
        files.put("bpmn/other-name.bpmn", files.remove("bpmn/demo-process.bpmn"));
        assertThat(lint.lint(files)).anyMatch(v -> v.contains("doit être le nom du fichier"));
    }

    @Test
    void aFormAndADecisionMustBeNamedAfterTheirFiles() {
        Map<String, byte[]> files = models(UnaryOperator.identity());
        files.put("forms/renamed.form", files.remove("forms/demo-form.form"));
        files.put("dmn/renamed.dmn", files.remove("dmn/demo-decision.dmn"));
        assertThat(lint.lint(files))
                .anyMatch(v -> v.startsWith("forms/renamed.form") && v.contains("nom du fichier"))
                .anyMatch(v -> v.startsWith("dmn/renamed.dmn") && v.contains("id du fichier"));
    }

    private static Map<String, byte[]> models(UnaryOperator<BpmnModelInstance> change) {
        BpmnModelInstance process = Bpmn.createExecutableProcess("demo-process")
                .camundaHistoryTimeToLive(180)
                .startEvent("Event_MemoireSent")
                .businessRuleTask("Task_RouteMemoire").camundaDecisionRef("demo-decision").camundaResultVariable("track")
                .camundaMapDecisionResult("singleEntry")
                .exclusiveGateway("Gateway_WhichTrack")
                .condition("Montant faible", "${track == 'FORMAL'}")
                .serviceTask("Task_SendMail").camundaDelegateExpression("${mailSender}").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R3/PT5M")
                .endEvent("Event_Mailed")
                .moveToLastGateway()
                .condition("Montant élevé", "${track != 'FORMAL'}")
                .userTask("Task_CertifyMemoire").camundaCandidateGroups("greffe-TJ75101").camundaFormRef("demo-form")
                .endEvent("Event_Certified")
                .done();
        for (SequenceFlow flow : process.getModelElementsByType(SequenceFlow.class)) {
            String name = flow.getName() == null ? null : flow.getName().contains("faible") ? "Small" : "Large";
            String id = name != null ? "Flow_" + name : "Flow_To" + flow.getTarget().getId().replaceAll("^[A-Za-z]+_", "");
            flow.setId(id);
        }
        BpmnModelInstance changed = change.apply(process);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bpmn/demo-process.bpmn", Bpmn.convertToString(changed).getBytes(StandardCharsets.UTF_8));
        files.put("dmn/demo-decision.dmn", DECISION.getBytes(StandardCharsets.UTF_8));
        files.put("forms/demo-form.form", FORM.getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
