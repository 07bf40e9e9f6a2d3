package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** The reference lists of the mémoire entry: catégories and their types de prestation, priced by the tariffs table. */
@IntegrationTest
class ServiceTypeApiTest {

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void theTypesOfACategoryComeWithTheirTariffFromTheDecisionTable() throws IOException {
        JsonNode types = json.readTree(new Http(port).get("/api/reference/service-types?category=INTERPRETE_TRADUCTEUR").body());

        assertThat(types.findValuesAsText("code")).containsExactly("TRADUCTION_ECRITE", "INTERPRETARIAT_ORAL");
        assertThat(types.get(0).get("tariffed").asBoolean()).isTrue();
        assertThat(types.get(0).get("unitPriceExclVat").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(types.get(1).get("unitPriceExclVat").decimalValue()).isEqualByComparingTo("42.00");
    }

    @Test
    void anUntariffedTypeHasNoPrice() throws IOException {
        JsonNode types = json.readTree(new Http(port).get("/api/reference/service-types?category=EXPERT").body());

        assertThat(types.get(0).get("tariffed").asBoolean()).isFalse();
        assertThat(types.get(0).has("unitPriceExclVat")).isFalse();
    }

    @Test
    void everyCategoryIsListedWithItsReferenceTextAndAnUnknownOneIsRefused() throws IOException {
        Http http = new Http(port);
        JsonNode categories = json.readTree(http.get("/api/reference/provider-categories").body());
        assertThat(categories.findValuesAsText("referenceText")).contains("R.122", "R.122-1");
        assertThat(json.readTree(http.get("/api/reference/service-types").body())).hasSize(ServiceType.values().length);

        var refused = http.get("/api/reference/service-types?category=ASTROLOGUE");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"category\"");
    }
}
