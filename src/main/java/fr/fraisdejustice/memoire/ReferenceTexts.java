package fr.fraisdejustice.memoire;

import java.util.Map;

/** What each texte de référence (the article of the code de procédure pénale a mémoire cites) is about. */
final class ReferenceTexts {

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("R.92", "liste des frais de justice criminelle, correctionnelle et de police"),
            Map.entry("R.106", "honoraires et indemnités des experts"),
            Map.entry("R.117", "tarif des examens médicaux et psychologiques"),
            Map.entry("R.118", "tarif des analyses et examens de laboratoire"),
            Map.entry("R.121", "tarif des enquêtes sociales et de personnalité"),
            Map.entry("R.122", "tarif des interprètes et traducteurs"),
            Map.entry("R.122-1", "indemnisation des délégués et médiateurs du procureur"),
            Map.entry("R.147", "frais d'enlèvement, de garde et de fourrière"),
            Map.entry("R.213-1", "tarif des réquisitions aux opérateurs de communications électroniques"),
            Map.entry("R.216", "indemnisation des administrateurs ad hoc"));

    private ReferenceTexts() {
    }

    /** « article R.122 du code de procédure pénale (tarif des interprètes et traducteurs) » */
    static String described(String article) {
        if (article == null) {
            return "";
        }
        String meaning = MEANINGS.get(article);
        return "article " + article + " du code de procédure pénale" + (meaning == null ? "" : " (" + meaning + ")");
    }
}
