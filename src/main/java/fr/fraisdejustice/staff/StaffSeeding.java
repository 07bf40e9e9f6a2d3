package fr.fraisdejustice.staff;

import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up: the staff groups and authorizations everywhere, the development staff on the embedded database, the first
 * administrator from the settings while there is none.
 */
@Component
class StaffSeeding implements ApplicationRunner {

    private final StaffDirectory directory;
    private final FirstAdministrator firstAdministrator;
    private final Optional<DevelopmentStaff> developmentStaff;

    StaffSeeding(StaffDirectory directory, FirstAdministrator firstAdministrator,
                 Optional<DevelopmentStaff> developmentStaff) {
        this.directory = directory;
        this.firstAdministrator = firstAdministrator;
        this.developmentStaff = developmentStaff;
    }

    @Override
    public void run(ApplicationArguments args) {
        directory.ensureGroupsAndAuthorizations();
        developmentStaff.ifPresent(DevelopmentStaff::ensureMembers);
        firstAdministrator.ensure();
    }
}
