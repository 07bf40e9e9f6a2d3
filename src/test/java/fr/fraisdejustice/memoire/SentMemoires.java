package fr.fraisdejustice.memoire;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Multipart;

/**
 * Sends real mémoires of a ready structure (bank account, signed mandate) through the services, in the shapes the
 * routing tells apart, and completes their tasks as the staff would in Tasklist.
 */
public final class SentMemoires {

    /** A translation of 4 pages at the tariff: tariffed, 120 € TTC. */
    public static final MemoireLine.Entry SMALL_TARIFFED = translation(LocalDate.now().minusDays(2), "4");

    private final StructureWithBankAccount ready;
    private final MemoireDrafts drafts;
    private final MemoireAttachments attachments;
    private final MemoireSubmission submission;
    private final ProcessEngine engine;

    public SentMemoires(StructureWithBankAccount ready, MemoireDrafts drafts, MemoireAttachments attachments,
                 MemoireSubmission submission, ProcessEngine engine) {
        this.ready = ready;
        this.drafts = drafts;
        this.attachments = attachments;
        this.submission = submission;
        this.engine = engine;
    }

    public static MemoireLine.Entry translation(LocalDate serviceDate, String pages) {
        return new MemoireLine.Entry("26-001", serviceDate.minusDays(1), "Procureur de la République",
                ServiceType.TRADUCTION_ECRITE, serviceDate, new BigDecimal(pages), new BigDecimal("25.00"),
                new BigDecimal("20"), BigDecimal.ZERO, null, BigDecimal.ZERO, false, false, false, true);
    }

    /** An expertise sur devis: not tariffed. */
    public static MemoireLine.Entry expertise(String priceExclVat) {
        return new MemoireLine.Entry("26-002", LocalDate.now().minusDays(10), "Juge d'instruction",
                ServiceType.EXPERTISE, LocalDate.now().minusDays(5), BigDecimal.ONE, new BigDecimal(priceExclVat),
                new BigDecimal("20"), BigDecimal.ZERO, null, BigDecimal.ZERO, false, false, false, true);
    }

    /** A new structure with its bank account and signed mandate, ready to send mémoires through the real services. */
    public static SentMemoires forNewStructure(ApplicationContext context, int port) throws IOException {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        StructureWithBankAccount ready = StructureWithBankAccount.create(context.getBean(Providers.class), new Http(port),
                context.getBean(ObjectMapper.class));
        ready.signMandate(engine, context.getBean(MandateSignature.class), context.getBean(GreenMail.class));
        return new SentMemoires(ready, context.getBean(MemoireDrafts.class), context.getBean(MemoireAttachments.class),
                context.getBean(MemoireSubmission.class), engine);
    }

    public StructureWithBankAccount ready() {
        return ready;
    }

    /** A draft in the given category with these lines and one attachment on its first line. */
    public String draft(ProviderCategory category, List<MemoireLine.Entry> lines) {
        UUID account = ready.manager().accountId();
        String number = drafts.create(ready.manager().structureId(), new Memoire.Header("TJ75101", null,
                UUID.fromString(ready.bankAccountId()), category, null, VatType.TVA_SUR_DEBIT, null), account).number();
        List<UUID> ids = new ArrayList<>();
        for (MemoireLine.Entry line : lines) {
            ids.add(drafts.addLine(number, line, account).id());
        }
        attachments.add(number, new MockMultipartFile("file", "requisition.pdf", "application/pdf", Multipart.pdf()),
                "REQUISITION", ids.get(0), account);
        return number;
    }

    /** Sends the draft, then runs the save point after the routing, as the job executor would: the staff's task appears. */
    public String send(ProviderCategory category, List<MemoireLine.Entry> lines, boolean late) {
        String mj = submission.submit(draft(category, lines), true, late, ready.manager().accountId()).number();
        prepareTasks(engine, mj);
        return mj;
    }

    static void prepareTasks(ProcessEngine engine, String mj) {
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(mj)
                .singleResult().getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance).activityId("Task_RouteMemoire").singleResult().getId());
    }

    public String tariffed() {
        return send(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SMALL_TARIFFED), false);
    }

    public String untariffed(String priceExclVat) {
        return send(ProviderCategory.EXPERT, List.of(expertise(priceExclVat)), false);
    }

    public String late() {
        return send(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(translation(LocalDate.now().minusMonths(14), "2")), true);
    }

    public Task task(String mj, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(mj).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** Completes the mémoire's task as this staff member of this group, with what his form submits. */
    public void complete(String mj, String taskKey, String user, String group, Map<String, Object> form) {
        IdentityService identity = engine.getIdentityService();
        TaskService tasks = engine.getTaskService();
        identity.setAuthentication(user, List.of(group));
        try {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(mj).taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new AssertionError(user + " ne voit pas la tâche " + taskKey + " du mémoire " + mj);
            }
            tasks.complete(task.getId(), form);
        } finally {
            identity.clearAuthentication();
        }
    }
}
