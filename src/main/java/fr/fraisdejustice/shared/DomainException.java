package fr.fraisdejustice.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the user can act on, in the domain's terms: its kind, a stable code, a French detail and, for bad input, the
 * fields at fault. Entities and services throw it; one web adapter ({@link ApiProblems}) turns it into
 * {@code application/problem+json} with the HTTP status of its kind.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal: each maps to one HTTP status at the web boundary. */
    public enum Kind {
        /** Bad input (400). */
        INVALID,
        /** Not allowed for this person (403). */
        FORBIDDEN,
        /** Unknown, or not the caller's: never reveal which (404). */
        NOT_FOUND,
        /** The current state forbids it (409). */
        CONFLICT,
        /** A link or a period that has expired (410). */
        GONE,
        /** Too large (413). */
        TOO_LARGE,
        /** Well-formed but a business rule refuses it (422). */
        UNPROCESSABLE,
        /** Locked for a while (423). */
        LOCKED
    }

    private final Kind kind;
    private final String code;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public DomainException(Kind kind, String code, String detail) {
        this(kind, code, detail, List.of());
    }

    public DomainException(Kind kind, String code, String detail, List<FieldProblem> errors) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** Bad input on one field: {@code VALIDATION_FAILED} naming the field. */
    public static DomainException invalidField(String field, String code, String detail) {
        return new DomainException(Kind.INVALID, "VALIDATION_FAILED", detail, List.of(new FieldProblem(field, code, detail)));
    }

    public static DomainException invalid(String code, String detail, List<FieldProblem> errors) {
        return new DomainException(Kind.INVALID, code, detail, errors);
    }

    public static DomainException conflict(String code, String detail, List<FieldProblem> errors) {
        return new DomainException(Kind.CONFLICT, code, detail, errors);
    }

    /** Adds a property to the problem (e.g. the missing prerequisite codes), for programs to act on. */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
