package fr.fraisdejustice.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The identifier rules of DOMAIN.md, case by case. */
class StructureIdentifiersTest {

    @ParameterizedTest(name = "SIRET {0}: {1}")
    @CsvSource({
            "73282932000074, true,  Luhn",
            "73282932000079, false, wrong check digit",
            "35600000049837, true,  La Poste: digits add up to 45",
            "35600000049838, false, La Poste: digits add up to 46",
            "35600000000048, true,  La Poste head office: Luhn",
            "35600000000049, false, La Poste head office with a wrong Luhn key",
            "7328293200007,  false, 13 digits",
            "732829320000744, false, 15 digits",
            "7328293200007A, false, a letter",
    })
    void siret(String siret, boolean valid, String why) {
        assertThat(StructureIdentifiers.conforms(IdentifierType.SIRET, siret)).as(why).isEqualTo(valid);
    }

    @ParameterizedTest(name = "PARTICULIER {0}: {1}")
    @CsvSource({
            "1850375056,  true,  man born in March 1985 in Paris 6e",
            "2921213055,  true,  woman born in December 1992 in Marseille",
            "1780899135,  true,  born abroad (99135)",
            "2802A00400,  false, Corsica needs 2A then three digits after the month",
            "185032A004,  true,  Corsica (Ajaccio)",
            "185032B033,  true,  Corsica (Bastia)",
            "3850375056,  false, sex is 1 or 2",
            "1851375056,  false, month 13",
            "1850075056,  false, month 00",
            "185037505,   false, 9 characters",
            "18503750561, false, 11 characters",
            "18503A5056,  false, a letter outside Corsica",
    })
    void particulier(String identifier, boolean valid, String why) {
        assertThat(StructureIdentifiers.conforms(IdentifierType.PARTICULIER, identifier)).as(why).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "UE_HORS_FRANCE, DE123456789,   true",
            "HORS_UE,        CHE-123.456.789, true",
            "RIDET,          1234567.001,   true",
            "TAHITI,         A12345,        true",
            "AUTRE,          EN COURS 2026, true",
            "AUTRE,          '<script>',    false",
            "HORS_UE,        12345678901234567890123456789012345678901, false",
    })
    void otherIdentifiers(IdentifierType type, String identifier, boolean valid) {
        assertThat(StructureIdentifiers.conforms(type, identifier)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"SIRET, ' 732 829 320 00074 ', 73282932000074", "PARTICULIER, 18503 2a004, 185032A004"})
    void spacesTypedInsideAnIdentifierAreIgnored(IdentifierType type, String typed, String stored) {
        assertThat(StructureIdentifiers.normalize(type, typed)).isEqualTo(stored);
    }
}
