package fr.fraisdejustice.bulkupload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BulkUploadRepository extends JpaRepository<BulkUpload, UUID> {

    Optional<BulkUpload> findByAccountIdAndSha256(UUID accountId, String sha256);

    /** One line of the report. */
    interface Item {
        int getPosition();

        String getReference();

        String getMjNumber();

        String getStatus();

        String getReasons();
    }

    @Query(value = "select position, reference, mj_number as mjNumber, status, reasons from bulk_upload_item "
            + "where upload_id = :uploadId order by position", nativeQuery = true)
    List<Item> items(UUID uploadId);

    @Query(value = "select count(*) > 0 from bulk_upload_item where upload_id = :uploadId and position = :position",
            nativeQuery = true)
    boolean hasItem(UUID uploadId, int position);

    @Modifying
    @Query(value = "insert into bulk_upload_item (upload_id, position, reference, mj_number, status, reasons) "
            + "values (:uploadId, :position, :reference, :mjNumber, :status, :reasons)", nativeQuery = true)
    void addItem(UUID uploadId, int position, String reference, String mjNumber, String status, String reasons);

    @Query(value = "select count(*) from bulk_upload_item where upload_id = :uploadId and status = :status", nativeQuery = true)
    int countItems(UUID uploadId, String status);
}
