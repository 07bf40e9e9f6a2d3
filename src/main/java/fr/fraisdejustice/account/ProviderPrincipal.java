package fr.fraisdejustice.account;

import java.io.Serializable;
import java.util.UUID;

/** Who a provider request is from, once authenticated (kept in the session for the portal). */
public record ProviderPrincipal(UUID accountId, String loginEmail) implements Serializable {
}
