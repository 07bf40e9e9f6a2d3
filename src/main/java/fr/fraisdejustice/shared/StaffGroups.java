package fr.fraisdejustice.shared;

/** The Camunda group ids of the staff: one set per certifying office, and the national teams. */
public final class StaffGroups {

    public static final String COMPTABLE = "comptable";
    public static final String SUPPORT = "support";
    public static final String ANALYSTE = "analyste";
    /** The monitoring system's own users: they read /actuator/prometheus and nothing more of the staff's. */
    public static final String METRIQUES = "metriques";

    private StaffGroups() {
    }

    /** Greffe (service centralisateur) of a tribunal judiciaire or a cour d'appel. */
    public static String greffe(String officeCode) {
        return "greffe-" + officeCode;
    }

    public static String parquet(String officeCode) {
        return "parquet-" + officeCode;
    }

    public static String magistrat(String officeCode) {
        return "magistrat-" + officeCode;
    }

    /** Service administratif régional of a cour d'appel. */
    public static String sar(String courAppelCode) {
        return "sar-" + courAppelCode;
    }
}
