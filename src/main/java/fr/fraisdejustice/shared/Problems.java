package fr.fraisdejustice.shared;

import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem+json bodies of the API: RFC 9457 fields plus our stable {@code code} and per-field {@code errors}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        return of(status, code, detail, List.of());
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(titleOf(status));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static String titleOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Requête invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 405 -> "Méthode non autorisée";
            case 409 -> "Conflit";
            case 410 -> "Lien expiré";
            case 413 -> "Contenu trop volumineux";
            case 415 -> "Format non pris en charge";
            case 422 -> "Action impossible";
            case 423 -> "Compte verrouillé";
            case 429 -> "Trop de requêtes";
            default -> status.is5xxServerError() ? "Erreur du service" : "Erreur";
        };
    }
}
