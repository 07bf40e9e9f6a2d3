package fr.fraisdejustice.staff;

/** The Camunda group ids of the staff: one set per certifying office, and the national teams. */
public final class StaffGroups {

    public static final String COMPTABLE = "comptable";
    public static final String SUPPORT = "support";
    public static final String ANALYSTE = "analyste";

    private StaffGroups() {
    }

    /** Greffe (service centralisateur) of a tribunal judiciaire. */
    public static String greffe(String tribunalCode) {
        return "greffe-" + tribunalCode;
    }

    public static String parquet(String tribunalCode) {
        return "parquet-" + tribunalCode;
    }

    public static String magistrat(String tribunalCode) {
        return "magistrat-" + tribunalCode;
    }

    /** Service administratif régional of a cour d'appel. */
    public static String sar(String courAppelCode) {
        return "sar-" + courAppelCode;
    }
}
