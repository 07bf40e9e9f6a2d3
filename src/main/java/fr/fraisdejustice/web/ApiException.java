package fr.fraisdejustice.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API user can act on: its HTTP status, a stable code, a French detail and, for bad input, the fields at
 * fault. Rendered as {@code application/problem+json} by {@link ApiProblems}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** Bad input on one field: 400 {@code VALIDATION_FAILED} naming the field. */
    public static ApiException invalidField(String field, String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail,
                List.of(new FieldProblem(field, code, detail)));
    }

    /** Adds a property to the problem (e.g. the missing prerequisite codes), for programs to act on. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
