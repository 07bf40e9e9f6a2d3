package fr.fraisdejustice.memoire;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemoireAttachmentRepository extends JpaRepository<MemoireAttachment, UUID> {

    List<MemoireAttachment> findByMemoireIdOrderByCreatedAt(UUID memoireId);

    /** What a fingerprint needs of each attachment, without loading its content. */
    interface Summary {
        UUID getId();

        AttachmentKind getKind();

        String getFileName();

        String getSha256();
    }

    @Query("select a.id as id, a.kind as kind, a.fileName as fileName, a.sha256 as sha256 from MemoireAttachment a "
            + "where a.memoireId = :memoireId")
    List<Summary> summaries(UUID memoireId);

    /** What the staff's task forms list of each attachment, in the order they were added, without their content. */
    interface Listed {
        UUID getId();

        AttachmentKind getKind();

        String getFileName();

        UUID getLineId();

        String getDesignation();
    }

    @Query("select a.id as id, a.kind as kind, a.fileName as fileName, a.lineId as lineId, a.designation as designation "
            + "from MemoireAttachment a "
            + "where a.memoireId = :memoireId order by a.createdAt")
    List<Listed> listed(UUID memoireId);

    /** A document of another mémoire of the structure, without its content (« pièces disponibles »). */
    interface Available {
        UUID getId();

        AttachmentKind getKind();

        String getFileName();

        String getDesignation();

        String getSha256();

        long getSize();

        String getDraftNumber();

        String getMjNumber();
    }

    /** The structure's pièces jointes on its other mémoires, the newest first; the RIB attached at sending excepted. */
    @Query("select a.id as id, a.kind as kind, a.fileName as fileName, a.designation as designation, a.sha256 as sha256, "
            + "a.size as size, m.number as draftNumber, m.mjNumber as mjNumber from MemoireAttachment a, Memoire m "
            + "where a.memoireId = m.id and m.structureId = :structureId and m.id <> :memoireId "
            + "and a.kind <> fr.fraisdejustice.memoire.AttachmentKind.RIB order by a.createdAt desc")
    List<Available> availableFor(UUID structureId, UUID memoireId);

    @Query("select a.sha256 from MemoireAttachment a where a.memoireId = :memoireId")
    List<String> fingerprintsOf(UUID memoireId);

    @Query("select coalesce(sum(a.size), 0) from MemoireAttachment a where a.memoireId = :memoireId")
    long totalSize(UUID memoireId);
}
