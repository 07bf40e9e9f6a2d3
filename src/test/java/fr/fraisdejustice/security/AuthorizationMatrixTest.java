package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.Multipart;

/**
 * The authorization matrix: every /api operation the application maps, every kind of caller, the answer each must get.
 * The operations come from Spring MVC's own mappings, so a new endpoint without its row in
 * {@code security/authorization-matrix.csv} fails here. A cell is an exact refusal (401 anonymous or unknown
 * credentials, 403 forbidden, 404 not yours) or {@code OK}: the call passes the door (any answer but 401, 403, 404, 405
 * and 5xx). Path variables point at structure A's real data, and bodies are built so that an allowed caller stops at a
 * validation or state answer: the matrix changes nothing that matters (what it does change is throw-away data).
 */
@IntegrationTest
class AuthorizationMatrixTest {

    private static final String MATRIX = "/security/authorization-matrix.csv";
    private static final Set<Integer> REFUSALS = Set.of(401, 403, 404, 405);
    private static final String PASSWORD = "Expertise-2026!";  // AccountFixture.PASSWORD
    /** Parallel callers for the cells of one row: every Basic login costs a password hash check. */
    private static final int CALLERS = 4;

    enum Actor {
        ANONYMOUS("ANON"), A_PRINCIPAL("AP"), A_MODIFICATION("AM"), A_CONSULTATION("AC"), A_REQUESTED("AR"),
        B_PRINCIPAL("BP"), CLERK_X("CX"), CLERK_Y("CY"), SAR("SAR"), COMPTABLE("CPT"), SUPPORT("SUP"), ANALYSTE("ANA"),
        ADMIN("ADM");

        final String shortName;

        Actor(String shortName) {
            this.shortName = shortName;
        }
    }

    /** The seeded staff (DevelopmentStaff): never a wrong password, Camunda would throttle the user. */
    private static final Map<Actor, String> STAFF = Map.of(
            Actor.CLERK_X, Http.basic("camille.martin", "Greffe-Paris-2026"),
            Actor.CLERK_Y, Http.basic("amelie.robert", "Greffe-Lyon-2026"),
            Actor.SAR, Http.basic("nicolas.thomas", "Sar-Paris-2026"),
            Actor.COMPTABLE, Http.basic("isabelle.richard", "Comptable-2026"),
            Actor.SUPPORT, Http.basic("thomas.petit", "Support-2026"),
            Actor.ANALYSTE, Http.basic("claire.durand", "Analyste-2026"),
            Actor.ADMIN, Http.basic("marc.leroy", "Admin-FDJ-2026"));

    /** The fixtures of the whole class, built once (the context is shared, so are they). */
    private static World world;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiOperationHasItsRowAndEveryRowAnOperation() {
        Map<String, Operation> operations = operations(mappings);
        Map<String, Row> rows = rows();
        List<String> problems = new ArrayList<>();
        operations.keySet().stream().filter(key -> !rows.containsKey(key))
                .forEach(key -> problems.add("no row for the operation « " + key + " » (add it to " + MATRIX + ")"));
        rows.keySet().stream().filter(key -> !operations.containsKey(key))
                .forEach(key -> problems.add("the row « " + key + " » names no mapped operation"));
        assertThat(problems).as("the matrix against the application's mappings").isEmpty();
    }

