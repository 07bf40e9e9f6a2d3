package fr.fraisdejustice.shared;

/** One field at fault in a request: its JSON path, a stable code and a French detail. */
public record FieldProblem(String field, String code, String detail) {
}
