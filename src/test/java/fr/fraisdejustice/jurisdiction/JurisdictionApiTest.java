package fr.fraisdejustice.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

@IntegrationTest
class JurisdictionApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode getJson(String path, int expectedStatus) throws IOException {
        var response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    @Test
    void theMigrationLoadedExactlyTheReferenceFile() throws IOException {
        List<String> csv = lines("reference/juridictions.csv");
        List<String> table = jdbc.queryForList("""
                select code || ',' || type || ',' || name || ',' || coalesce(departement, '') || ',' || cour_appel_code
                from jurisdiction""", String.class);
        assertThat(table).containsExactlyInAnyOrderElementsOf(csv);
        assertThat(jdbc.queryForList("select code || ',' || cour_appel_code from departement", String.class))
                .containsExactlyInAnyOrderElementsOf(lines("reference/departement-cour-appel.csv"));
    }

    @Test
    void listsThe36CoursDAppelAndThe171TribunauxJudiciaires() throws IOException {
        assertThat(getJson("/api/jurisdictions", 200)).hasSize(207);
        assertThat(getJson("/api/jurisdictions?type=COUR_APPEL", 200)).hasSize(36);
        assertThat(getJson("/api/jurisdictions?type=TRIBUNAL_JUDICIAIRE", 200)).hasSize(171);
    }

    @ParameterizedTest
    @CsvSource({
            "75, 1, TJ75101, CA_PARIS",
            "988, 2, TJ98818, CA_NOUMEA",
            "59, 6, TJ59178, CA_DOUAI",
            "2a, 1, TJ2A004, CA_BASTIA",
            "974, 2, TJ97411, CA_ST_DENIS_REUNION",
    })
    void filtersTribunauxByDepartement(String departement, int count, String oneCode, String courAppel) throws IOException {
        JsonNode found = getJson("/api/jurisdictions?type=TRIBUNAL_JUDICIAIRE&departement=" + departement, 200);
        assertThat(found).hasSize(count);
        assertThat(found.findValuesAsText("code")).contains(oneCode);
        assertThat(found.findValuesAsText("courAppel")).containsOnly(courAppel);
    }

    @Test
    void answersOneJurisdictionWithTheContractsFields() throws IOException {
        JsonNode paris = getJson("/api/jurisdictions/TJ75101", 200);
        assertThat(paris.get("code").asText()).isEqualTo("TJ75101");
        assertThat(paris.get("type").asText()).isEqualTo("TRIBUNAL_JUDICIAIRE");
        assertThat(paris.get("name").asText()).isEqualTo("Tribunal judiciaire de Paris");
        assertThat(paris.get("departement").asText()).isEqualTo("75");
        assertThat(paris.get("courAppel").asText()).isEqualTo("CA_PARIS");
    }

    @Test
    void anUnknownCodeIsAFrench404Problem() throws IOException {
        JsonNode problem = getJson("/api/jurisdictions/TJ00000", 404);
        assertThat(problem.get("code").asText()).isEqualTo("JURISDICTION_NOT_FOUND");
        assertThat(problem.get("detail").asText()).contains("TJ00000");
    }

    @ParameterizedTest
    @CsvSource({
            "type=TRIBUNAL, type, INVALID_VALUE",
            "departement=7X, departement, INVALID_FORMAT",
            "departement=123456, departement, INVALID_FORMAT",
    })
    void badCriteriaAreRefusedFieldByField(String query, String field, String code) throws IOException {
        var response = http.get("/api/jurisdictions?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            List<String> all = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"));
            return all.subList(1, all.size()).stream().filter(line -> !line.isBlank()).toList();
        }
    }
}
