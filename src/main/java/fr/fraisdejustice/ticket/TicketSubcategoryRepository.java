package fr.fraisdejustice.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketSubcategoryRepository extends JpaRepository<TicketSubcategory, String> {

    List<TicketSubcategory> findAllByOrderByPosition();
}
