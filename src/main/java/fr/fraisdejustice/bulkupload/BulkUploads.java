package fr.fraisdejustice.bulkupload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.shared.SecureTokens;

/**
 * Dépôt flux: the file is stored and answered at once; the {@code bulk-upload} process's job reads it twice, first to
 * refuse a malformed file as a whole (with its line and element), then to send each mémoire in its own transaction, so
 * the good ones land and each refused one is reported with its reasons; a few senders work side by side
 * ({@code fdj.bulk-upload.workers}). A retried job skips what it already reported.
 */
@Service
class BulkUploads {

    static final String PROCESS_KEY = "bulk-upload";
    static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final int PROGRESS_EVERY = 25;
    private static final Logger LOG = LoggerFactory.getLogger(BulkUploads.class);
    static final String TECHNICAL_FAILURE = "Ce mémoire n'a pas pu être traité à cause d'une erreur technique de notre "
            + "côté : rien n'en a été enregistré. Déposez-le à nouveau, ou saisissez-le dans le portail.";
    static final String NOT_PROCESSED = "Non traité : le dépôt s'est interrompu avant ce mémoire. Déposez-le à nouveau.";

    record Received(UUID uploadId, BulkUpload.Status status) {
    }

    record Report(UUID uploadId, String fileName, BulkUpload.Status status, int total, int processed, int sent,
                  int refused, String error, Integer errorLine, String errorElement, List<ReportItem> items) {
    }

    record ReportItem(int position, String reference, String mjNumber, String status, List<String> reasons) {
    }

    private final BulkUploadRepository uploads;
    private final FluxMemoireSender sender;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final TransactionTemplate eachOnItsOwn;
    private final Clock clock;

    private final int workers;

