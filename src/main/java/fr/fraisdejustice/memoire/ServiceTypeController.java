package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.ProviderCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Référentiel")
class ServiceTypeController {

    private final Tariffs tariffs;

    ServiceTypeController(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    @GetMapping("/api/reference/service-types")
    @Operation(summary = "Les types de prestation d'une catégorie, tarifés ou non, avec leur tarif de référence (anonyme)")
    List<ServiceTypeView> serviceTypes(@RequestParam(required = false) String category) {
        ProviderCategory wanted = parse(category);
        return Arrays.stream(ServiceType.values())
                .filter(type -> wanted == null || type.category() == wanted)
                .map(type -> {
                    Tariffs.Tariff tariff = tariffs.of(type, Tariffs.Circumstances.ORDINARY);
                    return new ServiceTypeView(type.name(), type.label(), type.category().name(), type.unit(),
                            tariff.tariffed(), tariff.unitPriceExclVat().orElse(null));
                })
                .toList();
    }

    private static ProviderCategory parse(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return ProviderCategory.valueOf(category.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("category", "INVALID_VALUE",
                    "Catégorie inconnue : la liste est donnée par GET /api/reference/provider-categories.");
        }
    }

    record ServiceTypeView(String code, String label, String category, String unit, boolean tariffed,
                           BigDecimal unitPriceExclVat) {
    }
}
