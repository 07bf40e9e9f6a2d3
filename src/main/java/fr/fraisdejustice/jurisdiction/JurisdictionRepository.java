package fr.fraisdejustice.jurisdiction;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JurisdictionRepository extends JpaRepository<Jurisdiction, String> {

    @Query("""
            select j from Jurisdiction j
            where (:type is null or j.type = :type)
              and (:departement is null or j.departement = :departement)
            order by j.type, j.name""")
    List<Jurisdiction> search(JurisdictionType type, String departement);
}
