package fr.fraisdejustice.shared;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;

/**
 * Every error of the API as {@code application/problem+json} with a stable code and a French detail a user can act on.
 * Unexpected failures are logged and answered with a generic message, never with internals.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refusal(DomainException e) {
        HttpStatus status = statusOf(e.kind());
        ProblemDetail problem = Problems.of(status, e.code(), e.getMessage(), e.errors());
        e.properties().forEach(problem::setProperty);
        return problem(status, problem);
    }

    /** The one place where a domain refusal becomes an HTTP status. */
    static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case LOCKED -> HttpStatus.LOCKED;
        };
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), "INVALID_VALUE", v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "Certains champs sont invalides : corrigez-les puis renvoyez la demande.", errors));
    }

    /** Two changes of the same thing at once: the second is refused whole, the first stays. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                "Une autre modification est arrivée au même moment : rien n'a été enregistré pour celle-ci. "
                        + "Rechargez la page, vérifiez, puis recommencez."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        LOG.error("Erreur inattendue", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Le service a rencontré une erreur inattendue ; rien n'a été enregistré pour cette demande. "
                        + "Réessayez plus tard ou ouvrez une sollicitation."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), codeOf(f.getCode()), f.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "Certains champs sont invalides : corrigez-les puis renvoyez la demande.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return problem(HttpStatus.BAD_REQUEST, UnreadableJson.problem(unreadable));
        }
        ProblemDetail problem = Problems.of(status, codeOf(e, status), frenchDetail(e, status));
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String codeOf(Exception e, HttpStatusCode status) {
        if (e instanceof HttpMessageNotReadableException) {
            return "MALFORMED_REQUEST";
        }
        if (e instanceof MissingServletRequestParameterException) {
            return "MISSING_PARAMETER";
        }
        if (e instanceof TypeMismatchException) {
            return "INVALID_PARAMETER";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name() : "ERROR";
    }

    private static String frenchDetail(Exception e, HttpStatusCode status) {
        if (e instanceof HttpMessageNotReadableException) {
            return "Le corps de la requête est illisible : vérifiez qu'il s'agit d'un JSON valide et que chaque champ a le type attendu.";
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return "Le paramètre « " + missing.getParameterName() + " » est obligatoire.";
        }
        if (e instanceof TypeMismatchException mismatch) {
            return "La valeur « " + mismatch.getValue() + " » du paramètre « " + mismatch.getPropertyName()
                    + " » n'a pas le format attendu.";
        }
        if (e instanceof NoResourceFoundException) {
            return "Aucune ressource n'existe à cette adresse.";
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return "La méthode " + method.getMethod() + " n'est pas acceptée à cette adresse.";
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return "Le format du corps de la requête n'est pas pris en charge : envoyez du JSON (application/json) "
                    + "ou, pour un fichier, du multipart/form-data.";
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return "Le format de réponse demandé (en-tête Accept) n'est pas disponible à cette adresse.";
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return "Le fichier envoyé dépasse la taille maximale autorisée.";
        }
        return status.is5xxServerError()
                ? "Le service a rencontré une erreur inattendue. Réessayez plus tard."
                : "La requête n'a pas pu être traitée.";
    }

    private static String codeOf(String constraint) {
        if (constraint == null) {
            return "INVALID_VALUE";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Size", "Length" -> "INVALID_LENGTH";
            case "Pattern", "Email" -> "INVALID_FORMAT";
            default -> "INVALID_VALUE";
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
