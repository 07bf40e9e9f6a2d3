package fr.fraisdejustice.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON body the API cannot read, told in French with the field at fault ({@code lines[0].serviceDate}) and what it
 * expects: a date that does not exist, a word where a number goes, a value outside a list, a key given twice.
 */
final class UnreadableJson {

    private static final String FIX = "Corrigez ce champ puis renvoyez la demande.";

    private UnreadableJson() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        JsonParseException parse = parseFailure(cause);
        if (parse != null && parse.getOriginalMessage().startsWith("Duplicate field")) {
            String field = parse.getOriginalMessage().replaceAll("^Duplicate field '(.*)'$", "$1");
            return Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Le champ « " + field + " » figure deux fois : "
                    + "gardez-en un seul.", List.of(new FieldProblem(field, "DUPLICATE_FIELD", "Ce champ figure deux fois.")));
        }
        if (inChain(cause, StreamConstraintsException.class)) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Le corps de la requête dépasse les limites "
                    + "d'un JSON lisible (imbrication, longueur d'un nombre ou d'un texte) : simplifiez-le.");
        }
        if (parse != null && parse.getLocation() != null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Le corps de la requête n'est pas un JSON valide "
                    + "(ligne " + parse.getLocation().getLineNr() + ", colonne " + parse.getLocation().getColumnNr()
                    + ") : vérifiez les guillemets, virgules et accolades.");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            FieldProblem problem = fieldProblem(field, mapping);
            return Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", problem.detail() + " " + FIX, List.of(problem));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "Le corps de la requête est vide ou n'est pas l'objet JSON attendu : envoyez un objet JSON { … }.");
    }

    /** The parser's own failure (bad syntax, a key twice), wherever databind wrapped it. */
    private static JsonParseException parseFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException parse) {
                return parse;
            }
        }
        return null;
    }

    private static boolean inChain(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static FieldProblem fieldProblem(String field, JsonMappingException mapping) {
        String name = "Le champ « " + field + " »";
        if (mapping instanceof VisibleText.HiddenCharacterException hidden) {
            return new FieldProblem(field, "INVALID_CHARACTER", name + " contient un caractère invisible ou de contrôle ("
                    + String.format("U+%04X", hidden.character) + ") : retirez-le.");
        }
        if (mapping instanceof InvalidFormatException invalid) {
            Class<?> type = invalid.getTargetType();
            String value = "« " + shortened(String.valueOf(invalid.getValue())) + " »";
            if (type == LocalDate.class) {
                return new FieldProblem(field, "INVALID_DATE", name + " : la date " + value
                        + " n'existe pas ou n'est pas écrite AAAA-MM-JJ (par exemple 2026-03-31).");
            }
            if (Temporal.class.isAssignableFrom(type)) {
                return new FieldProblem(field, "INVALID_DATE", name + " : " + value
                        + " n'est pas une date et heure ISO-8601 (par exemple 2026-03-31T14:30:00Z).");
            }
            if (type.isEnum()) {
                return new FieldProblem(field, "INVALID_VALUE", name + " : " + value + " n'est pas une valeur possible ("
                        + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")) + ").");
            }
            if (type == UUID.class) {
                return new FieldProblem(field, "INVALID_FORMAT", name + " : " + value + " n'est pas un identifiant valide.");
            }
            if (isNumber(type)) {
                return new FieldProblem(field, "INVALID_NUMBER", name + " : " + value
                        + " n'est pas un nombre (chiffres et point décimal, par exemple 12.50).");
            }
            if (type == Boolean.class || type == boolean.class) {
                return new FieldProblem(field, "INVALID_VALUE", name + " : " + value + " n'est ni true ni false.");
            }
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Class<?> type = mismatched.getTargetType();
            String expected = isNumber(type) ? "un nombre" : type == String.class ? "un texte"
                    : type == Boolean.class || type == boolean.class ? "true ou false"
                    : List.class.isAssignableFrom(type) || type.isArray() ? "une liste" : "une valeur d'un autre type";
            return new FieldProblem(field, "INVALID_TYPE", name + " attend " + expected + ".");
        }
        return new FieldProblem(field, "INVALID_VALUE", name + " n'a pas le format attendu.");
    }

    private static boolean isNumber(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == BigInteger.class
                || type == int.class || type == long.class || type == double.class || type == float.class
                || type == short.class;
    }

    /** lines[0].serviceDate, structure.identifier: the names the portal's forms use. */
    private static String pathOf(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String shortened(String value) {
        String visible = VisibleText.firstHidden(value).isPresent() ? value.replaceAll("\\p{C}", "?") : value;
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }
}
