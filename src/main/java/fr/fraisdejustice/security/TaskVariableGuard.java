package fr.fraisdejustice.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whoever completes a task writes only what its form asks: the candidate groups of the next tasks come from process
 * variables (the certifying office, the cour d'appel, the ticket's recipient), and a completion over engine REST or
 * Tasklist's API could otherwise send {@code certifyingOffice=TJ69383} and move a mémoire to another court.
 * <ul>
 * <li>completing a task ({@code complete}, {@code submit-form}, {@code resolve}) accepts only the keys of the task's
 * deployed Camunda Form (its formRef); a task without such a form accepts no variable;</li>
 * <li>the endpoints that write variables directly (task, process instance, execution variables, asynchronous variable
 * setting) are refused to everyone, administrators included: an authorization could be granted back, this filter
 * cannot;</li>
 * <li>the other calls that may carry variables (a task's BPMN error or escalation, starts, messages, signals,
 * conditions, modifications, migrations, subscription triggers, external tasks) are refused when they do.</li>
 * </ul>
 * The answer keeps Camunda's JSON error shape ({@code type}, {@code message}), which Tasklist shows, with a French
 * message.
 */
class TaskVariableGuard extends OncePerRequestFilter {

    private static final String ENGINE = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern COMPLETION = Pattern.compile(ENGINE + "/task/([^/]+)/(complete|submit-form|resolve)/?$");
    private static final Pattern TASK_SIGNAL = Pattern.compile(ENGINE + "/task/([^/]+)/(bpmnError|bpmnEscalation)/?$");
    private static final Pattern VARIABLE_WRITE = Pattern.compile(ENGINE + "(?:"
            + "/task/[^/]+/(?:variables|localVariables)"
            + "|/process-instance/[^/]+/variables"
            + "|/execution/[^/]+/localVariables"
            + "|/process-instance/variables-async"
            + ")(?:/.*)?$");

    /** The other engine calls whose body may carry variables: starts, messages, signals, modifications, migrations… */
    private static final Pattern VARIABLE_CARRIER = Pattern.compile(ENGINE + "(?:"
            + "/message(?:/async)?"
            + "|/signal"
            + "|/condition"
            + "|/process-definition/.+/(?:start|submit-form)"
            + "|/process-instance/[^/]+/modification(?:-async)?"
            + "|/modification/execute(?:Async)?"
            + "|/migration/execute(?:Async)?"
            + "|/execution/[^/]+/messageSubscriptions/[^/]+/trigger"
            + "|/external-task/[^/]+/(?:complete|bpmnError)"
            + ")/?$");
    private static final Set<String> VARIABLE_FIELDS = Set.of("variables", "localVariables", "processVariables",
            "processVariablesLocal", "processVariablesToTriggeredScope");

    private final TaskService tasks;
    private final FormService forms;
    private final ObjectMapper json;

