package fr.fraisdejustice.security;

import org.springframework.security.authentication.AuthenticationProvider;

/**
 * How a provider proves who he is (login e-mail and password), implemented by the account feature: the security
 * configuration uses it without knowing accounts.
 */
public interface ProviderAuthentication extends AuthenticationProvider {
}
