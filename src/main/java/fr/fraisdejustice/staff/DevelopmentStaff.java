package fr.fraisdejustice.staff;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.database.EmbeddedPostgresEnvironment;
import fr.fraisdejustice.shared.StaffGroups;

/**
 * The people a newcomer logs in as, on the embedded database only: never in the {@code prod} profile, never seeded into an
 * external database. Their logins and passwords are listed in README.md.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = EmbeddedPostgresEnvironment.ACTIVE, havingValue = "true")
public class DevelopmentStaff {

    /** A seeded staff member: Camunda user id, names, password and groups. */
    public record Member(String id, String firstName, String lastName, String password, List<String> groups) {
    }

    public static final List<Member> MEMBERS = List.of(
            new Member("camille.martin", "Camille", "Martin", "Greffe-Paris-2026", List.of(StaffGroups.greffe("TJ75101"))),
            new Member("julien.bernard", "Julien", "Bernard", "Parquet-Paris-2026", List.of(StaffGroups.parquet("TJ75101"))),
            new Member("sophie.dubois", "Sophie", "Dubois", "Taxe-Paris-2026", List.of(StaffGroups.magistrat("TJ75101"))),
            new Member("nicolas.thomas", "Nicolas", "Thomas", "Sar-Paris-2026", List.of(StaffGroups.sar("CA_PARIS"))),
            new Member("amelie.robert", "Amélie", "Robert", "Greffe-Lyon-2026", List.of(StaffGroups.greffe("TJ69383"))),
            new Member("karim.haddad", "Karim", "Haddad", "Sar-Lyon-2026", List.of(StaffGroups.sar("CA_LYON"))),
            new Member("isabelle.richard", "Isabelle", "Richard", "Comptable-2026", List.of(StaffGroups.COMPTABLE)),
            new Member("thomas.petit", "Thomas", "Petit", "Support-2026", List.of(StaffGroups.SUPPORT)),
            new Member("claire.durand", "Claire", "Durand", "Analyste-2026", List.of(StaffGroups.ANALYSTE)),
            new Member("marc.leroy", "Marc", "Leroy", "Admin-FDJ-2026", List.of(Groups.CAMUNDA_ADMIN)));

    private final IdentityService identity;

    DevelopmentStaff(IdentityService identity) {
        this.identity = identity;
    }

    public void ensureMembers() {
        for (Member member : MEMBERS) {
            if (identity.createUserQuery().userId(member.id()).count() == 0) {
                User user = identity.newUser(member.id());
                user.setFirstName(member.firstName());
                user.setLastName(member.lastName());
                user.setEmail(member.id() + "@justice.example.fr");
                user.setPassword(member.password());
                identity.saveUser(user);
            }
            for (String group : member.groups()) {
                if (identity.createUserQuery().userId(member.id()).memberOfGroup(group).count() == 0) {
                    identity.createMembership(member.id(), group);
                }
            }
        }
    }
}