    TaskVariableGuard(TaskService tasks, FormService forms, ObjectMapper json) {
        this.tasks = tasks;
        this.forms = forms;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = normalized(request.getRequestURI().substring(request.getContextPath().length()));
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        if (VARIABLE_WRITE.matcher(path).matches()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Les variables d'un processus ou d'une tâche ne se modifient "
                    + "pas par l'API du moteur : elles viennent des données de l'application et des formulaires des tâches.");
            return;
        }
        Matcher completion = COMPLETION.matcher(path);
        Matcher signal = TASK_SIGNAL.matcher(path);
        if (!completion.matches() && !signal.matches()) {
            if (!VARIABLE_CARRIER.matcher(path).matches()) {
                chain.doFilter(request, response);
                return;
            }
            RereadableBodyRequest body = new RereadableBodyRequest(request);
            Optional<Boolean> carries = carriesVariables(body);
            if (carries.isEmpty() || carries.get()) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, "Cette demande ne transmet pas de variables au "
                        + "moteur : elles viennent des données de l'application et des formulaires des tâches. "
                        + "Rien n'a été enregistré.");
                return;
            }
            chain.doFilter(body, response);
            return;
        }
        RereadableBodyRequest body = new RereadableBodyRequest(request);
        Optional<Set<String>> submitted = submittedVariables(body);
        if (submitted.isEmpty()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                    "La demande est illisible ou trop longue : rien n'a été enregistré.");
            return;
        }
        if (signal.matches()) {
            if (!submitted.get().isEmpty()) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, "Une erreur ou une escalade de tâche ne transmet "
                        + "pas de variables : rien n'a été enregistré.");
                return;
            }
            chain.doFilter(body, response);
            return;
        }
        Optional<Set<String>> formKeys = formKeys(completion.group(1));
        if (formKeys.isEmpty()) {
            // an unknown or already completed task: the engine answers (404, or 409 for a colleague's completion)
            chain.doFilter(body, response);
            return;
        }
        Set<String> refused = new TreeSet<>(submitted.get());
        refused.removeAll(formKeys.get());
        if (!refused.isEmpty()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Le formulaire de cette tâche ne comporte pas "
                    + (refused.size() == 1 ? "le champ " : "les champs ") + String.join(", ", refused)
                    + " : seuls ses propres champs sont enregistrés. Rien n'a été enregistré.");
            return;
        }
        chain.doFilter(body, response);
    }

    /**
     * The path as JAX-RS routes it: percent-decoded, without path parameters ({@code ;x=y}) and repeated slashes, so
     * that {@code /task/1/complete;x} is still a completion (Spring Security's firewall refuses most such paths too).
     */
    static String normalized(String rawPath) {
        String path = rawPath.replaceAll(";[^/]*", "");
        if (path.indexOf('%') >= 0) {
            try {
                path = UriUtils.decode(path, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // left as it is: the engine refuses a malformed path
            }
        }
        return path.replaceAll("/{2,}", "/");
    }

    /** The names of the variables the body sends ({@code variables}, {@code withVariablesInReturn} aside). */
    private Optional<Set<String>> submittedVariables(RereadableBodyRequest request) {
        Optional<byte[]> bytes = request.body();
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        if (bytes.get().length == 0) {
            return Optional.of(Set.of());
        }
        try {
            JsonNode body = json.readTree(bytes.get());
            if (body == null || body.isMissingNode() || body.isNull()) {
                return Optional.of(Set.of());
            }
            if (!body.isObject()) {
                return Optional.empty();
            }
            Set<String> names = new TreeSet<>();
            JsonNode variables = body.get("variables");
            if (variables != null && !variables.isNull()) {
                if (!variables.isObject()) {
                    return Optional.empty();
                }
                variables.fieldNames().forEachRemaining(names::add);
            }
            return Optional.of(names);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the JSON body carries a non-empty variables map anywhere; empty when it cannot be read. */
    private Optional<Boolean> carriesVariables(RereadableBodyRequest request) {
        Optional<byte[]> bytes = request.body();
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        if (bytes.get().length == 0) {
            return Optional.of(false);
        }
        try {
            return Optional.of(hasVariables(json.readTree(bytes.get())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasVariables(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (VARIABLE_FIELDS.contains(field.getKey()) && !field.getValue().isNull() && !field.getValue().isEmpty()) {
                    return true;
                }
                if (hasVariables(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasVariables(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The top-level keys the task's deployed Camunda Form binds: a field's key (its first segment when dotted), a
     * group's path; none when the task has no Camunda Form. Empty when the task is unknown (the engine answers that).
     */
    private Optional<Set<String>> formKeys(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return Optional.empty();
        }
        if (task.getCamundaFormRef() == null) {
            return Optional.of(Set.of());
        }
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            Set<String> keys = new TreeSet<>();
            collect(json.readTree(form), keys);
            return Optional.of(keys);
        } catch (IOException | RuntimeException e) {
            return Optional.of(Set.of());
        }
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node == null) {
            return;
        }
        JsonNode path = node.get("path");
        if (path != null && path.isTextual() && !path.asText().isBlank()) {
            keys.add(path.asText().split("\\.")[0]);
            return;
        }
        JsonNode key = node.get("key");
        if (key != null && key.isTextual() && !key.asText().isBlank()) {
            keys.add(key.asText().split("\\.")[0]);
        }
        JsonNode components = node.get("components");
        if (components != null && components.isArray()) {
            for (Iterator<JsonNode> it = components.elements(); it.hasNext(); ) {
                collect(it.next(), keys);
            }
        }
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException");
        error.put("code", 0);
        error.put("message", message);
        error.put("status", status);
        error.put("detail", message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }
}
