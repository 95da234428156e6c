/**
 * The French wording of flags. Each message says why the words are a problem and what to write
 * instead; the `rule` field carries the citation on its own so the UI can show it apart.
 */

/** The legal basis of medical secrecy (legal-facts.md, "Medical secrecy in public replies"). */
export const SECRECY_CITATION = 'CSP art. R.4127-4 et L1110-4 ; Code pénal art. 226-13';

/** The CNOM's advice to move the exchange to the cabinet's professional contact details. */
export const PRIVATE_CHANNEL_CITATION =
  'CNOM, « Préserver sa réputation numérique » (2018) : renvoyer vers les coordonnées du cabinet';

export const SECRECY_RULE =
  'Secret médical (Code de la santé publique, art. R.4127-4 et L1110-4 ; ' +
  'Code pénal, art. 226-13 : un an d’emprisonnement et 15 000 € d’amende). Il couvre tout ce ' +
  'que le médecin a vu, entendu ou compris, y compris le fait même qu’une personne soit sa ' +
  'patiente, et le patient ne peut pas en délier le médecin. Une réponse publique ne confirme ' +
  'donc jamais que l’auteur est patient, ne cite ni personne, ni date de venue, ni diagnostic, ' +
  'traitement ou examen, et propose de poursuivre l’échange par le téléphone ou l’e-mail du ' +
  'cabinet.';

const SECRET = `(secret médical : ${SECRECY_CITATION})`;

export type ConfirmationTopic =
  'visit' | 'care' | 'record' | 'status' | 'conversation' | 'memory' | 'waiting';

const CONFIRMATION: Readonly<Record<ConfirmationTopic, string>> = {
  visit: 'situe une venue de l’auteur au cabinet',
  care: 'affirme que l’auteur a été reçu ou soigné',
  record: 'suppose que l’auteur a un dossier, un traitement ou des documents médicaux au cabinet',
  status: 'désigne l’auteur comme patient',
  conversation: 'rappelle un échange qui a eu lieu en consultation',
  memory: 'montre que le médecin connaît l’auteur',
  waiting: 'peut laisser entendre que l’auteur est venu au cabinet',
};

export function confirmationMessage(excerpt: string, topic: ConfirmationTopic): string {
  return (
    `« ${excerpt} » ${CONFIRMATION[topic]}. Le simple fait d’être patient est couvert par le ` +
    `secret ${SECRET}. Préférez une formule qui ne suppose rien, comme « les points que vous ` +
    'soulevez », et proposez d’en parler par téléphone ou par e-mail.'
  );
}

export type HealthCategory =
  'diagnostic' | 'symptome' | 'traitement' | 'examen' | 'soin' | 'specialite';

const HEALTH: Readonly<Record<HealthCategory, string>> = {
  diagnostic: 'nomme une maladie ou un état de santé',
  symptome: 'décrit un symptôme',
  traitement: 'désigne un traitement, un médicament ou une prescription',
  examen: 'désigne un examen médical',
  soin: 'évoque un soin ou un lieu de soins',
  specialite: 'désigne une spécialité ou un soignant, ce qui peut révéler le motif d’une venue',
};

export function healthTermMessage(excerpt: string, category: HealthCategory): string {
  if (category === 'specialite') {
    return (
      `« ${excerpt} » ${HEALTH[category]}. Vérifiez que cette mention ne renseigne pas sur la ` +
      `santé de l’auteur ${SECRET}.`
    );
  }
  return (
    `« ${excerpt} » ${HEALTH[category]}. Même en termes généraux, le citer en réponse à un avis ` +
    `laisse deviner une information de santé ${SECRET}. Retirez ce terme.`
  );
}

export function healthDetailMessage(excerpt: string): string {
  return (
    `« ${excerpt} » répond à un détail de santé de l’auteur ou d’un proche. Commenter ` +
    `publiquement son état, même pour compatir, confirme une information médicale ${SECRET}. ` +
    'Réservez ces points à un échange privé.'
  );
}

export function dateMessage(excerpt: string, precise: boolean): string {
  return precise
    ? `« ${excerpt} » date une venue au cabinet : une date de rendez-vous confirme que l’auteur ` +
        `a consulté ${SECRET}. Retirez-la.`
    : `« ${excerpt} » peut situer une venue au cabinet. Si ce moment renvoie à une consultation, ` +
        `retirez-le ${SECRET}.`;
}

export function nameMessage(excerpt: string, listed: boolean): string {
  const why = listed
    ? 'figure parmi les noms à ne jamais citer (auteur de l’avis, personnel du cabinet)'
    : 'est un nom de personne';
  return (
    `« ${excerpt} » ${why}. Nommer quelqu’un dans une réponse publique peut identifier un ` +
    `patient ou un proche ${SECRET}. Écrivez « Madame, Monsieur » sans nom.`
  );
}

export type ContactSort = 'phone' | 'email' | 'address';

const CONTACT: Readonly<Record<ContactSort, string>> = {
  phone: 'n’est pas un numéro du cabinet',
  email: 'n’est pas une adresse e-mail du cabinet',
  address: 'n’est pas l’adresse du cabinet',
};

export function contactMessage(excerpt: string, sort: ContactSort, configured: boolean): string {
  const hint = configured
    ? ''
    : ' Les coordonnées du cabinet ne sont pas renseignées : ajoutez-les dans les réglages.';
  return (
    `« ${excerpt} » ${CONTACT[sort]}. Une réponse publique ne renvoie qu’aux coordonnées ` +
    'professionnelles du cabinet ; une coordonnée personnelle ou celle d’un tiers expose des ' +
    `données privées.${hint}`
  );
}
