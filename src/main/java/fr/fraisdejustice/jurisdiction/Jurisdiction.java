package fr.fraisdejustice.jurisdiction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cour d'appel or a tribunal judiciaire (reference data, read-only). */
@Entity
@Table(name = "jurisdiction")
public class Jurisdiction {

    @Id
    private String code;

    @Enumerated(EnumType.STRING)
    private JurisdictionType type;

    private String name;

    private String departement;

    @Column(name = "cour_appel_code")
    private String courAppelCode;

    protected Jurisdiction() {
    }

    public String code() {
        return code;
    }

    public JurisdictionType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String departement() {
        return departement;
    }

    /** The cour d'appel whose ressort holds this jurisdiction (itself for a cour d'appel). */
    public String courAppelCode() {
        return courAppelCode;
    }
}
