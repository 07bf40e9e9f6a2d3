package fr.fraisdejustice.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/** Throw-away Camunda users for the staff password tests, and their {@code ACT_ID_USER} row as the engine wrote it. */
class TestStaffMembers {

    /** The password columns of a user's row. */
    record Row(String password, String salt, int attempts, Instant lockExpiration) {
    }

    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final List<String> created = new ArrayList<>();

    TestStaffMembers(IdentityService identity, JdbcTemplate jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /** A new user with this password, under a unique id starting with {@code prefix}. */
    String create(String prefix, String password) {
        String id = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName(prefix);
        user.setPassword(password);
        identity.saveUser(user);
        created.add(id);
        return id;
    }

    Row row(String id) {
        return jdbc.queryForObject("select pwd_, salt_, attempts_, lock_exp_time_ from act_id_user where id_ = ?",
                (rs, n) -> {
                    Timestamp lock = rs.getTimestamp("lock_exp_time_");
                    return new Row(rs.getString("pwd_"), rs.getString("salt_"), rs.getInt("attempts_"),
                            lock == null ? null : lock.toInstant());
                }, id);
    }

    /** Stores the hash Camunda 7's default encryptor wrote: {@code {SHA-512}base64(sha512(password + salt))}. */
    void storeFormerSha512Hash(String id, String password) {
        storeHash(id, "{SHA-512}" + sha512(password + row(id).salt()));
    }

    void storeHash(String id, String hash) {
        jdbc.update("update act_id_user set pwd_ = ? where id_ = ?", hash, id);
    }

    void deleteAll() {
        created.forEach(identity::deleteUser);
        created.clear();
    }

    private static String sha512(String saltedPassword) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512")
                    .digest(saltedPassword.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
