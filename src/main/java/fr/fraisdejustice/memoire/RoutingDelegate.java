package fr.fraisdejustice.memoire;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RouteMemoire: evaluates memoire-routing for the mémoire of the business key, records where it goes, and gives
 * the process the variables its candidate groups and gateways read.
 */
@Component("memoireRouter")
class RoutingDelegate implements JavaDelegate {

    private final MemoireProcessing processing;

    RoutingDelegate(MemoireProcessing processing) {
        this.processing = processing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MemoireRouting.Route route = processing.route(execution.getProcessBusinessKey());
        execution.setVariable("certifyingOffice", route.certifyingOffice());
        execution.setVariable("courAppel", route.courAppel());
        execution.setVariable("track", route.track().name());
        execution.setVariable("controlLevel", route.controlLevel().name());
    }
}