    @Test
    void everyActorGetsTheSafeAnswerOnEveryOperation() {
        long start = System.nanoTime();
        Map<String, Operation> operations = operations(mappings);
        Map<String, Row> rows = rows();
        World w = world();
        long fixtures = (System.nanoTime() - start) / 1_000_000;
        Map<Actor, Long> perActor = new ConcurrentHashMap<>();
        Http http = new Http(port);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<String> mismatches = new ArrayList<>();
        Map<String, Map<Actor, String>> observed = new LinkedHashMap<>();
        for (Row row : rows.values()) {
            Operation operation = operations.get(row.operation());
            if (operation == null) {
                continue;  // reported by everyApiOperationHasItsRowAndEveryRowAnOperation
            }
            Call call;
            try {
                call = Call.of(operation, row, w.vars());
                String other = resolvesTo(call);
                if (other != null) {
                    mismatches.add(row.operation() + " : its request " + call.method() + " " + call.path() + " reaches "
                            + other + ", not this operation");
                    continue;
                }
            } catch (RuntimeException e) {
                mismatches.add(row.operation() + " : its request cannot be built: " + e.getMessage());
                continue;
            }
            // the actors of one row call at once (each as himself): rows stay in order, a row's cells do not depend on each other
            Map<Actor, Future<HttpResponse<byte[]>>> answers = new EnumMap<>(Actor.class);
            for (Actor actor : Actor.values()) {
                answers.put(actor, callers.submit(() -> {
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = http.sendBytes(call.request(http, w.headers().get(actor)));
                    perActor.merge(actor, (System.nanoTime() - sent) / 1_000_000, Long::sum);
                    return response;
                }));
            }
            Map<Actor, String> statuses = new EnumMap<>(Actor.class);
            for (Actor actor : Actor.values()) {
                HttpResponse<byte[]> response = answer(answers.get(actor));
                String expected = row.expected().get(actor);
                boolean holds = holds(expected, response.statusCode());
                statuses.put(actor, response.statusCode() + (holds ? "" : "!"));
                if (!holds) {
                    mismatches.add(String.format("%s — %s: expected %s, got %d %s", row.operation(), actor, expected,
                            response.statusCode(), excerpt(response)));
                }
            }
            observed.put(row.operation(), statuses);
        }
        callers.shutdown();
        System.out.println(summary(observed, (System.nanoTime() - start) / 1_000_000));
        System.out.println("fixtures " + fixtures + " ms, calls per actor (ms): " + new TreeMap<>(perActor));
        assertThat(mismatches).as("cells whose answer is not the safe one (operation — actor: expected, got)").isEmpty();
    }

