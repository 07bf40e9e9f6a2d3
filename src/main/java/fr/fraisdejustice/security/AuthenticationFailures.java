package fr.fraisdejustice.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Failed logins raised inside controllers (the portal's login, the forgotten-password answers). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthenticationFailures {

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> failed(AuthenticationException e) {
        return AuthenticationProblems.response(e);
    }
}
