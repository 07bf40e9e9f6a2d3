package fr.fraisdejustice.memoire;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the other features may know of a mémoire by its number: whose it is and which office handles it. */
@Service
@Transactional(readOnly = true)
public class MemoireDirectory {

    /** The mémoire's structure, and its certifying office once sent and routed (empty before). */
    public record Summary(String number, UUID structureId, Optional<String> certifyingOffice) {
    }

    private final MemoireRepository memoires;

    MemoireDirectory(MemoireRepository memoires) {
        this.memoires = memoires;
    }

    public Optional<Summary> find(String number) {
        return memoires.findByNumber(MemoireNumbers.normalize(number))
                .map(m -> new Summary(m.number(), m.structureId(), Optional.ofNullable(m.certifyingOffice())));
    }
}