    @Test
    void everyApiOperationIsPublishedInTheOpenApiDocument() throws IOException {
        Http http = new Http(port);
        HttpResponse<String> response = http.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = new ObjectMapper().readTree(response.body()).path("paths");
        Set<String> missing = new TreeSet<>();
        for (Operation operation : operations(mappings).values()) {
            JsonNode path = paths.path(operation.pattern());
            if (path.isMissingNode() || path.path(operation.method().toLowerCase()).isMissingNode()) {
                missing.add(operation.method() + " " + operation.pattern());
            }
        }
        assertThat(missing).as("/api operations missing from /v3/api-docs").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The operations, as Spring MVC maps them

    /** One mapped operation: a method on a path pattern (qualified by what it produces when several share them). */
    record Operation(String key, String method, String pattern, List<String> produces, List<String> consumes,
                     HandlerMethod handler) {
    }

    static Map<String, Operation> operations(RequestMappingHandlerMapping mappings) {
        Map<String, List<Operation>> byMethodAndPath = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> produces = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .map(MediaType::toString).sorted().toList();
            List<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(MediaType::toString).sorted().toList();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/api") && !pattern.startsWith("/api/")) {
                    continue;
                }
                List<String> names = methods.isEmpty() ? List.of("ANY") : methods.stream().map(Enum::name).sorted().toList();
                for (String method : names) {
                    byMethodAndPath.computeIfAbsent(method + " " + pattern, k -> new ArrayList<>())
                            .add(new Operation(method + " " + pattern, method, pattern, produces, consumes, handler));
                }
            }
        });
        Map<String, Operation> operations = new TreeMap<>();
        byMethodAndPath.forEach((key, shared) -> shared.forEach(op -> {
            String qualified = shared.size() == 1 ? key : key + " [" + String.join(",", op.produces()) + "]";
            operations.put(qualified, new Operation(qualified, op.method(), op.pattern(), op.produces(), op.consumes(),
                    op.handler()));
        }));
        return operations;
    }

    /** Which other handler the row's request reaches, if not its own operation's (null when it is). */
    private String resolvesTo(Call call) {
        MockHttpServletRequest request = new MockHttpServletRequest(call.method(), call.path());
        request.setQueryString(call.query());
        request.addHeader("Accept", call.accept());
        if (call.contentType() != null) {
            request.setContentType(call.contentType());
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mappings.getHandler(request);
            if (chain == null || !(chain.getHandler() instanceof HandlerMethod found)) {
                return "no handler";
            }
            return found.getMethod().equals(call.operation().handler().getMethod()) ? null : found.getShortLogMessage();
        } catch (Exception e) {
            return "no handler (" + e.getClass().getSimpleName() + ")";
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The matrix file

    /** One row: the operation, the request that exercises it, and what each actor must get. */
    record Row(String operation, String request, String body, Map<Actor, String> expected) {
    }

    static Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Actor> columns = null;
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX)) {
            if (in == null) {
                throw new IllegalStateException(MATRIX + " is missing");
            }
            int number = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(";", -1);
                if (columns == null) {
                    columns = header(cells);
                    continue;
                }
                if (cells.length < 3 + columns.size()) {
                    throw new IllegalStateException(MATRIX + ":" + number + " has " + cells.length + " cells");
                }
                Map<Actor, String> expected = new EnumMap<>(Actor.class);
                for (int i = 0; i < columns.size(); i++) {
                    String cell = cells[3 + i].trim();
                    if (!cell.equals("OK") && !cell.matches("40[134]")) {
                        throw new IllegalStateException(MATRIX + ":" + number + " cell « " + cell + " » is not OK, 401, 403 or 404");
                    }
                    expected.put(columns.get(i), cell);
                }
                String operation = cells[0].trim();
                if (rows.put(operation, new Row(operation, cells[1].trim(), cells[2].trim(), expected)) != null) {
                    throw new IllegalStateException(MATRIX + ":" + number + " repeats « " + operation + " »");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<Actor> header(String[] cells) {
        if (!cells[0].equals("operation") || !cells[1].equals("request") || !cells[2].equals("body")) {
            throw new IllegalStateException(MATRIX + " starts with operation;request;body;<actors…>");
        }
        List<Actor> columns = new ArrayList<>();
        for (int i = 3; i < cells.length && !cells[i].equals("why"); i++) {
            columns.add(Actor.valueOf(cells[i].trim()));
        }
        if (!new LinkedHashSet<>(columns).equals(new LinkedHashSet<>(List.of(Actor.values())))) {
            throw new IllegalStateException(MATRIX + " needs one column per actor: " + List.of(Actor.values()));
        }
        return columns;
    }

    private static HttpResponse<byte[]> answer(Future<HttpResponse<byte[]>> answer) {
        try {
            return answer.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean holds(String expected, int status) {
        if (status >= 500) {
            return false;  // never, for anyone
        }
        return expected.equals("OK") ? !REFUSALS.contains(status) : status == Integer.parseInt(expected);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The calls

    /** The concrete request of a row: its placeholders replaced by the fixtures' values. */
    record Call(Operation operation, String method, String path, String query, String accept, String contentType,
                String json, Multipart multipart) {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

        static Call of(Operation operation, Row row, Map<String, String> vars) {
            String target = fill(row.request(), vars);
            int question = target.indexOf('?');
            String path = question < 0 ? target : target.substring(0, question);
            String query = question < 0 ? null : target.substring(question + 1);
            String accept = operation.produces().isEmpty() ? "application/json, application/problem+json, */*;q=0.5"
                    : operation.produces().get(0) + ", application/problem+json";
            String method = operation.method().equals("ANY") ? "GET" : operation.method();
            String body = fill(row.body(), vars);
            if (body.isEmpty()) {
                return new Call(operation, method, path, query, accept, null, null, null);
            }
            if (body.startsWith("multipart")) {
                Multipart multipart = new Multipart();
                if (body.startsWith("multipart:")) {
                    String part = body.substring("multipart:".length());
                    int equals = part.indexOf('=');
                    multipart.json(part.substring(0, equals), part.substring(equals + 1));
                } else {
                    multipart.text("matrice", "aucune pièce");
                }
                return new Call(operation, method, path, query, accept, multipart.contentType(), null, multipart);
            }
            return new Call(operation, method, path, query, accept, "application/json", body, null);
        }

        private static String fill(String template, Map<String, String> vars) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                String value = vars.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalStateException("unknown placeholder {" + matcher.group(1) + "}");
                }
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            return matcher.appendTail(filled).toString();
        }

        HttpRequest.Builder request(Http http, List<String> actorHeaders) {
            HttpRequest.Builder request = http.request(path + (query == null ? "" : "?" + query)).header("Accept", accept);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, multipart != null ? multipart.publisher()
                    : json != null ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i < actorHeaders.size(); i += 2) {
                request.header(actorHeaders.get(i), actorHeaders.get(i + 1));
            }
            return request;
        }
    }

    private static String excerpt(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json") && !type.startsWith("text/")) {
            return "(" + type + ", " + response.body().length + " bytes)";
        }
        String body = new String(response.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return body.length() > 240 ? body.substring(0, 240) + "…" : body;
    }

    private static String summary(Map<String, Map<Actor, String>> observed, long millis) {
        int width = observed.keySet().stream().mapToInt(String::length).max().orElse(10);
        StringBuilder table = new StringBuilder("\nAuthorization matrix: " + observed.size() + " operations × "
                + Actor.values().length + " actors = " + observed.size() * Actor.values().length + " cells in " + millis
                + " ms (! marks a cell that is not the safe answer)\n");
        for (Actor actor : Actor.values()) {
            table.append(actor.shortName).append('=').append(actor).append(actor.ordinal() < Actor.values().length - 1 ? ", " : "\n");
        }
        table.append(String.format("%-" + width + "s", "operation"));
        for (Actor actor : Actor.values()) {
            table.append(String.format(" %5s", actor.shortName));
        }
        table.append('\n');
        observed.forEach((operation, statuses) -> {
            table.append(String.format("%-" + width + "s", operation));
            statuses.values().forEach(status -> table.append(String.format(" %5s", status)));
            table.append('\n');
        });
        return table.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The fixtures: structure A ready and busy, its members in every position, structure B, staff

    /** The values the rows' placeholders name, and each actor's credentials. */
    record World(Map<String, String> vars, Map<Actor, List<String>> headers) {
    }

    private synchronized World world() {
        if (world == null) {
            try {
                world = new WorldBuilder(context, port).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return world;
    }

    private static final class WorldBuilder {

        private final ApplicationContext context;
        private final int port;
        private final Http http;
        private final ObjectMapper json;
        private final Mailbox mailbox;
        private final Map<String, String> vars = new TreeMap<>();
        private final Map<Actor, List<String>> headers = new EnumMap<>(Actor.class);

        WorldBuilder(ApplicationContext context, int port) {
            this.context = context;
            this.port = port;
            this.http = new Http(port);
            this.json = context.getBean(ObjectMapper.class);
            this.mailbox = new Mailbox(context.getBean(GreenMail.class));
        }

        World build() throws IOException {
            Providers providers = context.getBean(Providers.class);
            LocalDate today = LocalDate.now(context.getBean(Clock.class));

            // A: bank account, signed mandate, a mémoire sent to the Paris greffe (TJ75101, cour d'appel de Paris)
            SentMemoireFixture.Sent sent = SentMemoireFixture.send(context, port);
            Providers.Provider a = sent.manager();
            String structureA = a.structureId().toString();
            String basicA = a.basic();
            vars.put("structureA", structureA);
            vars.put("principalAccountA", a.accountId().toString());
            vars.put("principalEmailA", a.email());
            vars.put("providerPassword", PASSWORD);
            vars.put("sentA", sent.mjNumber());
            JsonNode structure = call("GET", "/api/structures/" + structureA, null, basicA, 200);

            String bankAccountA = call("GET", "/api/structures/" + structureA + "/bank-accounts", null, basicA, 200)
                    .get(0).get("id").asText();
            Multipart spare = new Multipart().json("bankAccount", "{\"name\":\"Compte jetable\",\"type\":\"IBAN\","
                    + "\"iban\":\"FR7030002005500000157845Z02\",\"bic\":\"CRLYFRPP\"}")
                    .file("document", "rib.pdf", "application/pdf", Multipart.pdf());
            vars.put("bankAccountSpareA", multipart("/api/structures/" + structureA + "/bank-accounts", spare, basicA, 201)
                    .get("id").asText());

            // the draft, with a line; the sent mémoire's line and attachment
            String draft = call("POST", "/api/memoires", "{\"structureId\":\"" + structureA + "\",\"jurisdictionCode\":"
                    + "\"TJ75101\",\"bankAccountId\":\"" + bankAccountA + "\",\"providerCategory\":\"INTERPRETE_TRADUCTEUR\","
                    + "\"vatType\":\"TVA_SUR_DEBIT\"}", basicA, 201).get("number").asText();
            vars.put("draftA", draft);
            vars.put("draftLineA", call("POST", "/api/memoires/" + draft + "/lines", "{\"caseNumber\":\"26-001\","
                    + "\"requisitionDate\":\"" + today.minusDays(3) + "\",\"requestingAuthority\":\"Procureur de la République\","
                    + "\"serviceType\":\"TRADUCTION_ECRITE\",\"serviceDate\":\"" + today.minusDays(2) + "\",\"quantity\":4,"
                    + "\"unitPriceExclVat\":25.00,\"vatRate\":20}", basicA, 201).get("id").asText());
            vars.put("sentLineA", call("GET", "/api/memoires/" + sent.mjNumber(), null, basicA, 200)
                    .get("lines").get(0).get("id").asText());
            vars.put("sentAttachmentA", call("GET", "/api/memoires/" + sent.mjNumber() + "/attachments", null, basicA, 200)
                    .get(0).get("id").asText());

            // the signed mandate, and a second one generated then withdrawn (revoking it again changes nothing)
            for (JsonNode mandate : call("GET", "/api/structures/" + structureA + "/mandates", null, basicA, 200)) {
                if (mandate.get("status").asText().equals("ACTIVE")) {
                    vars.put("mandateA", mandate.get("id").asText());
                }
            }
            String withdrawn = call("POST", "/api/structures/" + structureA + "/mandates", "{\"label\":\"Mandat jetable\"}",
                    basicA, 201).get("id").asText();
            call("POST", "/api/structures/" + structureA + "/mandates/" + withdrawn + "/revocation", null, basicA, 200);
            vars.put("mandateRevokedA", withdrawn);

            // a ticket about the sent mémoire (service métier: the Paris greffe) with a document, and a draft ticket
            String ticket = "{\"subcategory\":\"SUIVI_MEMOIRE\",\"objectNumber\":\"" + sent.mjNumber() + "\",\"structureId\":\""
                    + structureA + "\",\"contactEmail\":\"" + a.email() + "\",\"title\":\"Suivi\",\"description\":\"Où en est-il ?\"";
            String ticketA = call("POST", "/api/tickets", ticket + "}", basicA, 201).get("number").asText();
            vars.put("ticketA", ticketA);
            vars.put("ticketAttachmentA", multipart("/api/tickets/" + ticketA + "/attachments", new Multipart()
                    .file("file", "piece.pdf", "application/pdf", Multipart.pdf()), basicA, 201).get("id").asText());
            vars.put("ticketDraftA", call("POST", "/api/tickets", ticket + ",\"draft\":true}", basicA, 201)
                    .get("number").asText());

            // a dépôt flux of A's gestionnaire principal (its job never runs: the job executor is off in tests)
            vars.put("uploadA", multipart("/api/bulk-uploads", new Multipart().file("file", "flux-matrice.xml",
                    "application/xml", "<?xml version=\"1.0\"?><depot/>".getBytes(StandardCharsets.UTF_8)), basicA, 202)
                    .get("uploadId").asText());

            // A's members: one allowed to change mémoires, one consulting, one still asking to join
            Providers.Provider modification = providers.memberOf(a);
            call("PATCH", "/api/structures/" + structureA + "/members/" + modification.accountId(),
                    "{\"profiles\":[\"FRAIS_DE_JUSTICE_CONSULTATION\",\"FRAIS_DE_JUSTICE_MODIFICATION\"]}", basicA, 200);
            Providers.Provider consultation = providers.memberOf(a);
            vars.put("consultationAccountA", consultation.accountId().toString());
            Providers.Provider requested = providers.withOwnStructure();
            call("POST", "/api/structures/" + structureA + "/membership-requests", null, requested.basic(), 201);
            Providers.Provider b = providers.withOwnStructure();

            // two more requests to join A: one whose account is not activated (approving it is refused, 409), one to refuse
            String identity = "\"structure\":{\"identifierType\":\"" + structure.get("identifierType").asText()
                    + "\",\"identifier\":\"" + structure.get("identifier").asText() + "\"},\"termsAccepted\":true";
            String unactivatedEmail = unique("matrice-attente");
            String unactivated = call("POST", "/api/accounts", "{\"loginEmail\":\"" + unactivatedEmail
                    + "\",\"lastName\":\"Attente\",\"firstName\":\"Jeanne\"," + identity + "}", null, 201).get("accountId").asText();
            String refusable = call("POST", "/api/accounts", "{\"loginEmail\":\"" + unique("matrice-refus")
                    + "\",\"lastName\":\"Refus\",\"firstName\":\"Jean\"," + identity + "}", null, 201).get("accountId").asText();
            for (JsonNode request : call("GET", "/api/structures/" + structureA + "/membership-requests", null, basicA, 200)) {
                String account = request.get("accountId").asText();
                if (account.equals(unactivated)) {
                    vars.put("requestUnactivatedA", request.get("requestId").asText());
                } else if (account.equals(refusable)) {
                    vars.put("requestSpareA", request.get("requestId").asText());
                }
            }
            // the unactivated account's activation link: reading it changes nothing, a weak password is refused
            runActivationJob(unactivated);
            vars.put("activationToken", mailbox.lastToken(unactivatedEmail));

            // B's gestionnaire: a password reset link (valid), a contact e-mail link (already used)
            int mails = mailbox.to(b.email()).size();
            call("POST", "/api/password-reset", "{\"loginEmail\":\"" + b.email() + "\"}", null, 202);
            mailbox.await(b.email(), mails + 1);
            vars.put("resetToken", mailbox.lastToken(b.email()));
            String contact = unique("matrice-contact");
            call("PATCH", "/api/me", "{\"contactEmail\":\"" + contact + "\"}", b.basic(), 200);
            mailbox.await(contact, 1);
            String contactToken = mailbox.lastToken(contact);
            call("POST", "/api/me/contact-email/confirmation", "{\"token\":\"" + contactToken + "\"}", null, 200);
            vars.put("usedContactToken", contactToken);

            // the anonymous caller holds a CSRF pair, as a browser would: its refusals are then about who it is
            String csrf = http.get("/portail/connexion").headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                    .split(";")[0].substring("XSRF-TOKEN=".length());
            headers.put(Actor.ANONYMOUS, List.of("Cookie", "XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf));
            headers.put(Actor.A_PRINCIPAL, List.of("Authorization", basicA));
            headers.put(Actor.A_MODIFICATION, List.of("Authorization", modification.basic()));
            headers.put(Actor.A_CONSULTATION, List.of("Authorization", consultation.basic()));
            headers.put(Actor.A_REQUESTED, List.of("Authorization", requested.basic()));
            headers.put(Actor.B_PRINCIPAL, List.of("Authorization", b.basic()));
            STAFF.forEach((actor, basic) -> headers.put(actor, List.of("Authorization", basic)));
            for (String name : List.of("requestUnactivatedA", "requestSpareA", "mandateA")) {
                if (!vars.containsKey(name)) {
                    throw new IllegalStateException("fixture " + name + " not found");
                }
            }
            return new World(Map.copyOf(vars), Map.copyOf(headers));
        }

        private void runActivationJob(String accountId) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            String instance = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("account-activation").processInstanceBusinessKey(accountId).active()
                    .singleResult().getId();
            engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                    .processInstanceId(instance).singleResult().getId());
        }

        private static String unique(String who) {
            return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        }

        private JsonNode call(String method, String path, String body, String basic, int expected) throws IOException {
            HttpRequest.Builder request = http.request(path).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (basic != null) {
                request.header("Authorization", basic);
            }
            return answer(method + " " + path, http.send(request), expected);
        }

        private JsonNode multipart(String path, Multipart body, String basic, int expected) throws IOException {
            return answer("POST " + path, http.send(http.request(path).header("Authorization", basic)
                    .header("Content-Type", body.contentType()).POST(body.publisher())), expected);
        }

        private JsonNode answer(String what, HttpResponse<String> response, int expected) throws IOException {
            if (response.statusCode() != expected) {
                throw new IllegalStateException("fixture: " + what + " answered " + response.statusCode() + " "
                        + response.body());
            }
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        }
    }
}
