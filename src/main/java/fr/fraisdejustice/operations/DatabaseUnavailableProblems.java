package fr.fraisdejustice.operations;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.fraisdejustice.shared.Problems;

/**
 * While PostgreSQL is unreachable (a restart, a fail-over to the replica) a request gets a 503 that tells to try again
 * shortly, not a 500: nothing of it was saved, and the node itself stays up and recovers on its own once the pool
 * reconnects. Before the house's catch-all (shared.ApiProblems), which answers the other failures.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableProblems {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);
    static final String RETRY_AFTER_SECONDS = "30";

    /** No connection could be had, or it broke: a database outage for sure. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class})
    ResponseEntity<Object> unavailable(Exception e) {
        LOG.warn("Base de données injoignable : {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem());
    }

    static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "Le service est momentanément indisponible ; rien n'a été enregistré pour cette demande. "
                        + "Réessayez dans quelques instants.");
    }

    /** The engine's, Hibernate's or the commit's failure: a 503 when a lost connection lies under it, else a 500. */
    @ExceptionHandler({ProcessEngineException.class, JpaSystemException.class, TransactionSystemException.class})
    ResponseEntity<Object> perhapsUnavailable(Exception e) {
        if (lostConnection(e)) {
            return unavailable(e);
        }
        LOG.error("Erreur inattendue", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                        "Le service a rencontré une erreur inattendue ; rien n'a été enregistré pour cette demande. "
                                + "Réessayez plus tard ou ouvrez une sollicitation."));
    }

    /**
     * SQL state class 08 (connection exception) or 57P01–57P03 (the server shuts down, or is not yet up), or the pool's
     * "Connection is closed" (no SQL state): the rollback after a broken connection fails with it, and Spring then keeps
     * only that failure.
     */
    static boolean lostConnection(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (lostConnection(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
