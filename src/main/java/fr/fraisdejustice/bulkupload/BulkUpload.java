package fr.fraisdejustice.bulkupload;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dépôt flux: the file as received, where its processing stands, and what it gave. */
@Entity
@Table(name = "bulk_upload")
class BulkUpload {

    enum Status { RECU, EN_COURS, TERMINE, REJETE }

    @Id
    private UUID id;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "file_name")
    private String fileName;

    private String sha256;

    private byte[] content;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    private int total;

    private int processed;

    private int sent;

    private int refused;

    private String error;

    @Column(name = "error_line")
    private Integer errorLine;

    @Column(name = "error_element")
    private String errorElement;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected BulkUpload() {
    }

    BulkUpload(UUID accountId, String fileName, String sha256, byte[] content, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.content = content;
        this.status = Status.RECU;
        this.createdAt = now;
    }

    void start(int total) {
        this.status = Status.EN_COURS;
        this.total = total;
    }

    void progress(int processed, int sent, int refused) {
        this.processed = processed;
        this.sent = sent;
        this.refused = refused;
    }

    void finish(Instant now) {
        this.status = Status.TERMINE;
        this.finishedAt = now;
    }

    /** Stopped by a failure of ours: what was sent stays sent, the rest is reported as not processed. */
    void interrupt(String detail, Instant now) {
        this.status = Status.TERMINE;
        this.error = detail;
        this.finishedAt = now;
    }

    void reject(int line, String element, String detail, Instant now) {
        this.status = Status.REJETE;
        this.errorLine = line;
        this.errorElement = element;
        this.error = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        this.finishedAt = now;
    }

    UUID id() { return id; }
    UUID accountId() { return accountId; }
    String fileName() { return fileName; }
    byte[] content() { return content; }
    Status status() { return status; }
    int total() { return total; }
    int processed() { return processed; }
    int sent() { return sent; }
    int refused() { return refused; }
    String error() { return error; }
    Integer errorLine() { return errorLine; }
    String errorElement() { return errorElement; }
    Instant createdAt() { return createdAt; }
    Instant finishedAt() { return finishedAt; }
}
