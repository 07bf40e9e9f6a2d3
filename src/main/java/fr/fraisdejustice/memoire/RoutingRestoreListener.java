package fr.fraisdejustice.memoire;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On start of each user task of memoire-lifecycle, before its candidate groups are computed: the routing variables
 * ({@code certifyingOffice}, {@code courAppel}) are read again from the mémoire's row, so whatever wrote them since (a
 * task completion, an administrator) never moves a mémoire to another court.
 */
@Component("memoireRoutingRestore")
class RoutingRestoreListener implements ExecutionListener {

    private final MemoireRepository memoires;

    RoutingRestoreListener(MemoireRepository memoires) {
        this.memoires = memoires;
    }

    @Override
    public void notify(DelegateExecution execution) {
        memoires.findByNumber(execution.getProcessBusinessKey()).ifPresent(memoire -> {
            restore(execution, "certifyingOffice", memoire.certifyingOffice());
            restore(execution, "courAppel", memoire.courAppel());
        });
    }

    private static void restore(DelegateExecution execution, String name, String routed) {
        if (routed != null && !routed.equals(execution.getVariable(name))) {
            execution.setVariable(name, routed);
        }
    }
}
