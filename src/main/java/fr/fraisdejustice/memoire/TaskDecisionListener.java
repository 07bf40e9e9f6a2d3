package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.shared.DomainException;

/**
 * On completion of each user task of memoire-lifecycle: reads what the form submitted and applies it to the mémoire in
 * the same transaction. A refused input (no reason, unknown line…) aborts the completion with a French message that
 * Tasklist shows, and nothing changes.
 */
@Component("memoireTaskDecision")
class TaskDecisionListener implements TaskListener {

    static final String CERTIFY = MemoireLifecycleProcess.TASK_CERTIFY;
    static final String REQUISITIONS = MemoireLifecycleProcess.TASK_WRITE_REQUISITIONS;
    static final String TAXATION_ORDER = MemoireLifecycleProcess.TASK_ISSUE_TAXATION_ORDER;
    static final String APPEAL = MemoireLifecycleProcess.TASK_DECIDE_APPEAL;
    static final String ORDER_PAYMENT = MemoireLifecycleProcess.TASK_ORDER_PAYMENT;
    static final String RELEASE_PAYMENT = MemoireLifecycleProcess.TASK_RELEASE_PAYMENT;

    private static final int MAX_TEXT = 1500;

    private final MemoireProcessing processing;
    private final ObjectMapper json;

    TaskDecisionListener(MemoireProcessing processing, ObjectMapper json) {
        this.processing = processing;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String mj = task.getExecution().getProcessBusinessKey();
        String office = (String) task.getVariable("certifyingOffice");
        switch (task.getTaskDefinitionKey()) {
            case CERTIFY -> certification(task, mj, processing.staff("Greffe", office, user(task)));
            case REQUISITIONS -> require(text(task, "requisitions"), "Rédigez les réquisitions du parquet.");
            case TAXATION_ORDER -> taxation(task, mj, processing.staff("Magistrat taxateur", office, user(task)));
            case APPEAL -> processing.decideAppeal(mj, amount(task, "appealAmount"), text(task, "appealReasoning"),
                    processing.staff("Président de la chambre de l'instruction", (String) task.getVariable("courAppel"), user(task)));
            case ORDER_PAYMENT -> processing.orderPayment(mj,
                    processing.staff("SAR", (String) task.getVariable("courAppel"), user(task)));
            case RELEASE_PAYMENT -> processing.releasePayment(mj, date(task, "paymentDate"), amount(task, "paidAmount"),
                    text(task, "paymentGapReason"),
                    processing.staff("Comptable (pôle Chorus)", null, user(task)));
            default -> throw new IllegalStateException("Tâche sans décision connue : " + task.getTaskDefinitionKey());
        }
    }

    private void certification(DelegateTask task, String mj, Actor actor) {
        String decision = text(task, "certificationDecision");
        switch (decision == null ? "" : decision) {
            case "CERTIFIER" -> processing.certify(mj, corrections(task.getVariable("corrections")), actor);
            case "COMPLEMENT" -> processing.askComplement(mj, text(task, "complementRequest"), actor);
            case "TAXATION" -> processing.sendToTaxation(mj, text(task, "comment"), actor);
            case "REFUSER" -> processing.refuse(mj, refusalReason(text(task, "refusalReason")), text(task, "comment"), actor);
            default -> throw invalid("Choisissez une décision : certifier, demander un complément, transmettre à la taxation ou refuser.");
        }
    }

    private void taxation(DelegateTask task, String mj, Actor actor) {
        boolean timeBarred = Boolean.TRUE.equals(task.getVariable("timeBarred"));
        task.setVariable("timeBarred", timeBarred);
        if (timeBarred) {
            processing.refuse(mj, RefusalReason.FORCLUSION, text(task, "taxationReasoning"), actor);
            task.setVariable("appealOpen", false);
            return;
        }
        task.setVariable("appealOpen", processing.tax(mj, amount(task, "taxedAmount"), text(task, "taxationReasoning"), actor));
    }

    /**
     * The form's redressements, one per line of text: « n° de ligne ; montant HT retenu ; motif ». A JSON list of
     * {line, exclVat, reason} (engine REST, tests) is read too.
     */
    private Map<Integer, Memoire.Correction> corrections(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Map.of();
        }
        String text = value.toString().trim();
        List<String[]> items = new java.util.ArrayList<>();
        if (text.startsWith("[")) {
            try {
                for (Map<String, Object> item : json.readValue(text, new TypeReference<List<Map<String, Object>>>() { })) {
                    items.add(new String[] {string(item.get("line")), string(item.get("exclVat")), string(item.get("reason"))});
                }
            } catch (JsonProcessingException e) {
                throw invalid("Les corrections de montants sont illisibles : saisissez-les à nouveau.");
            }
        } else {
            for (String line : text.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(";", 3);
                if (parts.length < 3) {
                    throw invalid("Correction « " + line.trim() + " » : écrivez n° de ligne ; montant HT retenu ; motif.");
                }
                items.add(parts);
            }
        }
        Map<Integer, Memoire.Correction> corrections = new LinkedHashMap<>();
        for (String[] item : items) {
            if (item[0].isBlank() || item[1].isBlank() || item[2].isBlank()) {
                throw invalid("Chaque correction indique le n° de ligne, le montant HT retenu et son motif.");
            }
            int position;
            try {
                position = Integer.parseInt(item[0].trim());
            } catch (NumberFormatException e) {
                throw invalid("« " + item[0].trim() + " » n'est pas un n° de ligne.");
            }
            if (item[2].trim().length() > 500) {
                throw invalid("Le motif de la correction de la ligne " + item[0].trim() + " compte au plus 500 caractères.");
            }
            BigDecimal exclVat = decimal(item[1], "Le montant HT corrigé");
            if (corrections.put(position, new Memoire.Correction(exclVat, item[2].trim())) != null) {
                throw invalid("La ligne " + position + " est corrigée deux fois : gardez une seule correction par ligne.");
            }
        }
        return corrections;
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    private static RefusalReason refusalReason(String code) {
        try {
            return RefusalReason.valueOf(code == null ? "" : code);
        } catch (IllegalArgumentException e) {
            throw invalid("Choisissez le motif du refus dans la liste.");
        }
    }

    private static BigDecimal amount(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null) {
            throw invalid("Indiquez le montant (en euros, TTC).");
        }
        return decimal(value, "Le montant");
    }

    private static BigDecimal decimal(Object value, String what) {
        try {
            BigDecimal amount = new BigDecimal(value.toString().trim().replace(',', '.'));
            if (amount.signum() < 0) {
                throw invalid(what + " est un montant positif, au centime près.");
            }
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(what + " est un montant positif, au centime près.");
        }
    }

    private static LocalDate date(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        try {
            return value == null ? null : LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            throw invalid("La date de paiement est illisible : choisissez-la dans le calendrier.");
        }
    }

    /** A text of the form; the history and status reasons keep at most 2 000 characters, labels included. */
    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value != null && value.toString().trim().length() > MAX_TEXT) {
            throw invalid("Un texte saisi dépasse 1 500 caractères : raccourcissez-le.");
        }
        return value == null ? null : value.toString();
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw invalid(message);
        }
    }

    private static String user(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }

    private static DomainException invalid(String detail) {
        return new DomainException(DomainException.Kind.INVALID, "INVALID_TASK_INPUT", detail);
    }
}
