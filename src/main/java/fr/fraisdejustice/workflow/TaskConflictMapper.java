package fr.fraisdejustice.workflow;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Two clerks complete the same task: the engine tells the second one, with a 500, that the task "is null" (or, when
 * both commit at once, that an optimistic lock failed). He gets a 409 that says what happened; every other error keeps
 * Camunda's own answer.
 */
@Provider
@Priority(1)
class TaskConflictMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        if (!alreadyDone(exception)) {
            return camunda.toResponse(exception);
        }
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "TaskAlreadyCompleted", "code", 0, "message",
                        "Cette tâche a déjà été traitée, sans doute par un collègue : rien n'a été enregistré. "
                                + "Rafraîchissez la liste des tâches."))
                .build();
    }

    private static boolean alreadyDone(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException
                    || t.getMessage() != null && t.getMessage().contains("Cannot find task with id")) {
                return true;
            }
        }
        return false;
    }
}
