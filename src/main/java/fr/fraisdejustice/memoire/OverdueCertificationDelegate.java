package fr.fraisdejustice.memoire;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.notification.Mailer;
import fr.fraisdejustice.shared.StaffGroups;

/** Task_NotifyOverdueCertification: tells every member of the certifying office's greffe that a mémoire is overdue. */
@Component("overdueCertificationMailer")
class OverdueCertificationDelegate implements JavaDelegate {

    private final IdentityService identity;
    private final Mailer mailer;

    OverdueCertificationDelegate(IdentityService identity, Mailer mailer) {
        this.identity = identity;
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String mj = execution.getProcessBusinessKey();
        String group = StaffGroups.greffe((String) execution.getVariable("certifyingOffice"));
        List<String> addresses = identity.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
        String text = "Bonjour,\n\nLe mémoire " + mj + " attend sa certification depuis plus de " + MemoireLifecycleProcess.CERTIFICATION_DUE.toDays() + " jours. Il figure dans le "
                + "filtre « En retard » de Tasklist.\n\n-- \nfrais-de-justice, ministère de la Justice\n";
        for (String address : addresses) {
            mailer.send(new Mail(address, "Mémoire " + mj + " en retard de certification", text,
                    "<p>Bonjour,</p><p>Le mémoire " + mj + " attend sa certification depuis plus de " + MemoireLifecycleProcess.CERTIFICATION_DUE.toDays() + " jours. Il figure "
                            + "dans le filtre « En retard » de Tasklist.</p>"));
        }
    }
}
