package fr.fraisdejustice.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/** A request that meets a lost database gets a French 503 to retry; any other failure keeps its 500. */
class DatabaseUnavailableProblemsTest {

    final DatabaseUnavailableProblems problems = new DatabaseUnavailableProblems();

    @Test
    void noConnectionFromThePoolIsA503ToRetry() {
        var answer = problems.unavailable(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(problem.getDetail()).contains("momentanément indisponible", "rien n'a été enregistré");
    }

    @Test
    void anEngineFailureOverABrokenConnectionIsA503() {
        var broken = new ProcessEngineException("could not execute query",
                new SQLException("This connection has been closed.", "08003"));
        assertThat(problems.perhapsUnavailable(broken).getStatusCode().value()).isEqualTo(503);
        var shutdown = new ProcessEngineException("flush failed",
                new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(problems.perhapsUnavailable(shutdown).getStatusCode().value()).isEqualTo(503);
        // the rollback after the broken statement: the pool's closed connection, with no SQL state
        var rollback = new org.springframework.orm.jpa.JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(problems.perhapsUnavailable(rollback).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void anyOtherEngineFailureStaysA500() {
        var answer = problems.perhapsUnavailable(new ProcessEngineException("Unknown property used in expression"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "INTERNAL_ERROR");
    }

    @Test
    void aLostConnectionBeforeAnyControllerIsA503Too() throws Exception {
        var filter = new DatabaseUnavailableFilter(new fr.fraisdejustice.shared.ProblemResponses(new com.fasterxml.jackson.databind.ObjectMapper()));
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        filter.doFilter(new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/me"), response,
                (request, answer) -> {
                    throw new IllegalStateException("Failed to load session",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
                });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"SERVICE_UNAVAILABLE\"", "momentanément indisponible");
    }

    @Test
    void anyOtherFailureBeforeAControllerGoesOnAsItWas() {
        var filter = new DatabaseUnavailableFilter(new fr.fraisdejustice.shared.ProblemResponses(new com.fasterxml.jackson.databind.ObjectMapper()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filter.doFilter(
                        new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/me"),
                        new org.springframework.mock.web.MockHttpServletResponse(), (request, answer) -> {
                            throw new IllegalStateException("autre chose");
                        }))
                .hasMessage("autre chose");
    }
}
