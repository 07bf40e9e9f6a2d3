package fr.fraisdejustice.drills;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The drills' books, read straight from the database after the fact: what was saved, and whether wholly. */
record Ledger(String jdbcUrl) {

    static final String DUE_JOBS = "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())";

    long dueJobs() {
        return count(DUE_JOBS);
    }

    long failedJobs() {
        return count("select count(*) from act_ru_job where retries_ = 0");
    }

    long drafts() {
        return count("select count(*) from memoire where status = 'BROUILLON'");
    }

    long sent() {
        return count("select count(*) from memoire where mj_number is not null");
    }

    long duplicateNumbers() {
        return count("select count(*) from (select mj_number from memoire where mj_number is not null "
                + "group by mj_number having count(*) > 1) d");
    }

    long duplicateProcesses() {
        return count("select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ = "
                + "'memoire-lifecycle' group by business_key_ having count(*) > 1) d");
    }

    /** An MJ number without its certificate or its process, or a process without its mémoire. */
    long halfSaved() {
        return count("select count(*) from memoire m where m.mj_number is not null and (m.fingerprint is null or "
                + "not exists (select 1 from act_hi_procinst h where h.business_key_ = m.mj_number "
                + "and h.proc_def_key_ = 'memoire-lifecycle'))")
                + count("select count(*) from act_hi_procinst h where h.proc_def_key_ = 'memoire-lifecycle' "
                + "and not exists (select 1 from memoire m where m.mj_number = h.business_key_)");
    }

    /** Sent mémoires whose save point after the submission (the routing) has not run yet. */
    long unrouted() {
        return count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where d.act_id_ = 'Task_RouteMemoire'");
    }

    boolean saved(String mj) {
        return count("select count(*) from memoire where mj_number = '" + mj.replaceAll("[^A-Z0-9]", "") + "'") == 1;
    }

    String fingerprint(String mj) {
        return text("select fingerprint from memoire where mj_number = '" + mj.replaceAll("[^A-Z0-9]", "") + "'");
    }

    long count(String sql) {
        return Long.parseLong(text(sql));
    }

    String text(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
