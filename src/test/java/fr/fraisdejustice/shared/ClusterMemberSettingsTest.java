package fr.fraisdejustice.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** A cluster member never starts on an embedded default: each missing setting is named. */
class ClusterMemberSettingsTest {

    final ClusterMemberSettings settings = new ClusterMemberSettings();

    @Test
    void aMemberWithoutItsSettingsIsRefusedWithEachSettingNamed() {
        MockEnvironment environment = new MockEnvironment().withProperty("fdj.cluster.member", "true")
                .withProperty("fdj.rate-limits.shared", "false");

        MissingSettingsException refused = catchThrowableOfType(MissingSettingsException.class,
                () -> settings.postProcessEnvironment(environment, new SpringApplication()));

        assertThat(refused.problems()).hasSize(4);
        assertThat(refused.problems().get(0)).startsWith(
                "SPRING_DATASOURCE_URL (spring.datasource.url) est obligatoire pour un membre de grappe "
                        + "(FDJ_CLUSTER_MEMBER=true)");
        assertThat(refused.problems().get(1)).startsWith("SPRING_MAIL_HOST (spring.mail.host) est obligatoire");
        assertThat(refused.problems().get(2)).startsWith("FDJ_PUBLIC_URL (fdj.public-url) est obligatoire");
        assertThat(refused.problems().get(3)).startsWith("FDJ_RATELIMITS_SHARED (fdj.rate-limits.shared) doit valoir true");
    }

    @Test
    void aMemberWithEveryRealPartStarts() {
        MockEnvironment environment = new MockEnvironment().withProperty("fdj.cluster.member", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.fr:5432/fdj")
                .withProperty("spring.mail.host", "smtp.example.fr")
                .withProperty("fdj.public-url", "https://frais-de-justice.example.fr");

        assertThatCode(() -> settings.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void aSingleNodeKeepsItsEmbeddedDefaults() {
        assertThatCode(() -> settings.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .doesNotThrowAnyException();
    }
}
