import { toOriginal, type FoldedText } from './fold';
import {
  SECRECY_CITATION,
  confirmationMessage,
  healthDetailMessage,
  type ConfirmationTopic,
} from './messages';
import type { FlagKind, RawFlag, SecrecySeverity } from './types';

/**
 * Phrases that confirm the author is a patient, written against the folded text (lower case,
 * no accents, plain apostrophes), so "reçu" is written "recu" here.
 *
 * Deliberately NOT flagged: "votre prise en charge (médicale)" and "les questions relatives à
 * votre prise en charge". They are the CNOM's own model wording (guide, annexe 1), which the app
 * offers as templates: they echo what the author wrote without adding anything the doctor knows.
 * Flagging them would put warnings on the recommended replies and teach users to ignore the
 * check. Health words next to them ("votre prise en charge du diabète") are still flagged.
 */

interface Phrase {
  readonly re: RegExp;
  readonly kind: FlagKind;
  readonly severity: SecrecySeverity;
  readonly topic?: ConfirmationTopic;
}

const YOUR = '(?:votre|vos|ta|ton|tes)';
const RDV = '(?:rendez\\s*-?\\s*vous|rdv)';
// "votre visite sur notre site" is about the website, not the cabinet.
const VISIT =
  '(?:consultations?|venues?|visites?|passages?|seances?|hospitalisations?|sejours?)' +
  '(?!\\s+sur\\s+(?:notre|le|ce|la|cette)\\s+(?:site|page|fiche))';
const ORDINAL =
  '(?:dernier|derniere|derniers|dernieres|precedent|precedente|precedents|premier|premiere|' +
  'prochain|prochaine|prochains|recent|recente)';
const WHEN_VISIT =
  "(?:lors|pendant|durant|au\\s+cours|a\\s+l'issue|a\\s+la\\s+suite|suite|apres|a\\s+la\\s+fin)";
const RDV_QUALIFIER =
  "(?:du|de(?=\\s+\\d)|d'hier|de\\s+(?:ce|cette|lundi|mardi|mercredi|jeudi|vendredi|samedi)|" +
  'dernier|passe|precedent|avec\\s+(?:le|la|moi)|au\\s+cabinet|chez)';
const CAME = '(?:venue?s?|passee?s?|arrivee?s?)';
const CARED =
  '(?:recue?s?|examinee?s?|soignee?s?|auscultee?s?|operee?s?|vue?s?|suivie?s?|' +
  'prise?s?\\s+en\\s+charge|vaccinee?s?|accueillie?s?|consultee?s?|' +
  'hospitalisee?s?|traitee?s?|diagnostiquee?s?|rencontree?s?|prescrit)';
const SAID =
  '(?:dit|explique|indique|precise|expose|mentionne|annonce|signale|conseille|recommande|parle)';
const RECORDS =
  '(?:resultats?|traitements?|ordonnances?|prescriptions?|certificats?(?:\\s+medica(?:l|ux))?|' +
  'comptes?\\s*-?\\s*rendus?|feuilles?\\s+de\\s+soins|arrets?\\s+de\\s+travail|' +
  'arrets?\\s+maladie|carnets?\\s+de\\s+(?:sante|vaccination)|medicaments?|soins|' +
  'suivi(?:\\s+medical)?|medecin\\s+traitant|protocoles?|posologie)';
const RECORD_ADJ =
  '(?:(?:dernier|derniere|derniers|dernieres|nouveau|nouvelle|nouveaux|nouvelles|ancien|' +
  'ancienne|anciens|anciennes|precedent|precedente|precedents|precedentes)\\s+)?';
const PATIENT = 'patiente?s?';
const PATIENT_ADJ = '(?:(?:fidele|fideles|ancien|ancienne|anciens|nouveau|nouvelle|jeune)\\s+)?';

function phrase(
  source: string,
  kind: FlagKind,
  severity: SecrecySeverity,
  topic?: ConfirmationTopic,
): Phrase {
  const re = new RegExp(`\\b${source}\\b`, 'g');
  return topic === undefined ? { re, kind, severity } : { re, kind, severity, topic };
}

const confirm = (source: string, topic: ConfirmationTopic, severity: SecrecySeverity = 'alerte') =>
  phrase(source, 'patient-confirmation', severity, topic);

