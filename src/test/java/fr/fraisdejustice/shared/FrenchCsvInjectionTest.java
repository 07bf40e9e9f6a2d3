package fr.fraisdejustice.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A text cell a spreadsheet would run as a formula is neutralised; amounts stay numbers. */
class FrenchCsvInjectionTest {

    @ParameterizedTest(name = "« {0} » → « {1} »")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://evil\")|'=HYPERLINK(\"http://evil\")",
            "+33 1 23 45 67 89|'+33 1 23 45 67 89",
            "-2+3|'-2+3",
            "@SUM(A1:A2)|'@SUM(A1:A2)",
            "Cabinet Dupont|Cabinet Dupont",
            "Expert = juge|Expert = juge",
            "MJ2026000001|MJ2026000001",
    })
    void aTextCellThatLooksLikeAFormulaGetsALeadingQuote(String cell, String written) {
        assertThat(FrenchCsv.text(cell)).isEqualTo(written);
    }

    @Test
    void tabsAndCarriageReturnsAtTheStartAreNeutralisedToo() {
        assertThat(FrenchCsv.text("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(FrenchCsv.text("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(FrenchCsv.text(null)).isEmpty();
        assertThat(FrenchCsv.text("")).isEmpty();
    }

    @Test
    void aRecordNeutralisesItsTextCellsAndLeavesItsAmountsNegativeOnesIncluded() throws IOException {
        StringWriter out = new StringWriter();
        FrenchCsv.Printer csv = FrenchCsv.open(out, "Structure", "Montant", "Écart");
        csv.printRecord("=cmd|' /C calc'!A0", FrenchCsv.amount(new BigDecimal("1234.5")),
                FrenchCsv.amount(new BigDecimal("-12.30")));
        csv.flush();

        assertThat(out.toString()).isEqualTo("\uFEFFStructure;Montant;Écart\r\n'=cmd|' /C calc'!A0;1234,50;-12,30\r\n");
    }
}
