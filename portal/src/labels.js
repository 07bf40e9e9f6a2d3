// What users read instead of codes.
export const TYPES = { TRIBUNAL_JUDICIAIRE: 'Tribunal judiciaire', COUR_APPEL: "Cour d'appel" };
export const ROLES = {
  PRINCIPAL_MANAGER: 'Gestionnaire principal',
  MANAGER: 'Gestionnaire',
  USER: 'Utilisateur',
  MEMBERSHIP_REQUESTED: 'Rattachement demandé',
  MEMBERSHIP_REFUSED: 'Rattachement refusé',
};
export const PROFILES = {
  FRAIS_DE_JUSTICE_CONSULTATION: 'Frais de justice consultation',
  FRAIS_DE_JUSTICE_MODIFICATION: 'Frais de justice modification',
};
export const MEMOIRE_STATUSES = {
  BROUILLON: 'Brouillon', DEPOSE: 'Envoyé', MIS_A_DISPOSITION: 'Mis à disposition', SUSPENDU: 'Suspendu',
  COMPLETE: 'Complété', CERTIFIE: 'Certifié', TAXE: 'Taxé', REFUSE: 'Refusé', ABANDONNE: 'Abandonné',
  DUPLIQUE_POST_REFUS: 'Dupliqué post refus', MANDATE: 'Mandaté', MIS_EN_PAIEMENT: 'Mis en paiement',
};
export const STATUSES = { ACTIVE: 'Actif', PENDING_ACTIVATION: "En attente d'activation", ACTIVATION_EXPIRED: 'Activation expirée' };
export const TICKET_STATUSES = {
  BROUILLON: 'Brouillon', OUVERT: 'Ouvert', EN_COURS: 'En cours', ACTION_REQUISE: 'Action requise', RESOLU: 'Résolu',
  CLOTURE: 'Clôturé',
};
export const MANDATE_STATUSES = {
  PENDING_SIGNATURE: 'En attente de signature', ACTIVE: 'Actif', REVOQUE: 'Révoqué', EXPIRED: 'Expiré',
};
export const REGIMES = { COSP: 'Collaborateur occasionnel du service public (COSP)', INDEPENDANT: 'Indépendant' };
export const IDENTIFIER_TYPES = {
  SIRET: 'SIRET', UE_HORS_FRANCE: 'n° Union européenne hors France', HORS_UE: 'n° hors Union européenne',
  RIDET: 'RIDET', TAHITI: 'n° Tahiti', PARTICULIER: 'particulier', AUTRE: "en cours d'immatriculation",
};
// Issue #19, the analysts' page: the values decision tables give, and the kinds of model deployments.
export const DECISION_VALUES = {
  CERTIFICATION: 'Certification', TAXATION: 'Taxation', FORMAL: 'Contrôle formel', THOROUGH: 'Contrôle approfondi',
  true: 'Oui', false: 'Non', '(vide)': '(vide)',
};
export const DEPLOYMENT_KINDS = { LIVE: 'Déploiement', ROLLBACK: 'Retour à la version précédente', START: 'Au démarrage' };
export const MODEL_TYPES = { DMN: 'Table de décision', BPMN: 'Processus', FORM: 'Formulaire' };
