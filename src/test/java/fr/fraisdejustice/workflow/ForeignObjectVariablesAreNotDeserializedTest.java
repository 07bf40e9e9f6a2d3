package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * Camunda deserializes an Object variable only if its type is allowed (application.yml): a value of a foreign class,
 * however it got in, is refused when it is read; Java serialization is refused when the value is set.
 */
@IntegrationTest
class ForeignObjectVariablesAreNotDeserializedTest {

    @Autowired ProcessEngine engine;

    TaskService tasks;
    String taskId;

    @BeforeEach
    void aStandaloneTask() {
        tasks = engine.getTaskService();
        Task task = tasks.newTask();
        tasks.saveTask(task);
        taskId = task.getId();
    }

    @AfterEach
    void deleteIt() {
        tasks.deleteTask(taskId, true);
    }

    /** A JSON shorter than 10 characters would hide the reason: Spin 7.24 logs its first 10 characters with substring. */
    @Test
    void aJsonObjectOfAForeignClassIsRefusedWhenRead() {
        tasks.setVariable(taskId, "foreign", Variables.serializedObjectValue("{\"first\": 1, \"second\": 2}")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .objectTypeName("java.util.Hashtable").create());

        assertThatThrownBy(() -> tasks.getVariable(taskId, "foreign"))
                .isInstanceOf(ProcessEngineException.class)
                .satisfies(e -> assertThat(messages(e)).contains("java.util.Hashtable"));
        ObjectValue serialized = tasks.getVariableTyped(taskId, "foreign", false);
        assertThat(serialized.getValueSerialized()).isEqualTo("{\"first\": 1, \"second\": 2}");
    }

    @Test
    void aCollectionOfAForeignClassIsRefusedWhenRead() {
        tasks.setVariable(taskId, "foreign", Variables.serializedObjectValue("[\"https://example.org/\"]")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .objectTypeName("java.util.ArrayList<java.net.URL>").create());

        assertThatThrownBy(() -> tasks.getVariable(taskId, "foreign")).isInstanceOf(ProcessEngineException.class);
    }

    @Test
    void aJavaSerializedObjectIsRefusedWhenSet() {
        String serialized = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});

        assertThatThrownBy(() -> tasks.setVariable(taskId, "foreign", Variables.serializedObjectValue(serialized)
                .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                .objectTypeName("java.util.HashMap").create()))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(tasks.getVariable(taskId, "foreign")).isNull();
    }

    @Test
    void aJsonObjectOfOurOwnTypeIsRead() {
        tasks.setVariable(taskId, "ours", Variables.serializedObjectValue(
                        "{\"field\": \"caseNumber\", \"code\": \"SIZE\", \"detail\": \"Trop long\"}")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .objectTypeName(FieldProblem.class.getName()).create());

        assertThat(tasks.getVariable(taskId, "ours")).isEqualTo(new FieldProblem("caseNumber", "SIZE", "Trop long"));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
