package fr.fraisdejustice.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.fraisdejustice.shared.PasswordRule;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** Staff passwords follow the providers' rule (12 characters, 3 of the 4 classes), enforced by the engine itself. */
@IntegrationTest
class StaffPasswordPolicyTest {

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    TestStaffMembers staff;

    @BeforeEach
    void setUp() {
        staff = new TestStaffMembers(identity, jdbc);
    }

    @AfterEach
    void cleanUp() {
        staff.deleteAll();
    }

    @Test
    void aWeakPasswordIsRefusedWithTheRuleItBreaks() {
        assertThatThrownBy(() -> staff.create("test.weak", "Court-2026"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Password does not match policy");
        assertThatThrownBy(() -> staff.create("test.weak", "motdepasse2026"))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(identity.createUserQuery().userLastName("test.weak").count()).isZero();

        assertThat(violated("Court-2026")).containsExactly(StaffPasswordPolicy.LENGTH);
        assertThat(violated("motdepasse2026")).containsExactly(StaffPasswordPolicy.CLASSES);
        assertThat(violated("court")).containsExactly(StaffPasswordPolicy.LENGTH, StaffPasswordPolicy.CLASSES);
    }

    @Test
    void aStrongPasswordIsAccepted() {
        String id = staff.create("test.strong", "Greffe-Test-2026");

        assertThat(identity.checkPassword(id, "Greffe-Test-2026")).isTrue();
        assertThat(violated("Mot de passe à retenir")).isEmpty();
    }

    @Test
    void aChangedPasswordIsJudgedToo() {
        String id = staff.create("test.change", "Greffe-Test-2026");
        User user = identity.createUserQuery().userId(id).singleResult();
        user.setPassword("court");

        assertThatThrownBy(() -> identity.saveUser(user)).isInstanceOf(ProcessEngineException.class);
        assertThat(identity.checkPassword(id, "Greffe-Test-2026")).isTrue();
    }

    @Test
    void theEngineAcceptsExactlyThePasswordsTheProvidersRuleAccepts() {
        for (String password : List.of("Greffe-Paris-2026", "Support-2026", "Support2026", "support-2026", "SUPPORT-2026",
                "supportparis", "Élodie-dupont", "élodiedupont", "abcdefghijk1A", "abcdefghij1A", "abcdefghi1A", "",
                "ÉÉÉÉÉÉéééééé", "ÉÉÉÉÉÉÉÉÉÉÉa1")) {
            assertThat(identity.checkPasswordAgainstPolicy(password).isValid()).as(password)
                    .isEqualTo(PasswordRule.problem(password).isEmpty());
        }
    }

    @Test
    void theDevelopmentStaffPasswordsFollowThePolicy() {
        for (DevelopmentStaff.Member member : DevelopmentStaff.MEMBERS) {
            assertThat(violated(member.password())).as(member.id()).isEmpty();
        }
    }

    @Test
    void theEngineRestApiGivesCamundaAdminTheRulesInFrench() {
        Http http = new Http(port);
        var response = http.send(http.request("/engine-rest/identity/password-policy")
                .header("Authorization", Http.basic("marc.leroy", "Admin-FDJ-2026")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Au moins 12 caractères", "Au moins trois de ces quatre sortes");
    }

    private List<String> violated(String password) {
        PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password);
        return result.getViolatedRules().stream().map(PasswordPolicyRule::getPlaceholder).toList();
    }
}
