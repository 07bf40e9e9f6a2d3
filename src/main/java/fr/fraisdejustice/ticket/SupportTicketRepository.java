package fr.fraisdejustice.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface SupportTicketRepository extends JpaRepository<SupportTicket, UUID> {

    Optional<SupportTicket> findByNumber(String number);

    /** Locks the ticket's row: two actions on one ticket run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from SupportTicket t where t.number = :number")
    Optional<SupportTicket> lockByNumber(String number);

    List<SupportTicket> findByStructureIdInAndStatusInOrderByUpdatedAtDesc(Collection<UUID> structureIds,
                                                                          Collection<TicketStatus> statuses);

    @Query(value = "select nextval('support_ticket_number')", nativeQuery = true)
    long nextNumber();
}
