package fr.fraisdejustice.memoire;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.structure.Structures;

/**
 * Duplicate billing: the lines of a mémoire that repeat a line the same structure already sent (same n° d'affaire,
 * prestation, dates, quantity and amounts) in a mémoire still alive (not abandoned, refused or replaced). The
 * provider sees them before sending, the clerk on his task; neither is blocked, a repeat may be genuine.
 */
@Service
@Transactional(readOnly = true)
class RepeatedLines {

    /** Line {@code position} of this mémoire repeats line {@code otherPosition} of mémoire {@code otherNumber}. */
    record Repeat(int position, String otherNumber, int otherPosition) {
    }

    private final JdbcTemplate jdbc;
    private final MemoireRepository memoires;
    private final Structures structures;

    RepeatedLines(JdbcTemplate jdbc, MemoireRepository memoires, Structures structures) {
        this.jdbc = jdbc;
        this.memoires = memoires;
        this.structures = structures;
    }

    /** For a provider who may see the mémoire. */
    List<Repeat> of(String number, UUID accountId) {
        Memoire memoire = memoires.findByNumber(MemoireNumbers.normalize(number)).orElseThrow(MemoireNumbers::notFound);
        structures.requireMember(memoire.structureId(), accountId);
        return of(memoire);
    }

    List<Repeat> of(Memoire memoire) {
        return jdbc.query("""
                select l.position, o.mj_number, ol.position as other_position
                from memoire_line l
                join memoire_line ol on ol.case_number = l.case_number and ol.service_date = l.service_date
                    and ol.requisition_date = l.requisition_date and ol.service_type = l.service_type
                    and ol.quantity = l.quantity and ol.unit_price_excl_vat = l.unit_price_excl_vat
                    and ol.amount_incl_vat = l.amount_incl_vat and ol.memoire_id <> l.memoire_id
                join memoire o on o.id = ol.memoire_id
                where l.memoire_id = ? and o.structure_id = ? and o.mj_number is not null
                  and o.status not in ('ABANDONNE', 'REFUSE', 'DUPLIQUE_POST_REFUS')
                order by l.position, o.mj_number, ol.position""",
                (rs, i) -> new Repeat(rs.getInt(1), rs.getString(2), rs.getInt(3)), memoire.id(), memoire.structureId());
    }

    /** What the clerk reads on the task: « Non », or which lines repeat which. */
    String summary(Memoire memoire) {
        List<Repeat> repeats = of(memoire);
        if (repeats.isEmpty()) {
            return "Non";
        }
        return "OUI : " + String.join(" ; ", repeats.stream().map(r -> "la ligne " + r.position() + " répète la ligne "
                + r.otherPosition() + " du mémoire " + r.otherNumber()).toList())
                + " (même n° d'affaire, prestation, dates et montants)";
    }
}
