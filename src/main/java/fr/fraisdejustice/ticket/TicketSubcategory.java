package fr.fraisdejustice.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sous-catégorie of the reference list, with its catégorie and the kind of object a ticket of it is about. */
@Entity
@Table(name = "ticket_subcategory")
class TicketSubcategory {

    @Id
    private String code;

    @Column(name = "category_code")
    private String categoryCode;

    @Column(name = "category_label")
    private String categoryLabel;

    private String label;

    @Column(name = "object_type")
    private String objectType;

    private int position;

    protected TicketSubcategory() {
    }

    String code() { return code; }
    String categoryCode() { return categoryCode; }
    String categoryLabel() { return categoryLabel; }
    String label() { return label; }
    /** AUCUN, COMPTE (a login e-mail), STRUCTURE, MEMOIRE (a mémoire number) or DEPOT_FLUX. */
    String objectType() { return objectType; }
    int position() { return position; }
}
