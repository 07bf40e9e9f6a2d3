package fr.fraisdejustice.operations;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The business figures as Prometheus gauges ({@code fdj_…} at /actuator/prometheus). A status, an office or an incident
 * type gets its series when it first appears in a reading (at the next scrape) and keeps it, at 0 once it has none.
 */
@Component
class BusinessMetrics implements MeterBinder {

    /** The incident types Camunda raises: their series exist from the start, at 0. */
    static final Set<String> INCIDENT_TYPES = Set.of("failedJob", "failedExternalTask");

    private final BusinessFigures figures;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;

    BusinessMetrics(BusinessFigures figures) {
        this.figures = figures;
        figures.onRead(this::registerNewSeries);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.registry = meters;
        gauge("fdj.outbox.backlog", "Publications de l'outbox pas encore livrées (courriels à envoyer…)",
                f -> (double) f.current().outboxBacklog());
        gauge("fdj.jobs.due", "Travaux du moteur échus qui attendent l'exécuteur (points de sauvegarde, minuteurs)",
                f -> (double) f.current().dueJobs());
        gauge("fdj.jobs.failed", "Travaux du moteur sans nouvel essai possible (chacun est un incident)",
                f -> (double) f.current().failedJobs());
        INCIDENT_TYPES.forEach(this::incidentGauge);
    }

    /** Called by each reading: the statuses, offices and incident types seen for the first time get their series. */
    void registerNewSeries(BusinessFigures.Snapshot snapshot) {
        if (registry == null) {
            return;
        }
        snapshot.memoiresByStatus().keySet().forEach(status -> once("status:" + status, () ->
                Gauge.builder("fdj.memoires", figures, f -> valueOf(f.current().memoiresByStatus(), status))
                        .description("Mémoires par statut").tag("status", status).register(registry)));
        snapshot.openTasks().keySet().forEach(office -> once("office:" + office, () -> {
            Gauge.builder("fdj.tasks.open", figures, f -> valueOf(f.current().openTasks(), office))
                    .description("Tâches ouvertes par service (groupe candidat)").tag("office", office).register(registry);
            Gauge.builder("fdj.tasks.oldest.age", figures, f -> f.oldestTaskAgeSeconds(office)).baseUnit("seconds")
                    .description("Âge de la plus ancienne tâche ouverte du service").tag("office", office)
                    .register(registry);
        }));
        snapshot.incidents().keySet().forEach(this::incidentGauge);
    }

    private void incidentGauge(String type) {
        once("incident:" + type, () -> Gauge.builder("fdj.incidents.open", figures,
                        f -> valueOf(f.current().incidents(), type))
                .description("Incidents ouverts du moteur, par type").tag("type", type).register(registry));
    }

    private void gauge(String name, String description, Function<BusinessFigures, Double> value) {
        Gauge.builder(name, figures, value::apply).description(description).register(registry);
    }

    private void once(String key, Runnable registration) {
        if (registered.add(key)) {
            registration.run();
        }
    }

    private static double valueOf(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L);
    }
}
