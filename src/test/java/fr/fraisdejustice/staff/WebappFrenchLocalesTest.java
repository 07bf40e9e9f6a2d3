package fr.fraisdejustice.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The French of the Camunda webapps that the court clerks use (Tasklist, Admin, Welcome) and of the Cockpit screens
 * of the analysts. The English files come from the Camunda webjar on the classpath, the French ones and the
 * config.js/user-styles.css that override the webjar's come from src/main/resources, which Spring Boot serves first.
 */
class WebappFrenchLocalesTest {

    private static final String APP = "/META-INF/resources/webjars/camunda/app/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}|%[sd]");

    /** Cockpit screens of the analysts and the key prefixes of their texts (Community Edition). */
    private static final Map<String, List<String>> COCKPIT_SCREENS = new LinkedHashMap<>();

    static {
        COCKPIT_SCREENS.put("navigation, login and header", List.of("COCKPIT_", "PAGE_LOGIN_", "PAGES_", "AUTH_",
                "CAM_WIDGET_", "PAGINATION_", "SIGN_OUT_ACTION", "MY_PROFILE", "TOGGLE_NAVIGATION", "FIRST_LOGIN_",
                "BANNER_", "SERVICES_", "DIRECTIVE_"));
        COCKPIT_SCREENS.put("dashboard", List.of("DASHBOARD_", "PIE_CHART_", "PLUGIN_TASK_", "TASKS_HUMAN_TASKS"));
        COCKPIT_SCREENS.put("processes list", List.of("PROCESS_PROCESSES", "PLUGIN_PROCESS_DEF_", "DEFINITIONS_"));
        COCKPIT_SCREENS.put("process definition", List.of("PROCESS_DEFINITION", "PLUGIN_PROCESS_INSTANCE",
                "PLUGIN_JOBDEFINITION_", "PLUGIN_JOB_DEFINITION_", "PLUGIN_SUSPENSION_", "PLUGIN_CALLED_PROCESS",
                "PLUGIN_DIAGRAM_", "BULK_OVERRIDE_", "TIME_TO_LIVE_", "DEF_VIEW_", "REPORTS_"));
        COCKPIT_SCREENS.put("process instance", List.of("PROCESS_INSTANCE", "PLUGIN_VARIABLE_", "PLUGIN_VIEW_VARIABLE_",
                "VARIABLE_", "PLUGIN_ADD_VARIABLE_", "PLUGIN_USER_TASKS_", "PLUGIN_IDENTITY_LINKS_", "PLUGIN_JOBS",
                "PLUGIN_EXT_", "PLUGIN_EXTERNAL_", "PLUGIN_CANCEL_PROCESS_", "PLUGIN_UPDATE_", "PLUGIN_ACTIVITY",
                "ACTIVITY_INSTANCE_", "QUICK_FILTER_", "BREAD_CRUMBS_", "PLUGIN_INSPECT_", "PLUGIN_DOCUMENTATION_"));
        COCKPIT_SCREENS.put("decisions", List.of("COCKPIT_DECISIONS", "DECISION_DEFINITION_", "DECISION_INSTANCE_",
                "PLUGIN_DECISION_", "PLUGIN_INPUT_", "PLUGIN_OUTPUT_"));
        COCKPIT_SCREENS.put("incidents", List.of("PLUGIN_INCIDENTS_", "PLUGIN_INC_", "PLUGIN_JOB_RETRY_",
                "PLGN_HIST_OPEN_STACKTRACE", "PLGN_HIST_FAILING_ACTIVITY"));
        COCKPIT_SCREENS.put("deployments", List.of("COCKPIT_DEPLOYMENTS", "REPOSITORY_"));
        COCKPIT_SCREENS.put("batches and operation log", List.of("BATCHES_", "PLGN_BATCH_JOB_LOG_HEADER",
                "PLGN_AUDIT_"));
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTasklistKeyHasAFrenchText() {
        assertThat(untranslated("tasklist")).as("English keys of Tasklist without French").isEmpty();
    }

    @Test
    void everyAdminKeyHasAFrenchText() {
        assertThat(untranslated("admin")).as("English keys of Admin without French").isEmpty();
    }

    @Test
    void everyWelcomeKeyHasAFrenchText() {
        assertThat(untranslated("welcome")).as("English keys of Welcome without French").isEmpty();
    }

    @Test
    void cockpitTranslatesTheScreensOfTheAnalysts() {
        Map<String, String> english = texts("cockpit", "en");
        Map<String, String> french = texts("cockpit", "fr");
        List<String> missing = new ArrayList<>();
        COCKPIT_SCREENS.forEach((screen, prefixes) -> {
            for (String prefix : prefixes) {
                assertThat(english.keySet()).as("English Cockpit keys starting with %s", prefix)
                        .anyMatch(key -> key.startsWith("labels." + prefix));
            }
            List<String> keys = english.keySet().stream()
                    .filter(key -> prefixes.stream().anyMatch(prefix -> key.startsWith("labels." + prefix)))
                    .toList();
            List<String> lacking = keys.stream().filter(key -> !hasText(french.get(key))).toList();
            System.out.printf("Cockpit %s: %d/%d keys in French%n", screen, keys.size() - lacking.size(), keys.size());
            missing.addAll(lacking);
        });
        long translated = english.keySet().stream().filter(key -> hasText(french.get(key))).count();
        System.out.printf("Cockpit: %d/%d keys in French, the others (Enterprise Edition plugins) fall back to "
                + "English%n", translated, english.size());
        assertThat(missing).as("keys of the analysts' Cockpit screens without French").isEmpty();
        assertThat(french.keySet()).as("French Cockpit keys unknown in English").isSubsetOf(english.keySet());
        assertThat(translated).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void frenchFilesHaveTheStructureOfTheEnglishFiles() {
        for (String app : List.of("tasklist", "admin", "welcome", "cockpit")) {
            JsonNode english = read(app, "en");
            JsonNode french = read(app, "fr");
            assertThat(fieldNames(french)).as("top-level blocks of %s/fr.json", app).isEqualTo(fieldNames(english));
            if (english.has("dateLocales")) {
                assertThat(fieldNames(french.get("dateLocales"))).as("dateLocales of %s", app)
                        .isEqualTo(fieldNames(english.get("dateLocales")));
                assertThat(french.at("/dateLocales/week/dow").asInt()).as("%s weeks start on Monday", app).isEqualTo(1);
                assertThat(french.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("DD/MM/YYYY");
                assertThat(french.at("/dateLocales/months/0").asText()).isEqualTo("janvier");
            }
        }
    }

    @Test
    void frenchTextsKeepThePlaceholdersOfTheEnglishTexts() {
        List<String> changed = new ArrayList<>();
        for (String app : List.of("tasklist", "admin", "welcome", "cockpit")) {
            Map<String, String> english = texts(app, "en");
            texts(app, "fr").forEach((key, french) -> {
                if (!placeholders(french).equals(placeholders(english.get(key)))) {
                    changed.add(app + " " + key + ": " + english.get(key) + " -> " + french);
                }
            });
        }
        assertThat(changed).isEmpty();
    }

    @Test
    void tasklistAdminAndWelcomeOfferFrenchWithFrenchAsFallback() {
        for (String app : List.of("tasklist", "admin", "welcome")) {
            String config = configuration(app);
            assertThat(config).as("%s/scripts/config.js", app)
                    .containsPattern("availableLocales:\\s*\\[\\s*'fr'\\s*,\\s*'en'\\s*]")
                    .containsPattern("fallbackLocale:\\s*'fr'");
        }
    }

    @Test
    void cockpitOffersFrenchWithEnglishForTheKeysItLacks() {
        assertThat(configuration("cockpit")).as("cockpit/scripts/config.js")
                .containsPattern("availableLocales:\\s*\\[\\s*'fr'\\s*,\\s*'en'\\s*]")
                .containsPattern("fallbackLocale:\\s*'en'");
    }

    @Test
    void tasklistLoadsItsFrenchDatePickerScript() {
        assertThat(configuration("tasklist"))
                .containsPattern("customScripts:\\s*\\[\\s*'scripts/custom/fr-locale'\\s*]");
        String script = resource(APP + "tasklist/scripts/custom/fr-locale.js");
        assertThat(script).contains("localize(", "firstDayOfWeek: 1", "janvier")
                .as("a default export would be registered as a Tasklist plugin").doesNotContain("export default");
    }

    @Test
    void everyWebappHidesTheMigrationBanner() {
        for (String app : List.of("tasklist", "admin", "welcome", "cockpit")) {
            URL styles = WebappFrenchLocalesTest.class.getResource(APP + app + "/styles/user-styles.css");
            assertThat(styles).as("%s/styles/user-styles.css", app).isNotNull();
            assertThat(styles.toString()).as("served from the application, not the webjar").doesNotStartWith("jar:");
            assertThat(resource(APP + app + "/styles/user-styles.css"))
                    .containsPattern("\\[cam-widget-header] \\.ce-eol-banner \\{\\s*display: none");
        }
    }

    /** English keys with a text whose French text is missing or blank. */
    private List<String> untranslated(String app) {
        Map<String, String> english = texts(app, "en");
        Map<String, String> french = texts(app, "fr");
        System.out.printf("%s: %d/%d keys in French%n", app,
                english.keySet().stream().filter(key -> hasText(french.get(key))).count(), english.size());
        return english.entrySet().stream()
                .filter(entry -> hasText(entry.getValue()) && !hasText(french.get(entry.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        found.sort(null);
        return found;
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** Texts of a locale file by key path: labels.CLAIM_TASK, dateLocales.months[0]... */
    private Map<String, String> texts(String app, String language) {
        Map<String, String> texts = new LinkedHashMap<>();
        flatten("", read(app, language), texts);
        return texts;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> texts) {
        if (node.isObject()) {
            node.properties().forEach(field ->
                    flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), texts));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), texts);
            }
        } else {
            texts.put(path, node.asText());
        }
    }

    private JsonNode read(String app, String language) {
        String path = APP + app + "/locales/" + language + ".json";
        try (InputStream in = WebappFrenchLocalesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            // the webjar's files start with a byte order mark, which Jackson skips
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The config.js served for an app (the first on the classpath), without its commented-out examples. */
    private static String configuration(String app) {
        String path = APP + app + "/scripts/config.js";
        URL url = WebappFrenchLocalesTest.class.getResource(path);
        assertThat(url).as(path).isNotNull();
        assertThat(url.toString()).as("%s served from the application, not the webjar", path).doesNotStartWith("jar:");
        return resource(path).lines()
                .filter(line -> !line.trim().startsWith("//"))
                .collect(Collectors.joining("\n"));
    }

    private static String resource(String path) {
        try (InputStream in = WebappFrenchLocalesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
