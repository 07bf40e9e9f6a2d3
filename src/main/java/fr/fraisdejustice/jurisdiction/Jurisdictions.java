package fr.fraisdejustice.jurisdiction;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public face of the jurisdiction reference data, for the other features. */
@Service
@Transactional(readOnly = true)
public class Jurisdictions {

    private final JurisdictionRepository repository;

    Jurisdictions(JurisdictionRepository repository) {
        this.repository = repository;
    }

    public List<Jurisdiction> search(JurisdictionType type, String departement) {
        return repository.search(type, departement);
    }

    public List<Jurisdiction> all() {
        return repository.search(null, null);
    }

    public Optional<Jurisdiction> find(String code) {
        return repository.findById(code);
    }
}
