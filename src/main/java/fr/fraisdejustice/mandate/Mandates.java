package fr.fraisdejustice.mandate;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public face of the mandate feature for the other features. */
@Service
@Transactional
public class Mandates {

    private final BillingMandateRepository repository;
    private final Clock clock;

    Mandates(BillingMandateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records a mandate of the former portal, revoked; answers false when it was already imported. */
    public boolean importRevoked(UUID structureId, String label) {
        if (repository.existsByStructureIdAndLabelAndMigratedTrue(structureId, label)) {
            return false;
        }
        repository.save(BillingMandate.migratedRevoked(structureId, label, clock.instant()));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean hasActive(UUID structureId) {
        return repository.existsByStructureIdAndStatus(structureId, MandateStatus.ACTIVE);
    }

}
