package fr.fraisdejustice.bulkupload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * Whatever fails inside a dépôt flux ends as report lines and a final status, never as an upload stuck « en cours »;
 * and no file nests deeper than the format does.
 */
@IntegrationTest
class BulkUploadFailuresTest {

    private static final String FLUX = """
            <depotFlux xmlns="http://fraisdejustice.fr/depot-flux/1">
              <memoire reference="premier"><referenceText>R92</referenceText></memoire>
              <memoire reference="fautif"><referenceText>R92</referenceText></memoire>
              <memoire reference="dernier"><referenceText>R92</referenceText></memoire>
            </depotFlux>""";

    @Autowired BulkUploadRepository repository;
    @Autowired RuntimeService runtime;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired Providers providers;

    /** Sends every mémoire but the one whose reference names it, where it fails as given. */
    static final class FailingOn extends FluxMemoireSender {
        private final String reference;
        private final RuntimeException runtimeFailure;
        private final Error fatalFailure;

        FailingOn(String reference, RuntimeException runtimeFailure, Error fatalFailure) {
            super(null, null, null);
            this.reference = reference;
            this.runtimeFailure = runtimeFailure;
            this.fatalFailure = fatalFailure;
        }

        @Override
        String send(FluxReader.Node memoire, UUID accountId) {
            String own = memoire.attributes().get("reference");
            if (reference.equals(own)) {
                if (fatalFailure != null) {
                    throw fatalFailure;
                }
                throw runtimeFailure;
            }
            return "MJ-" + own;
        }
    }

    @Test
    void aMemoireFailingOutsideOurRulesIsReportedAndTheOthersAreSent() {
        BulkUpload upload = uploaded();

        uploads(new FailingOn("fautif", new NullPointerException("bug"), null)).process(upload.id());

        BulkUpload done = repository.findById(upload.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(BulkUpload.Status.TERMINE);
        assertThat(done.sent()).isEqualTo(2);
        assertThat(done.refused()).isEqualTo(1);
        assertThat(lines(upload)).containsExactly("1 ENVOYE MJ-premier", "2 REFUSE " + BulkUploads.TECHNICAL_FAILURE,
                "3 ENVOYE MJ-dernier");
    }

    @Test
    void aRunStoppedMidwayEndsWithEveryUnsentMemoireReportedAsNotProcessed() {
        BulkUpload upload = uploaded();

        uploads(new FailingOn("fautif", null, new AssertionError("arrêt"))).process(upload.id());

        BulkUpload done = repository.findById(upload.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(BulkUpload.Status.TERMINE);
        assertThat(done.error()).startsWith("Le traitement s'est interrompu");
        assertThat(lines(upload)).hasSize(3).contains("2 REFUSE " + BulkUploads.NOT_PROCESSED)
                .allMatch(line -> line.contains("ENVOYE") || line.endsWith(BulkUploads.NOT_PROCESSED));
        assertThat(done.processed()).isEqualTo(3);
    }

    @Test
    void aValueHoldingElementsIsRefusedWithItsLineSoNestingStopsAtTheFormatsDepth() {
        String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
        String flux = FLUX.replace("<referenceText>R92</referenceText></memoire>\n  <memoire reference=\"fautif\">",
                "<referenceText>" + deep + "</referenceText></memoire>\n  <memoire reference=\"fautif\">");

        assertThatThrownBy(() -> FluxReader.read(new ByteArrayInputStream(flux.getBytes(StandardCharsets.UTF_8)),
                (position, memoire) -> { }))
                .isInstanceOf(FluxReader.FluxException.class)
                .hasMessage("<referenceText> ne contient qu'une valeur, pas d'élément <a> (voir depot-flux.xsd).")
                .satisfies(e -> assertThat(((FluxReader.FluxException) e).line).isEqualTo(2));
    }

    @Test
    void aLineHoldingElementsInItsValuesIsRefusedToo() {
        String flux = FLUX.replace("<memoire reference=\"dernier\"><referenceText>R92</referenceText>",
                "<memoire reference=\"dernier\"><line><caseNumber><line/></caseNumber></line>");

        assertThatThrownBy(() -> FluxReader.read(new ByteArrayInputStream(flux.getBytes(StandardCharsets.UTF_8)),
                (position, memoire) -> { }))
                .hasMessage("<caseNumber> ne contient qu'une valeur, pas d'élément <line> (voir depot-flux.xsd).");
    }

    private BulkUploads uploads(FluxMemoireSender sender) {
        return new BulkUploads(repository, sender, runtime, transactions, 2, clock);
    }

    private BulkUpload uploaded() {
        UUID account = providers.withOwnStructure().accountId();
        byte[] content = FLUX.getBytes(StandardCharsets.UTF_8);
        return repository.save(new BulkUpload(account, "flux.xml", UUID.randomUUID().toString(), content, clock.instant()));
    }

    private List<String> lines(BulkUpload upload) {
        return repository.items(upload.id()).stream()
                .map(i -> i.getPosition() + " " + i.getStatus() + " " + (i.getMjNumber() != null ? i.getMjNumber() : i.getReasons()))
                .toList();
    }
}
