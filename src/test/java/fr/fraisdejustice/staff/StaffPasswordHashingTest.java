package fr.fraisdejustice.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
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
 * Staff passwords are stored as PBKDF2 by the engine's password encryptor; a hash of Camunda's former default (SHA-512)
 * still logs in and is replaced by PBKDF2 at that login. The test profile hashes with 1 000 iterations.
 */
@IntegrationTest
class StaffPasswordHashingTest {

    static final String PASSWORD = "Greffe-Test-2026";
    static final String PBKDF2 = "{PBKDF2-SHA256}1000$";

    @Autowired
    IdentityService identity;

    @Autowired
    ProcessEngineConfiguration configuration;

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
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        staff.deleteAll();
    }

    @Test
    void aNewUsersPasswordIsStoredAsPbkdf2() {
        String id = staff.create("test.hash", PASSWORD);

        assertThat(staff.row(id).password()).startsWith(PBKDF2).hasSizeGreaterThan(PBKDF2.length() + 60);
        assertThat(identity.checkPassword(id, PASSWORD)).isTrue();
        assertThat(identity.checkPassword(id, PASSWORD + "x")).isFalse();
    }

    @Test
    void aUserWithAFormerSha512HashLogsInOverEngineRestAndIsRehashedToPbkdf2() {
        String id = staff.create("test.sha512", PASSWORD);
        staff.storeFormerSha512Hash(id, PASSWORD);
        String formerSalt = staff.row(id).salt();
        assertThat(staff.row(id).password()).startsWith("{SHA-512}");

        assertThat(engineRest(id, PASSWORD)).isEqualTo(200);

        TestStaffMembers.Row rehashed = staff.row(id);
        assertThat(rehashed.password()).startsWith(PBKDF2);
        assertThat(rehashed.salt()).isNotEqualTo(formerSalt);
        assertThat(engineRest(id, PASSWORD)).isEqualTo(200);
        assertThat(staff.row(id).password()).isEqualTo(rehashed.password());
    }

    @Test
    void aUserWithAFormerSha512HashLogsInOnTheStaffApiAndIsRehashedToPbkdf2() {
        String id = staff.create("test.sha512", PASSWORD);
        staff.storeFormerSha512Hash(id, PASSWORD);

        var response = http.send(http.request("/api/staff/memoires/MJ0000000001/attachments/" + UUID.randomUUID())
                .header("Authorization", Http.basic(id, PASSWORD)));

        assertThat(response.statusCode()).as("logged in: no such mémoire, not 401").isEqualTo(404);
        assertThat(staff.row(id).password()).startsWith(PBKDF2);
    }

    @Test
    void aWrongPasswordRehashesNothing() {
        String id = staff.create("test.sha512", PASSWORD);
        staff.storeFormerSha512Hash(id, PASSWORD);
        String former = staff.row(id).password();

        assertThat(engineRest(id, "Greffe-Test-2025")).isEqualTo(401);

        assertThat(staff.row(id).password()).isEqualTo(former);
    }

    @Test
    void aLoginAfterFailedAttemptsRehashesAndClearsTheAttempts() {
        String id = staff.create("test.sha512", PASSWORD);
        staff.storeFormerSha512Hash(id, PASSWORD);
        assertThat(identity.checkPassword(id, "Greffe-Test-2025")).isFalse();
        assertThat(staff.row(id).attempts()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(4));

        assertThat(identity.checkPassword(id, PASSWORD)).isTrue();

        TestStaffMembers.Row row = staff.row(id);
        assertThat(row.password()).startsWith(PBKDF2);
        assertThat(row.attempts()).isZero();
        assertThat(row.lockExpiration()).isNull();
        assertThat(identity.checkPassword(id, PASSWORD)).isTrue();
    }

    @Test
    void aHashWithFewerIterationsThanTheSettingIsRehashedAtLogin() {
        String id = staff.create("test.iterations", PASSWORD);
        staff.storeHash(id, Pbkdf2PasswordEncryptor.PREFIX
                + new Pbkdf2PasswordEncryptor(500).encrypt(PASSWORD + staff.row(id).salt()));
        assertThat(staff.row(id).password()).startsWith("{PBKDF2-SHA256}500$");

        assertThat(identity.checkPassword(id, PASSWORD)).isTrue();

        assertThat(staff.row(id).password()).startsWith(PBKDF2);
    }

    @Test
    void aLoginWhoseRehashLosesToAConcurrentChangeStillSucceeds() {
        String id = staff.create("test.concurrent", PASSWORD);
        staff.storeFormerSha512Hash(id, PASSWORD);
        String former = staff.row(id).password();

        // the row changes (another login, an administrator) between this login's read and its write
        Command<Boolean> login = context -> {
            boolean accepted = context.getReadOnlyIdentityProvider().checkPassword(id, PASSWORD);
            jdbc.update("update act_id_user set rev_ = rev_ + 1 where id_ = ?", id);
            return accepted;
        };
        boolean accepted = ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(login);

        assertThat(accepted).isTrue();
        assertThat(staff.row(id).password()).isEqualTo(former);
        assertThat(identity.checkPassword(id, PASSWORD)).isTrue();
        assertThat(staff.row(id).password()).startsWith(PBKDF2);
    }

    private int engineRest(String user, String password) {
        return http.send(http.request("/engine-rest/task?maxResults=1")
                .header("Authorization", Http.basic(user, password))).statusCode();
    }
}
