package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** A line that repeats one the structure already sent is flagged to the provider before sending, and to the clerk. */
@IntegrationTest
class DuplicateBillingTest {

    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired MemoireTaskData taskData;
    @Autowired Providers providers;
    @LocalServerPort int port;

    @Test
    void aRepeatedLineIsShownToTheProviderThenToTheClerk() throws IOException {
        SentMemoires structure = SentMemoires.forNewStructure(context, port);
        String first = structure.tariffed();
        MemoireLine.Entry other = SentMemoires.translation(SentMemoires.SMALL_TARIFFED.serviceDate(), "7");
        String draft = structure.draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(other, SentMemoires.SMALL_TARIFFED));

        JsonNode repeats = repeatedLines(draft, structure.ready().manager(), 200);
        assertThat(repeats).hasSize(1);
        assertThat(repeats.get(0).get("position").asInt()).isEqualTo(2);
        assertThat(repeats.get(0).get("otherNumber").asText()).isEqualTo(first);
        assertThat(repeats.get(0).get("otherPosition").asInt()).isEqualTo(1);

        String second = structure.send(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(other, SentMemoires.SMALL_TARIFFED), false);

        assertThat(taskData.of(second).repeatedLines()).startsWith("OUI : la ligne 2 répète la ligne 1 du mémoire " + first)
                .contains("même n° d'affaire, prestation, dates et montants");
        assertThat(taskData.of(first).repeatedLines()).as("the first one repeats the second now sent")
                .startsWith("OUI : la ligne 1 répète la ligne 2 du mémoire " + second);
    }

    @Test
    void anotherStructuresLineOrAnotherAmountIsNoRepeat() throws IOException {
        SentMemoires.forNewStructure(context, port).tariffed();
        SentMemoires structure = SentMemoires.forNewStructure(context, port);
        String draft = structure.draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));
        structure.send(ProviderCategory.INTERPRETE_TRADUCTEUR,
                List.of(SentMemoires.translation(SentMemoires.SMALL_TARIFFED.serviceDate(), "5")), false);

        assertThat(repeatedLines(draft, structure.ready().manager(), 200)).isEmpty();
        assertThat(taskData.of(structure.tariffed()).repeatedLines()).isEqualTo("Non");
    }

    @Test
    void anotherProviderIsToldTheMemoireDoesNotExist() throws IOException {
        SentMemoires structure = SentMemoires.forNewStructure(context, port);
        String draft = structure.draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));

        repeatedLines(draft, providers.withOwnStructure(), 404);
    }

    private JsonNode repeatedLines(String number, Providers.Provider who, int status) throws IOException {
        Http http = new Http(port);
        HttpResponse<String> answer = http.send(http.request("/api/memoires/" + number + "/repeated-lines")
                .header("Authorization", who.basic()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return json.readTree(answer.body());
    }
}
