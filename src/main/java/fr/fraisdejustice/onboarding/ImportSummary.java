package fr.fraisdejustice.onboarding;

/** The sentence that ends an import's report: what it did, or that it changed nothing. */
final class ImportSummary {

    private ImportSummary() {
    }

    static String of(int rows, int imported, int unchanged, int refused) {
        if (rows == 0 && refused > 0) {
            return "Fichier refusé : aucune ligne n'a été lue.";
        }
        String counts = rows + " ligne" + plural(rows) + " lue" + plural(rows) + " : " + imported + " importée" + plural(imported)
                + ", " + unchanged + " déjà importée" + plural(unchanged) + ", " + refused + " refusée" + plural(refused) + ".";
        if (imported == 0 && refused == 0) {
            return "Rien de nouveau : tout était déjà importé, aucun changement. " + counts;
        }
        return counts;
    }

    private static String plural(int n) {
        return n > 1 ? "s" : "";
    }
}