const PHRASES: readonly Phrase[] = [
  // A visit: "lors de votre consultation", "votre dernier rendez-vous", "votre rendez-vous du".
  confirm(
    `(?:${WHEN_VISIT}\\s+(?:de\\s+|d'|a\\s+)?)?${YOUR}\\s+(?:${ORDINAL}\\s+)?${VISIT}`,
    'visit',
  ),
  confirm(`${WHEN_VISIT}\\s+(?:de\\s+|d'|a\\s+)?${YOUR}\\s+(?:${ORDINAL}\\s+)?${RDV}`, 'visit'),
  confirm(`${YOUR}\\s+${ORDINAL}\\s+${RDV}`, 'visit'),
  confirm(`${YOUR}\\s+${RDV}\\s+${RDV_QUALIFIER}`, 'visit'),
  // A bare "votre rendez-vous" may be an invitation to make one: the user decides.
  confirm(`${YOUR}\\s+${RDV}`, 'visit', 'attention'),
  confirm(
    `(?:quand|lorsque|lorsqu'|le\\s+jour\\s+ou|la\\s+derniere\\s+fois\\s+que|la\\s+fois\\s+ou)` +
      `\\s*vous\\s+(?:etes|etiez)\\s+${CAME}`,
    'visit',
  ),
  confirm(
    `vous\\s+(?:etes|etiez)\\s+${CAME}\\s+(?:au\\s+cabinet|consulter|nous\\s+voir|me\\s+voir|` +
      'en\\s+consultation|pour)',
    'visit',
  ),
  confirm(`vous\\s+(?:etes|etiez)\\s+venue?s?`, 'visit', 'attention'),
  confirm(`vous\\s+(?:avez|aviez)\\s+consulte`, 'visit'),
  // Care given: "je vous ai reçue", "vous avez été opéré".
  confirm(
    `(?:je|nous)\\s+vous\\s+(?:ai|avons|avais|avions)\\s+(?:deja\\s+|bien\\s+)?${CARED}`,
    'care',
  ),
  confirm(`vous\\s+(?:avez|aviez)\\s+ete\\s+(?:bien\\s+)?${CARED}`, 'care'),
  confirm(
    `vous\\s+(?:suivre|suivons|suivrons|suivrai|suivais|suivions|suivait|suivaient|suit)` +
      '(?!\\s+(?:dans|sur|sans)\\b)',
    'care',
  ),
  confirm(`vous\\s+(?:etes|etiez)\\s+suivie?s?`, 'care'),
  // Records and documents: "votre dossier médical", "vos résultats", "votre traitement".
  confirm(`${YOUR}\\s+dossiers?(?:\\s+(?:medical|medicaux|patient|de\\s+soins))?`, 'record'),
  confirm(`${YOUR}\\s+${RECORD_ADJ}${RECORDS}`, 'record'),
  // Status: "en tant que patiente du cabinet", "notre patient", "vous êtes une patiente".
  confirm(
    `en\\s+tant\\s+que\\s+${PATIENT}(?:\\s+(?:du|de\\s+notre|de\\s+ce)\\s+cabinet)?`,
    'status',
  ),
  confirm(`(?:notre|mon|ma)\\s+(?:jeune\\s+)?patiente?`, 'status'),
  confirm(
    `vous\\s+(?:etes|etiez|avez\\s+ete)\\s+(?:(?:un|une|notre|mon|ma|nos|mes|des|parmi\\s+nos|` +
      `parmi\\s+mes)\\s+)?${PATIENT_ADJ}${PATIENT}`,
    'status',
  ),
  // A conversation in consultation: "comme je vous l'ai expliqué", "vous m'avez dit".
  confirm(
    `comme\\s+(?:je|nous)\\s+vous\\s+(?:l'|le\\s+)?(?:ai|avons|avais|avions)\\s+` +
      `(?:deja\\s+)?${SAID}`,
    'conversation',
  ),
  confirm(
    `(?:je|nous)\\s+vous\\s+(?:l'|en\\s+)?(?:ai|avons|avais|avions)\\s+(?:deja\\s+)?${SAID}`,
    'conversation',
  ),
  confirm(
    "vous\\s+m'(?:avez|aviez)\\s+" +
      '(?:dit|explique|parle|confie|montre|decrit|raconte|appele|appelle)',
    'conversation',
  ),
  // Memory: "je me souviens de vous".
  confirm(
    `je\\s+me\\s+(?:souviens|rappelle)\\s+(?:tres\\s+bien\\s+|bien\\s+|parfaitement\\s+)?` +
      `(?:de\\s+)?(?:vous|votre|vos)`,
    'memory',
  ),
  confirm(`je\\s+vous\\s+connais`, 'memory'),
  // Waiting: only a hint of a visit, the CNOM model itself speaks of waiting times in general.
  confirm(
    `vous\\s+(?:avez|aviez)\\s+(?:attendu|patiente|du\\s+attendre|du\\s+patienter)`,
    'waiting',
    'attention',
  ),
  // The author's health described back: "vous souffrez de".
  phrase(
    `vous\\s+(?:souffrez|souffriez|avez\\s+souffert|aviez\\s+souffert)(?:\\s+(?:de|du|des|d'))?`,
    'answers-health-detail',
    'alerte',
  ),
];

export function matchPhrases(original: string, folded: FoldedText): RawFlag[] {
  const flags: RawFlag[] = [];
  for (const p of PHRASES) {
    for (const m of folded.text.matchAll(p.re)) {
      const [start, end] = toOriginal(folded, m.index, m.index + m[0].length);
      const excerpt = original.slice(start, end);
      const message =
        p.topic === undefined
          ? healthDetailMessage(excerpt)
          : confirmationMessage(excerpt, p.topic);
      flags.push({
        kind: p.kind,
        severity: p.severity,
        start,
        end,
        message,
        rule: SECRECY_CITATION,
      });
    }
  }
  return flags;
}
