package fr.fraisdejustice.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile-inputs/*.json}): every request a hostile or clumsy client
 * might send, each with the answer it must get. No case may get a 5xx; every refusal speaks French, names the field at
 * fault when the case says which, and leaves the business tables exactly as they were (row counts and checksums).
 * <p>A file holds one endpoint: its method and path ({@code {draft}}, {@code {sent}}… name the world's data), who calls,
 * a valid {@code base} body, and cases that change it ({@code set}: dotted paths to new values, {@code remove}), replace
 * it ({@code raw}: the body as text) or send files ({@code multipart}: parts whose {@code content} is
 * {@code text:…}, {@code base64:…} or {@code make:<name>}, a file made by {@link HostileFiles}).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputCorpusTest {

    /** The tables a refused request must leave untouched (login counters and upload quotas excepted: they count refusals). */
    private static final List<String> BUSINESS_TABLES = List.of("structure", "membership", "bank_account",
            "billing_mandate", "memoire", "memoire_line", "memoire_attachment", "memoire_status_change", "support_ticket",
            "ticket_attachment", "ticket_event", "bulk_upload", "bulk_upload_item", "account_token");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern FRENCH = Pattern.compile(
            "[éèêàùçôîû]|\\b(le|la|les|de|des|du|un|une|est|pas|ce|cette|votre|vos|et|ou|en|au|aux|par|pour|sur|dans)\\b",
            Pattern.CASE_INSENSITIVE);

    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private Http http;
    private final Map<String, String> world = new TreeMap<>();
    private final Map<String, String> rowExpressions = new TreeMap<>();
    private Map<String, String> lastChecksums;
    private String providerBasic;

    @BeforeAll
    void buildTheWorld() throws IOException {
        http = new Http(port);
        SentMemoireFixture.Sent sent = SentMemoireFixture.send(context, port);
        Providers.Provider a = sent.manager();
        providerBasic = a.basic();
        LocalDate today = LocalDate.now(clock);
        world.put("structure", a.structureId().toString());
        world.put("account", a.accountId().toString());
        world.put("email", a.email());
        world.put("sent", sent.mjNumber());
        world.put("today", today.toString());
        world.put("yesterday", today.minusDays(1).toString());
        JsonNode bankAccounts = call("GET", "/api/structures/" + a.structureId() + "/bank-accounts", null);
        world.put("bankAccount", bankAccounts.get(0).get("id").asText());
        JsonNode draft = call("POST", "/api/memoires", "{\"structureId\":\"" + a.structureId() + "\",\"jurisdictionCode\":"
                + "\"TJ75101\",\"bankAccountId\":\"" + world.get("bankAccount") + "\",\"providerCategory\":"
                + "\"INTERPRETE_TRADUCTEUR\",\"vatType\":\"TVA_SUR_DEBIT\"}");
        world.put("draft", draft.get("number").asText());
        world.put("draftLine", call("POST", "/api/memoires/" + world.get("draft") + "/lines", "{\"caseNumber\":\"26-001\","
                + "\"requisitionDate\":\"" + today.minusDays(3) + "\",\"requestingAuthority\":\"Procureur de la République\","
                + "\"serviceType\":\"TRADUCTION_ECRITE\",\"serviceDate\":\"" + today.minusDays(2) + "\",\"quantity\":4,"
                + "\"unitPriceExclVat\":25.00,\"vatRate\":20}").get("id").asText());
        world.put("ticket", call("POST", "/api/tickets", "{\"subcategory\":\"SUIVI_MEMOIRE\",\"objectNumber\":\""
                + sent.mjNumber() + "\",\"structureId\":\"" + a.structureId() + "\",\"contactEmail\":\"" + a.email()
                + "\",\"title\":\"Suivi\",\"description\":\"Où en est-il ?\",\"draft\":true}").get("number").asText());
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsItsAnswer() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:hostile-inputs/*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        int cases = 0;
        for (Resource file : files) {
            JsonNode endpoint;
            try (InputStream in = file.getInputStream()) {
                endpoint = json.readTree(in);
            }
            for (JsonNode hostile : endpoint.get("cases")) {
                cases++;
                String name = file.getFilename() + " — " + hostile.get("why").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    try {
                        check(endpoint, hostile);
                    } catch (AssertionError failure) {
                        throw new AssertionError(name + " : " + failure.getMessage(), failure);
                    }
                }));
            }
        }
        assertThat(cases).as("the corpus holds at least 150 hostile requests").isGreaterThanOrEqualTo(150);
        return tests.stream();
    }

    private void check(JsonNode endpoint, JsonNode hostile) throws IOException {
        String[] call = endpoint.get("endpoint").asText().split(" ", 2);
        String method = hostile.path("method").asText(call[0]);
        String path = placed(hostile.has("path") ? hostile.get("path").asText() : call[1]);
        HttpRequest.Builder request = http.request(path).header("Accept", "application/json");
        if ("provider".equals(endpoint.path("auth").asText("provider"))) {
            request.header("Authorization", providerBasic);
        }
        request.method(method, body(endpoint, hostile, request));
        JsonNode expect = hostile.get("expect");
        int expectedStatus = expect.get(0).asInt();

        // the checksums after a refusal are those before the next one: only an accepted request makes them stale
        Map<String, String> before = expectedStatus < 400 ? Map.of() : lastChecksums != null ? lastChecksums : checksums();
        lastChecksums = null;
        HttpResponse<String> answer = http.send(request);

        assertThat(answer.statusCode()).as("never a 5xx: %s", answer.body()).isLessThan(500);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
        if (expectedStatus < 400) {
            return;
        }
        JsonNode problem = json.readTree(answer.body());
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String detail = problem.path("detail").asText();
        assertThat(detail).as("a French detail").isNotBlank().containsPattern(FRENCH);
        if (expect.size() > 1) {
            assertThat(problem.path("code").asText()).as(answer.body()).isEqualTo(expect.get(1).asText());
        }
        if (expect.size() > 2) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> {
                fields.add(error.path("field").asText());
                assertThat(error.path("detail").asText()).containsPattern(FRENCH);
            });
            assertThat(fields).as(answer.body()).contains(expect.get(2).asText());
        }
        Map<String, String> after = checksums();
        assertThat(after).as("a refused request changes nothing").isEqualTo(before);
        lastChecksums = after;
    }

    private HttpRequest.BodyPublisher body(JsonNode endpoint, JsonNode hostile, HttpRequest.Builder request)
            throws IOException {
        if (hostile.has("multipart")) {
            Multipart multipart = new Multipart();
            for (JsonNode part : hostile.get("multipart")) {
                if (part.has("json")) {
                    multipart.json(part.get("name").asText(), placed(json.writeValueAsString(part.get("json"))));
                } else if (part.has("text")) {
                    multipart.text(part.get("name").asText(), placed(part.get("text").asText()));
                } else {
                    multipart.file(part.get("name").asText(), part.get("fileName").asText(),
                            part.path("type").asText("application/pdf"), content(part.get("content").asText()));
                }
            }
            request.header("Content-Type", multipart.contentType());
            return multipart.publisher();
        }
        String text;
        if (hostile.has("raw")) {
            text = placed(hostile.get("raw").asText());
        } else if (endpoint.has("base")) {
            ObjectNode body = (ObjectNode) json.readTree(placed(json.writeValueAsString(endpoint.get("base"))));
            hostile.path("remove").forEach(field -> body.remove(field.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = hostile.path("set").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> change = it.next();
                set(body, change.getKey(), change.getValue());
            }
            text = placed(json.writeValueAsString(body));
        } else {
            return HttpRequest.BodyPublishers.noBody();
        }
        request.header("Content-Type", hostile.path("contentType").asText("application/json"));
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    /** structure.identifier: a field inside an object. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.set(path, value);
        } else {
            set(body.with(path.substring(0, dot)), path.substring(dot + 1), value);
        }
    }

    private byte[] content(String spec) {
        if (spec.startsWith("text:")) {
            return spec.substring(5).getBytes(StandardCharsets.UTF_8);
        }
        if (spec.startsWith("base64:")) {
            return Base64.getDecoder().decode(spec.substring(7));
        }
        return HostileFiles.make(spec.substring("make:".length()));
    }

    private String placed(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder placed = new StringBuilder();
        while (matcher.find()) {
            String value = world.get(matcher.group(1));
            matcher.appendReplacement(placed, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        return matcher.appendTail(placed).toString();
    }

    private Map<String, String> checksums() {
        Map<String, String> sums = new TreeMap<>();
        for (String table : BUSINESS_TABLES) {
            String row = rowExpressions.computeIfAbsent(table, this::rowExpression);
            sums.put(table, jdbc.queryForObject("select count(*) || ':' || coalesce(md5(string_agg(" + row + ", '|' order by "
                    + row + ")), '') from " + table, String.class));
        }
        return sums;
    }

    /** A row as text, its files by their md5 (a checksum of the checksum, not megabytes of hexadecimal). */
    private String rowExpression(String table) {
        List<String> columns = jdbc.query("select column_name, data_type from information_schema.columns where table_name = ? "
                + "and table_schema = current_schema() order by ordinal_position", (rs, i) -> rs.getString(2).equals("bytea")
                ? "coalesce(md5(" + rs.getString(1) + "), '-')" : "coalesce(" + rs.getString(1) + "::text, '-')", table);
        return "concat_ws(',', " + String.join(", ", columns) + ")";
    }

    private JsonNode call(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = http.request(path).header("Authorization", providerBasic)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = http.send(request);
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(300);
        return json.readTree(answer.body());
    }
}
