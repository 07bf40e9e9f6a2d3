package fr.fraisdejustice.bulkupload;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ProcessBulkUpload: reads the dépôt flux of the business key and sends its mémoires. */
@Component("bulkUploadProcessor")
class BulkUploadDelegate implements JavaDelegate {

    private final BulkUploads uploads;

    BulkUploadDelegate(BulkUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        uploads.process(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
