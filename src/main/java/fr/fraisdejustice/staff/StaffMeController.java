package fr.fraisdejustice.staff;

import java.security.Principal;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.security.StaffCsrfToken;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who the staff member is, for our staff pages (e.g. /analyse): his name, his groups, and the CSRF token his changes
 * must echo when they ride on his webapp session.
 */
@RestController
class StaffMeController {

    record StaffMe(String id, String firstName, String lastName, List<String> groups, String csrfToken) {
    }

    private final IdentityService identity;

    StaffMeController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping("/api/staff/me")
    StaffMe me(Principal principal, HttpServletRequest request) {
        User user = identity.createUserQuery().userId(principal.getName()).singleResult();
        List<String> groups = identity.createGroupQuery().groupMember(principal.getName()).orderByGroupId().asc().list()
                .stream().map(Group::getId).toList();
        var session = request.getSession(false);
        return new StaffMe(principal.getName(), user == null ? null : user.getFirstName(),
                user == null ? null : user.getLastName(), groups, session == null ? null : StaffCsrfToken.of(session));
    }
}
