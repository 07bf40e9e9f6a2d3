package fr.fraisdejustice.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.TestClock;

/**
 * Failed staff logins lock the account for a delay that doubles from 3 seconds up to 15 minutes, never for good (Camunda
 * locks for good after 10 failures by default); a Camunda administrator can unlock at once.
 */
@IntegrationTest
class StaffLoginLockTest {

    static final String PASSWORD = "Greffe-Test-2026";
    static final String WRONG = "Greffe-Test-2025";

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    Http http;
    TestStaffMembers staff;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        staff = new TestStaffMembers(identity, jdbc);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        staff.deleteAll();
    }

    @Test
    void failedLoginsLockForADelayGrowingUpToFifteenMinutesAndNeverForGood() {
        String id = staff.create("test.lock", PASSWORD);

        List<Long> delays = new ArrayList<>();
        for (int failure = 1; failure <= 11; failure++) {
            Instant now = clock.instant();
            assertThat(identity.checkPassword(id, WRONG)).isFalse();
            Instant lockedUntil = staff.row(id).lockExpiration();
            delays.add(Duration.between(now, lockedUntil).toSeconds());
            if (failure < 11) {
                clock.set(lockedUntil.plusSeconds(1));
            }
        }

        assertThat(delays).containsExactly(3L, 6L, 12L, 24L, 48L, 96L, 192L, 384L, 768L, 900L, 900L);
        assertThat(staff.row(id).attempts()).isEqualTo(11);

        clock.advance(Duration.ofMinutes(14));
        assertThat(identity.checkPassword(id, PASSWORD)).isFalse();
        assertThat(engineRest(id, PASSWORD)).isEqualTo(401);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(engineRest(id, PASSWORD)).isEqualTo(200);
        assertThat(staff.row(id).attempts()).isZero();
        assertThat(staff.row(id).lockExpiration()).isNull();
    }

    @Test
    void failuresDuringTheDelayDoNotLengthenIt() {
        String id = staff.create("test.lock", PASSWORD);
        assertThat(identity.checkPassword(id, WRONG)).isFalse();
        Instant lockedUntil = staff.row(id).lockExpiration();

        assertThat(identity.checkPassword(id, WRONG)).isFalse();
        assertThat(engineRest(id, WRONG)).isEqualTo(401);

        assertThat(staff.row(id).attempts()).isEqualTo(1);
        assertThat(staff.row(id).lockExpiration()).isEqualTo(lockedUntil);
    }

    @Test
    void aCamundaAdministratorUnlocksALockedUser() {
        String id = staff.create("test.unlock", PASSWORD);
        for (int failure = 1; failure <= 10; failure++) {
            assertThat(identity.checkPassword(id, WRONG)).isFalse();
            clock.set(staff.row(id).lockExpiration().plusSeconds(1));
        }
        assertThat(identity.checkPassword(id, WRONG)).isFalse();
        assertThat(identity.checkPassword(id, PASSWORD)).isFalse();

        var unlock = http.send(http.request("/engine-rest/user/" + id + "/unlock")
                .header("Authorization", Http.basic("marc.leroy", "Admin-FDJ-2026"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(unlock.statusCode()).isEqualTo(204);
        assertThat(staff.row(id).attempts()).isZero();
        assertThat(identity.checkPassword(id, PASSWORD)).isTrue();
    }

    private int engineRest(String user, String password) {
        return http.send(http.request("/engine-rest/task?maxResults=1")
                .header("Authorization", Http.basic(user, password))).statusCode();
    }
}
