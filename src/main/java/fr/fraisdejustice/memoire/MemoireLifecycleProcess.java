package fr.fraisdejustice.memoire;

import java.time.Duration;

/** The names and periods of {@code bpmn/memoire-lifecycle.bpmn} that Java uses, in one place (ProcessConstantsTest ties them). */
public final class MemoireLifecycleProcess {

    public static final String KEY = "memoire-lifecycle";

    public static final String TASK_CERTIFY = "Task_CertifyMemoire";
    public static final String TASK_WRITE_REQUISITIONS = "Task_WriteRequisitions";
    public static final String TASK_ISSUE_TAXATION_ORDER = "Task_IssueTaxationOrder";
    public static final String TASK_DECIDE_APPEAL = "Task_DecideAppeal";
    public static final String TASK_ORDER_PAYMENT = "Task_OrderPayment";
    public static final String TASK_RELEASE_PAYMENT = "Task_ReleasePayment";

    static final String MESSAGE_COMPLETED = "MemoireCompleted";
    static final String MESSAGE_APPEALED = "TaxationAppealed";
    static final String MESSAGE_ABANDONED = "MemoireAbandoned";
    static final String MESSAGE_DUPLICATED = "MemoireDuplicated";

    /** A taxed amount other than the one asked can be appealed within 10 days (CPP R.228-1): the appeal timer. */
    public static final Duration APPEAL_PERIOD = Duration.ofDays(10);
    /** A certification waiting this long is overdue: the certification task's due date and its reminder timer. */
    public static final Duration CERTIFICATION_DUE = Duration.ofDays(30);

    private MemoireLifecycleProcess() {
    }
}
