package fr.fraisdejustice.jurisdiction;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * The public face of the jurisdiction reference data, for the other features. The 207 rows are read once and kept:
 * they change only through a Flyway migration, that is with a new release, which restarts the node; a mémoire sent and
 * its clerk's task name several of them.
 */
@Service
public class Jurisdictions {

    private record Snapshot(List<Jurisdiction> ordered, Map<String, Jurisdiction> byCode) {
    }

    private final JurisdictionRepository repository;
    private volatile Snapshot snapshot;

    Jurisdictions(JurisdictionRepository repository) {
        this.repository = repository;
    }

    /** In the order of the reference list: by type, then by name. */
    public List<Jurisdiction> search(JurisdictionType type, String departement) {
        return snapshot().ordered().stream()
                .filter(j -> type == null || j.type() == type)
                .filter(j -> departement == null || departement.equals(j.departement()))
                .toList();
    }

    public List<Jurisdiction> all() {
        return snapshot().ordered();
    }

    public Optional<Jurisdiction> find(String code) {
        return Optional.ofNullable(code).map(snapshot().byCode()::get);
    }

    private Snapshot snapshot() {
        Snapshot read = snapshot;
        if (read == null) {  // two threads may both read it at start: the same rows, no harm
            List<Jurisdiction> ordered = List.copyOf(repository.search(null, null));
            read = new Snapshot(ordered, ordered.stream().collect(Collectors.toUnmodifiableMap(Jurisdiction::code,
                    Function.identity())));
            snapshot = read;
        }
        return read;
    }
}