    BulkUploads(BulkUploadRepository uploads, FluxMemoireSender sender, RuntimeService runtime,
                PlatformTransactionManager transactions, @Value("${fdj.bulk-upload.workers:3}") int workers, Clock clock) {
        this.workers = workers;
        this.uploads = uploads;
        this.sender = sender;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactions);
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Received receive(MultipartFile file, UUID accountId) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalidField("file", "REQUIRED", "Joignez le fichier XML du dépôt flux.");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "FLUX_TOO_LARGE", "Un dépôt flux pèse au plus "
                    + MAX_BYTES / 1024 / 1024 + " Mo : partagez vos mémoires entre plusieurs fichiers.");
        }
        byte[] content = bytes(file);
        String start = new String(content, 0, Math.min(content.length, 200), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        if (!start.startsWith("<") && !start.startsWith("\uFEFF<")) {
            throw DomainException.invalidField("file", "NOT_XML", "Ce fichier n'est pas un XML : déposez un fichier au format depot-flux.xsd.");
        }
        String sha256 = SecureTokens.sha256(content);
        String name = file.getOriginalFilename() == null ? "depot-flux.xml" : file.getOriginalFilename();
        return transaction.execute(status -> {
            uploads.findByAccountIdAndSha256(accountId, sha256).ifPresent(previous -> {
                throw new DomainException(DomainException.Kind.CONFLICT, "DUPLICATE_UPLOAD", "Ce fichier a déjà été déposé le "
                        + fr.fraisdejustice.shared.FrenchDates.dateTime(previous.createdAt())
                        + " : il n'est pas traité une seconde fois. Consultez son compte rendu.")
                        .with("uploadId", previous.id().toString());
            });
            BulkUpload upload = uploads.save(new BulkUpload(accountId, name.length() > 200 ? name.substring(0, 200) : name,
                    sha256, content, clock.instant()));
            runtime.startProcessInstanceByKey(PROCESS_KEY, upload.id().toString());
            return new Received(upload.id(), upload.status());
        });
    }

    /**
     * The background job: checks the whole file, then sends its mémoires one by one. Whatever fails, the upload ends
     * in a final status with a line per mémoire; only when even that cannot be written (the database gone) does the
     * job fail, to be retried by the engine.
     */
    void process(UUID uploadId) {
        BulkUpload upload = transaction.execute(status -> uploads.findById(uploadId).orElseThrow());
        if (upload.status() == BulkUpload.Status.TERMINE || upload.status() == BulkUpload.Status.REJETE) {
            return;
        }
        try {
            readAndSend(upload);
        } catch (RuntimeException failure) {
            LOG.error("Dépôt flux {} interrompu", uploadId, failure);
            endInterrupted(upload, failure);
        }
    }

    private void endInterrupted(BulkUpload upload, RuntimeException failure) {
        try {
            UUID uploadId = upload.id();
            int total = transaction.execute(status -> uploads.findById(uploadId).orElseThrow().total());
            for (int position = 1; position <= total; position++) {
                if (!uploads.hasItem(uploadId, position)) {
                    int unprocessed = position;
                    eachOnItsOwn.executeWithoutResult(status -> uploads.addItem(uploadId, unprocessed, null, null,
                            "REFUSE", NOT_PROCESSED));
                }
            }
            progress(uploadId, total);
            update(uploadId, u -> u.interrupt("Le traitement s'est interrompu sur une erreur technique de notre côté : "
                    + "les mémoires envoyés le restent, les autres sont marqués « non traité » ; déposez-les à nouveau "
                    + "dans un nouveau fichier.", clock.instant()));
        } catch (RuntimeException unwritable) {
            failure.addSuppressed(unwritable);
            throw failure;
        }
    }

    private void readAndSend(BulkUpload upload) {
        UUID uploadId = upload.id();
        int total;
        try {
            total = FluxReader.read(new ByteArrayInputStream(upload.content()), (position, memoire) -> { });
        } catch (FluxReader.FluxException e) {
            update(uploadId, u -> u.reject(e.line, e.element, e.getMessage(), clock.instant()));
            return;
        }
        update(uploadId, u -> u.start(total));
        ExecutorService senders = Executors.newFixedThreadPool(workers);
        Semaphore window = new Semaphore(workers * 4);  // the reader stays a few mémoires ahead, never the whole file
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        try {
            FluxReader.read(new ByteArrayInputStream(upload.content()), (position, memoire) -> {
                window.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        if (!uploads.hasItem(uploadId, position)) {
                            sendOne(uploadId, position, memoire, upload.accountId());
                        }
                        int processed = done.incrementAndGet();
                        if (processed % PROGRESS_EVERY == 0) {
                            progress(uploadId, processed);
                        }
                    } catch (Throwable failure) {
                        firstFailure.compareAndSet(null, failure);
                    } finally {
                        window.release();
                    }
                });
            });
        } catch (FluxReader.FluxException e) {
            throw new IllegalStateException("Le fichier a changé entre ses deux lectures", e);
        } finally {
            senders.shutdown();
        }
        try {
            // every sender done before anything is concluded: an interrupted run must not race with one still sending
            senders.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Dépôt flux interrompu", e);
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException("Dépôt flux interrompu : " + firstFailure.get().getMessage(), firstFailure.get());
        }
        progress(uploadId, total);
        update(uploadId, u -> u.finish(clock.instant()));
    }

    private synchronized void progress(UUID uploadId, int processed) {
        int sent = uploads.countItems(uploadId, "ENVOYE");
        int refused = uploads.countItems(uploadId, "REFUSE");
        update(uploadId, u -> u.progress(Math.max(processed, u.processed()), sent, refused));
    }

    private void sendOne(UUID uploadId, int position, FluxReader.Node memoire, UUID accountId) {
        String reference = memoire.attributes().get("reference");
        String shortReference = reference == null ? null : reference.length() > 100 ? reference.substring(0, 100) : reference;
        try {
            eachOnItsOwn.executeWithoutResult(status -> {
                String mj = sender.send(memoire, accountId);
                uploads.addItem(uploadId, position, shortReference, mj, "ENVOYE", null);
            });
        } catch (DomainException e) {
            List<String> reasons = new ArrayList<>();
            reasons.add(e.getMessage());
            if (e.errors() != null) {
                e.errors().stream().map(FieldProblem::detail).forEach(reasons::add);
            }
            String joined = String.join("\n", reasons);
            eachOnItsOwn.executeWithoutResult(status -> uploads.addItem(uploadId, position, shortReference, null, "REFUSE",
                    joined.length() > 4000 ? joined.substring(0, 4000) : joined));
        } catch (RuntimeException e) {
            LOG.error("Dépôt flux {} : le mémoire n° {} a échoué", uploadId, position, e);
            eachOnItsOwn.executeWithoutResult(status -> uploads.addItem(uploadId, position, shortReference, null, "REFUSE",
                    TECHNICAL_FAILURE));
        }
    }

    Report report(UUID uploadId, UUID accountId) {
        return transaction.execute(status -> {
            BulkUpload upload = uploads.findById(uploadId).filter(u -> u.accountId().equals(accountId))
                    .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "UPLOAD_NOT_FOUND",
                            "Aucun de vos dépôts flux ne porte cet identifiant."));
            List<ReportItem> items = uploads.items(uploadId).stream().map(i -> new ReportItem(i.getPosition(),
                    i.getReference(), i.getMjNumber(), i.getStatus(),
                    i.getReasons() == null ? List.of() : List.of(i.getReasons().split("\n")))).collect(Collectors.toList());
            return new Report(upload.id(), upload.fileName(), upload.status(), upload.total(), upload.processed(),
                    upload.sent(), upload.refused(), upload.error(), upload.errorLine(), upload.errorElement(), items);
        });
    }

    private void update(UUID uploadId, java.util.function.Consumer<BulkUpload> change) {
        eachOnItsOwn.executeWithoutResult(status -> change.accept(uploads.findById(uploadId).orElseThrow()));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
