package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The amounts of one line, as DOMAIN.md defines them: HT = quantité × tarif; TTC = (HT + frais divers) × (1 + taux) +
 * débours; each rounded half-up to the cent on the line (TVA = TTC − HT − frais divers − débours, so the three always
 * add up). Exact decimals only.
 */
record LineAmounts(BigDecimal exclVat, BigDecimal vat, BigDecimal inclVat) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static LineAmounts of(BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRatePercent, BigDecimal sundryCosts,
                          BigDecimal disbursements) {
        BigDecimal exclVat = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        BigDecimal taxable = exclVat.add(sundryCosts);
        BigDecimal rate = vatRatePercent.divide(HUNDRED);
        BigDecimal inclVat = taxable.multiply(BigDecimal.ONE.add(rate)).add(disbursements).setScale(2, RoundingMode.HALF_UP);
        BigDecimal vat = inclVat.subtract(taxable).subtract(disbursements);
        return new LineAmounts(exclVat, vat, inclVat);
    }
}
