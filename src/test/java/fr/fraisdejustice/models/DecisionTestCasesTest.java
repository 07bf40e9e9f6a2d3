package fr.fraisdejustice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decision test case of {@code dmn/tests/} against the repository's tables, one dynamic test per case named by its
 * label; and the runner refuses what it must (an uncovered rule, an unknown column, a broken case).
 */
class DecisionTestCasesTest {

    static final DecisionTestCases runner = new DecisionTestCases();
    static Map<String, byte[]> tables;
    static Map<String, byte[]> testCases;

    @BeforeAll
    static void read() throws IOException {
        tables = folder("dmn", ".dmn", "dmn/");
        testCases = folder("dmn/tests", ".csv", DecisionTestCases.FOLDER);
    }

    @TestFactory
    Stream<DynamicContainer> everyCaseOfEveryFile() {
        var report = runner.run(tables, testCases);
        return testCases.keySet().stream().map(file -> DynamicContainer.dynamicContainer(file, Stream.concat(
                report.cases().stream().filter(result -> result.testCase().file().equals(file))
                        .map(result -> DynamicTest.dynamicTest(result.testCase().label(),
                                () -> assertThat(result.failure()).as(result.testCase().label()).isNull())),
                Stream.of(DynamicTest.dynamicTest("chaque règle couverte, chaque colonne connue",
                        () -> assertThat(report.problems()).filteredOn(p -> p.resource().equals(file)).isEmpty())))));
    }

    @Test
    void everyDecisionOfEveryTableHasItsTestCases() {
        assertThat(DecisionTestCases.decisionsWithoutCases(tables, testCases.keySet())).isEmpty();
        assertThat(testCases).containsOnlyKeys("dmn/tests/memoire-routing.csv", "dmn/tests/memoire-track.csv",
                "dmn/tests/certifying-office.csv", "dmn/tests/control-level.csv", "dmn/tests/tariffs.csv",
                "dmn/tests/memoire-prerequisites.csv", "dmn/tests/ticket-routing.csv", "dmn/tests/correction-rule.csv");
    }

    @Test
    void aRuleThatNoCaseHitsFails() {
        var report = runner.run(tables, Map.of("dmn/tests/memoire-track.csv", csv("""
                cas;late;allTariffed;amountInclVat;→ track
                tardif;true;false;100;TAXATION
                """)));
        assertThat(report.problems()).extracting(DecisionTestCases.Problem::detail)
                .anyMatch(d -> d.contains("Rule_Tariffed") && d.contains("n'est couverte par aucun cas"))
                .anyMatch(d -> d.contains("Rule_LargeUntariffed"))
                .noneMatch(d -> d.contains("Rule_Late"));
    }

    @Test
    void anUnknownInputOrOutputColumnFails() {
        var report = runner.run(tables, Map.of("dmn/tests/control-level.csv", csv("""
                cas;amount;→ level
                petit;100;FORMAL
                """)));
        assertThat(report.problems()).extracting(DecisionTestCases.Problem::detail)
                .anyMatch(d -> d.contains("« amount » ne nomme aucune entrée"))
                .anyMatch(d -> d.contains("« → level » ne nomme aucune sortie"));
    }

    @Test
    void aCaseTheTableAnswersDifferentlyFailsWithBothValues() {
        var report = runner.run(tables, Map.of("dmn/tests/control-level.csv", csv("""
                cas;amountInclVat;→ controlLevel
                petit;100;THOROUGH
                gros;1000;THOROUGH
                """)));
        assertThat(report.cases()).extracting(DecisionTestCases.CaseResult::passed).containsExactly(false, true);
        assertThat(report.problems()).extracting(DecisionTestCases.Problem::detail)
                .contains("cas « petit » (ligne 2) : controlLevel attendu « THOROUGH », obtenu « FORMAL »");
    }

    @Test
    void aChangedTableBreaksTheShippedCases() {
        String lowered = new String(tables.get("dmn/memoire-routing.dmn"), StandardCharsets.UTF_8)
                .replace("&lt; 1500", "&lt; 1200").replace("&gt;= 1500", "&gt;= 1200");
        var report = runner.run(Map.of("dmn/memoire-routing.dmn", lowered.getBytes(StandardCharsets.UTF_8)),
                Map.of("dmn/tests/memoire-routing.csv", testCases.get("dmn/tests/memoire-routing.csv")));
        assertThat(report.problems()).extracting(DecisionTestCases.Problem::detail)
                .containsExactly("cas « TJ de Paris, 1 300 € non tarifé » (ligne 7) : track attendu « CERTIFICATION », "
                        + "obtenu « TAXATION »");
    }

    @Test
    void aFileForAnUnknownDecisionOrWithoutLabelsIsRefused() {
        var report = runner.run(tables, Map.of(
                "dmn/tests/nowhere.csv", csv("cas;x;→ y\nun;1;2\n"),
                "dmn/tests/control-level.csv", csv("libellé;amountInclVat;→ controlLevel\nun;1;FORMAL\n")));
        assertThat(report.problems()).extracting(DecisionTestCases.Problem::detail)
                .anyMatch(d -> d.contains("aucune table ne contient la décision « nowhere »"))
                .anyMatch(d -> d.contains("pas de colonne « cas »"));
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> folder(String dir, String ending, String prefix) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(Path.of(dir))) {
            for (Path path : paths.filter(p -> p.toString().endsWith(ending)).toList()) {
                files.put(prefix + path.getFileName(), Files.readAllBytes(path));
            }
        }
        return files;
    }
}
