package fr.fraisdejustice.staff;

import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up: the staff groups and authorizations everywhere, the development staff on the embedded database, the first
 * administrator from the settings while there is none. One node at a time (a PostgreSQL advisory lock held for the
 * transaction): nodes started together on an empty database would each create the groups (a duplicate key stops the
 * start) and each its filters (a filter name twice breaks the next start), where the second now finds them made.
 */
@Component
class StaffSeeding implements ApplicationRunner {

    /** The advisory lock's key: « FDJSTAFF » as a number, the same on every node. */
    private static final long LOCK = 0x4644_4a53_5441_4646L;

    private final StaffDirectory directory;
    private final FirstAdministrator firstAdministrator;
    private final Optional<DevelopmentStaff> developmentStaff;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    StaffSeeding(StaffDirectory directory, FirstAdministrator firstAdministrator,
                 Optional<DevelopmentStaff> developmentStaff, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.directory = directory;
        this.firstAdministrator = firstAdministrator;
        this.developmentStaff = developmentStaff;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
            directory.ensureGroupsAndAuthorizations();
            developmentStaff.ifPresent(DevelopmentStaff::ensureMembers);
            firstAdministrator.ensure();
        });
    }
}
