package fr.fraisdejustice.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.FrenchDates;

/**
 * What each provider account has uploaded, per day (Paris time) and in all: one row per account and day, charged and
 * checked in one statement, so that several nodes and concurrent requests never let an account past its quota.
 */
@Component
class UploadQuotas {

    /** Why an upload is refused, or null. */
    enum Refusal { UPLOADS_PER_DAY, BYTES_PER_DAY, BYTES_IN_ALL }

    private final JdbcTemplate jdbc;
    private final UploadLimitProperties limits;
    private final Clock clock;

    UploadQuotas(JdbcTemplate jdbc, UploadLimitProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** Charges one upload of this size to the account, unless it would pass a quota. */
    Refusal charge(UUID accountId, long bytes) {
        Long inAll = jdbc.queryForObject("select coalesce(sum(bytes), 0) from upload_usage where account_id = ?",
                Long.class, accountId);
        if (inAll + bytes > limits.bytesPerAccount().toBytes()) {
            return Refusal.BYTES_IN_ALL;
        }
        if (bytes > limits.bytesPerAccountPerDay().toBytes()) {
            return Refusal.BYTES_PER_DAY;
        }
        List<Integer> charged = jdbc.queryForList("""
                insert into upload_usage (account_id, day, uploads, bytes) values (?, ?, 1, ?)
                on conflict (account_id, day) do update
                  set uploads = upload_usage.uploads + 1, bytes = upload_usage.bytes + excluded.bytes
                  where upload_usage.uploads < ? and upload_usage.bytes + excluded.bytes <= ?
                returning uploads""", Integer.class, accountId, today(), bytes,
                limits.uploadsPerAccountPerDay(), limits.bytesPerAccountPerDay().toBytes());
        if (!charged.isEmpty()) {
            return null;
        }
        Integer uploads = jdbc.queryForObject("select uploads from upload_usage where account_id = ? and day = ?",
                Integer.class, accountId, today());
        return uploads != null && uploads >= limits.uploadsPerAccountPerDay() ? Refusal.UPLOADS_PER_DAY : Refusal.BYTES_PER_DAY;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(FrenchDates.PARIS));
    }
}
