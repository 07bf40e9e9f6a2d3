package fr.fraisdejustice.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/**
 * Who a provider request is from, once authenticated (kept in the session for the portal). Its name is the account id,
 * under which the account's sessions are indexed, so that they can be ended together.
 */
public record ProviderPrincipal(UUID accountId, String loginEmail) implements Principal, Serializable {

    @Override
    public String getName() {
        return accountId.toString();
    }
}
