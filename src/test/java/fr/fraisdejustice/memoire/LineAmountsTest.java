package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md's line amounts, exact and rounded half-up to the cent per line. */
class LineAmountsTest {

    @ParameterizedTest(name = "{0} × {1} at {2} % + {3} frais + {4} débours → HT {5}, TVA {6}, TTC {7}")
    @CsvSource({
            "1,     42.00, 20,  0,     0,     42.00, 8.40,  50.40",
            "3,     30.00, 20,  0,     0,     90.00, 18.00, 108.00",
            "2.5,   25.00, 0,   0,     0,     62.50, 0.00,  62.50",
            "1,     38.50, 5.5, 0,     0,     38.50, 2.12,  40.62",
            "1,     10.05, 5.5, 0,     0,     10.05, 0.55,  10.60",
            "1.333, 3.00,  10,  0,     0,     4.00,  0.40,  4.40",
            "1,     100.00, 20, 12.50, 0,     100.00, 22.50, 135.00",
            "1,     100.00, 20, 0,     7.35,  100.00, 20.00, 127.35",
            "1,     111.00, 20, 5.00,  14.90, 111.00, 23.20, 154.10",
            "0.005, 1.00,  0,   0,     0,     0.01,  0.00,  0.01",
    })
    void amountsOfALine(String quantity, String price, String rate, String sundry, String disbursements,
                        String exclVat, String vat, String inclVat) {
        LineAmounts amounts = LineAmounts.of(new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(rate),
                new BigDecimal(sundry), new BigDecimal(disbursements));

        assertThat(amounts.exclVat()).isEqualByComparingTo(exclVat).hasScaleOf(2);
        assertThat(amounts.vat()).isEqualByComparingTo(vat);
        assertThat(amounts.inclVat()).isEqualByComparingTo(inclVat).hasScaleOf(2);
    }
}
