package fr.fraisdejustice.memoire;

import fr.fraisdejustice.structure.ProviderCategory;

/**
 * The types de prestation a mémoire line may bill, per catégorie de prestataire, with the unit they are counted in.
 * Whether a type is tariffed, and at what price, is {@code dmn/tariffs.dmn}'s to say.
 */
public enum ServiceType {
    TRADUCTION_ECRITE(ProviderCategory.INTERPRETE_TRADUCTEUR, "Traduction écrite", "page de 250 mots"),
    INTERPRETARIAT_ORAL(ProviderCategory.INTERPRETE_TRADUCTEUR, "Interprétariat (oral)", "heure commencée"),
    ENQUETE_IP1(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête sociale ou de personnalité, personne physique — IP1", "enquête"),
    ENQUETE_IP2(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête sociale ou de personnalité, personne physique — IP2", "enquête"),
    ENQUETE_IP3(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête sociale ou de personnalité, personne physique — IP3", "enquête"),
    ENQUETE_IP4(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête sociale ou de personnalité, personne physique — IP4", "enquête"),
    ENQUETE_IP5(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête sociale ou de personnalité, personne physique — IP5", "enquête"),
    ENQUETE_IP6(ProviderCategory.ENQUETEUR_SOCIAL, "Carence — IP6", "enquête"),
    ENQUETE_IA1(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête par une association — IA1", "enquête"),
    ENQUETE_IA2(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête par une association — IA2", "enquête"),
    ENQUETE_IA3(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête par une association — IA3", "enquête"),
    ENQUETE_IA4(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête par une association — IA4", "enquête"),
    ENQUETE_IA5(ProviderCategory.ENQUETEUR_SOCIAL, "Enquête par une association — IA5", "enquête"),
    ENQUETE_IA6(ProviderCategory.ENQUETEUR_SOCIAL, "Carence, association — IA6", "enquête"),
    UNITE_DE_VALEUR_DELEGUE(ProviderCategory.DELEGUE_MEDIATEUR_PROCUREUR, "Mesure du délégué ou médiateur du procureur", "unité de valeur"),
    EXPERTISE(ProviderCategory.EXPERT, "Expertise (sur devis au-delà de 460 € HT, R.107)", "forfait"),
    EXPERTISE_MEDICALE(ProviderCategory.MEDECIN, "Examen ou expertise médicale", "acte"),
    EXPERTISE_PSYCHOLOGIQUE(ProviderCategory.PSYCHOLOGUE, "Examen ou expertise psychologique", "acte"),
    ADMINISTRATION_AD_HOC(ProviderCategory.ADMINISTRATEUR_AD_HOC, "Mission d'administrateur ad hoc", "mission"),
    ANALYSE_LABORATOIRE(ProviderCategory.LABORATOIRE, "Analyse de laboratoire", "analyse"),
    GARDIENNAGE(ProviderCategory.GARDIENNAGE_FOURRIERE, "Enlèvement, garde ou gardiennage", "jour"),
    REQUISITION_TELECOM(ProviderCategory.OPERATEUR_TELECOM, "Réponse à une réquisition", "réquisition"),
    AUTRE_PRESTATION(ProviderCategory.AUTRE, "Autre prestation", "unité");

    private final ProviderCategory category;
    private final String label;
    private final String unit;

    ServiceType(ProviderCategory category, String label, String unit) {
        this.category = category;
        this.label = label;
        this.unit = unit;
    }

    public ProviderCategory category() {
        return category;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
