package fr.fraisdejustice.security;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import fr.fraisdejustice.shared.StaffGroups;

/**
 * Staff (Camunda users) on the staff endpoints, over HTTP Basic or their Tasklist session: every one gets ROLE_STAFF (what each may read is then
 * decided by his groups), members of camunda-admin ROLE_ADMIN, members of support ROLE_SUPPORT,
 * members of analyste ROLE_ANALYSTE, members of metriques ROLE_METRICS (the Prometheus scrape).
 */
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    StaffAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (!identity.checkPassword(user, password)) {
            throw new BadCredentialsException("Identifiant ou mot de passe incorrect");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, rolesOf(user));
    }

    List<SimpleGrantedAuthority> rolesOf(String user) {
        return Stream.concat(Stream.of("ROLE_STAFF"),
                        identity.createGroupQuery().groupMember(user).list().stream()
                                .map(Group::getId)
                                .map(group -> switch (group) {
                                    case Groups.CAMUNDA_ADMIN -> "ROLE_ADMIN";
                                    case StaffGroups.SUPPORT -> "ROLE_SUPPORT";
                                    case StaffGroups.ANALYSTE -> "ROLE_ANALYSTE";
                                    case StaffGroups.METRIQUES -> "ROLE_METRICS";
                                    default -> null;
                                })
                                .filter(Objects::nonNull))
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
