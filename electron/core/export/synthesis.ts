/**
 * '00 - Synthèse.docx': what the lawyer reads first. The cabinet, the facts, the exact words with
 * their address and date of first posting, the qualification and its articles, the deadlines with
 * the days left, what was done and when, where things stand, and the people involved.
 */
import { daysLeft, INDICATIVE_NOTE, PRESCRIPTION_WARNING } from '../../../shared/deadlines/engine';
import type { Deadline } from '../../../shared/deadlines/engine';
import {
  CASE_KIND_LABELS,
  CASE_STATUS_LABELS,
  CATEGORY_INFO,
  FIRST_POSTED_HOW_LABELS,
  OUTCOME_LABELS,
} from '../../../shared/domain/cases';
import type { ExportData } from './collect';
import { peopleSection } from './people';
import {
  bullet,
  field,
  frDate,
  heading,
  note,
  para,
  renderDocument,
  subheading,
  table,
  title,
  verbatim,
  type Block,
} from './docx-kit';

const STATE_LABELS = { 'a-faire': 'À faire', fait: 'Fait', ecarte: 'Écarté' } as const;
const CERTAINTY_NOTES = {
  sure: '',
  estimated: 'Calculée depuis une date estimée : l’échéance réelle peut être plus proche.',
  verify: 'Règle ou point de départ à faire confirmer par votre avocat.',
} as const;

function cabinet({ practice }: ExportData): Block[] {
  return [
    heading('1. Le cabinet'),
    ...field('Cabinet', practice.name),
    ...field('Médecin', practice.doctorName),
    ...field('N° RPPS', practice.rpps),
    ...field('Adresse', practice.address),
    ...field('Téléphone', practice.phone),
    ...field('Courriel', practice.email),
  ];
}

function facts({ detail }: ExportData): Block[] {
  const f = detail.fields;
  const rating =
    f.rating !== null && f.rating !== undefined
      ? `${String(f.rating).replace('.', ',')}${f.ratingMax ? ` sur ${f.ratingMax}` : ''}`
      : '';
  const posted = f.firstPosted
    ? `${frDate(f.firstPosted)}${f.firstPostedHow ? ` (${FIRST_POSTED_HOW_LABELS[f.firstPostedHow].toLowerCase()})` : ''}`
    : 'non renseignée';
  return [
    heading('2. Les faits'),
    ...field('Nature', CASE_KIND_LABELS[detail.kind]),
    ...field('Plateforme ou site', f.platform),
    ...field('Adresse (URL)', f.url),
    ...field('Auteur (pseudonyme)', f.authorPseudonym),
    ...field('Identité de l’auteur', f.authorIdentifiable ? f.authorIdentity : ''),
    ...field('Note attribuée', rating),
    ...field('Première mise en ligne', posted),
    ...field('Découverte par le cabinet', f.discovered ? frDate(f.discovered) : ''),
    ...field('Observations du cabinet', f.notes),
  ];
}

function words({ detail }: ExportData): Block[] {
  if (detail.texts.length === 0) return [];
  const current = detail.texts[detail.texts.length - 1]!;
  const out: Block[] = [
    heading('3. Les propos litigieux'),
    para(
      'Texte reproduit à l’identique, tel que relevé par le cabinet. Une action en diffamation ou ' +
        'en injure doit citer les propos exacts et viser le texte qui les réprime (loi du ' +
        '29 juillet 1881, art. 53).',
    ),
    ...field('Adresse (URL)', detail.fields.url || 'non renseignée'),
    ...field(
      'Première mise en ligne',
      detail.fields.firstPosted ? frDate(detail.fields.firstPosted) : 'non renseignée',
    ),
    ...field('Relevé le', `${frDate(current.capturedAt)} par ${current.by}`),
    verbatim(current.text),
  ];
  if (detail.texts.length > 1) {
    out.push(subheading('Versions antérieures du texte relevé'));
    for (const t of detail.texts.slice(0, -1).reverse()) {
      out.push(para(`Version ${t.version}, relevée le ${frDate(t.capturedAt)} par ${t.by}`));
      out.push(verbatim(t.text));
    }
    out.push(note(`Motif de la dernière correction : ${current.reason || 'non précisé'}.`));
  }
  return out;
}

function qualification({ detail }: ExportData): Block[] {
  const out: Block[] = [heading('4. Qualification proposée')];
  const q = detail.qualifications[0];
  if (!q) return [...out, para('Le contenu n’a pas encore été qualifié par le cabinet.')];
  if (q.lawful) {
    out.push(para('Contenu jugé licite mais désagréable : le cabinet y répond publiquement.'));
  } else {
    out.push(para('Contenu jugé illicite par le cabinet, au titre de :'));
    for (const c of q.categories) {
      out.push(bullet(`${CATEGORY_INFO[c].label} — ${CATEGORY_INFO[c].basis}`));
    }
  }
  out.push(...field('Observations', q.note));
  out.push(note(`Qualification du ${frDate(q.at)} par ${q.by}, à confirmer par l’avocat.`));
  return out;
}

function deadlineLines(d: Deadline, today: string): Block[] {
  const left = daysLeft(d, today);
  const count =
    left < 0
      ? `dépassée depuis ${-left} jour${left === -1 ? '' : 's'}`
      : left === 0
        ? 'expire aujourd’hui'
        : `${left} jour${left === 1 ? '' : 's'} restant${left === 1 ? '' : 's'}`;
  const out: Block[] = [
    subheading(d.label),
    ...field('Échéance', `${frDate(d.effective)} (${count})`),
    ...field('Agir de préférence avant le', frDate(d.recommendedBy)),
    ...field('Point de départ', `${d.runsFrom.label}, ${frDate(d.runsFrom.date)}`),
    ...field('Règle', d.rule),
    ...field('Texte', d.article),
  ];
  if (CERTAINTY_NOTES[d.certainty]) out.push(note(CERTAINTY_NOTES[d.certainty]));
  // The indicative warning closes the section once, not after every deadline.
  for (const n of d.notes) if (n !== INDICATIVE_NOTE) out.push(note(n));
  return out;
}

function deadlines(data: ExportData): Block[] {
  const out: Block[] = [heading('5. Échéances au ' + frDate(data.today))];
  for (const w of data.deadlineWarnings) out.push(para(`Attention : ${w}`));
  if (data.deadlines.length === 0) {
    return [...out, para('Aucune échéance calculée pour ce dossier.')];
  }
  if (data.deadlines.some((d) => d.kind === 'prescription')) out.push(para(PRESCRIPTION_WARNING));
  for (const d of data.deadlines) out.push(...deadlineLines(d, data.today));
  out.push(note(INDICATIVE_NOTE));
  return out;
}

function steps(data: ExportData): Block[] {
  const { detail, letters, correspondence } = data;
  const out: Block[] = [heading('6. Démarches effectuées')];
  if (detail.steps.length > 0) {
    const rows = detail.steps.map((s) => [
      s.label,
      STATE_LABELS[s.state],
      s.state === 'fait' ? frDate(s.date, false) : s.state === 'ecarte' ? frDate(s.at, false) : '',
      [s.reason, s.note].filter((t) => t.trim() !== '').join(' — '),
    ]);
    out.push(table(['Étape', 'État', 'Date', 'Précisions'], rows, [38, 12, 18, 32]));
  } else {
    out.push(para('Aucun parcours n’est encore défini : le contenu reste à qualifier.'));
  }
  const sent = letters.filter((l) => l.status === 'envoyee' || l.status === 'publiee');
  if (sent.length > 0) {
    out.push(subheading('Courriers envoyés ou publiés'));
    for (const l of sent) {
      const to = l.recipient.name || l.recipient.organisation;
      out.push(
        bullet(`${frDate(l.sentAt ?? l.letterDate, false)} — ${l.title}${to ? ` (${to})` : ''}`),
      );
    }
  }
  if (correspondence.length > 0) {
    out.push(
      para(
        `${correspondence.length} échange${correspondence.length > 1 ? 's' : ''} de courrier ` +
          'consigné' +
          (correspondence.length > 1 ? 's' : '') +
          ' : voir « Courriers/Journal des courriers.docx ».',
      ),
    );
  }
  return out;
}

function state({ detail }: ExportData): Block[] {
  const next = detail.nextStep ? detail.nextStep.label : 'aucune';
  return [
    heading('7. État actuel'),
    ...field('Statut', CASE_STATUS_LABELS[detail.status]),
    ...field('Issue', detail.outcome ? OUTCOME_LABELS[detail.outcome] : ''),
    ...field('Précision sur l’issue', detail.outcomeNote),
    ...field('Prochaine étape', next),
  ];
}

function pieces(data: ExportData): Block[] {
  const n = data.pieces.length;
  const out: Block[] = [
    heading('9. Pièces et vérification'),
    para(
      n === 0
        ? 'Aucune pièce n’est communiquée.'
        : `${n} pièce${n > 1 ? 's' : ''} communiquée${n > 1 ? 's' : ''}, numérotée${n > 1 ? 's' : ''} ` +
            'comme dans le dossier : voir « 01 - Bordereau des pièces.docx » et le dossier « Pièces ».',
    ),
    para(
      'Chaque fichier est accompagné de son empreinte SHA-256 (fichiers SHA256SUMS et ' +
        'manifest.json), vérifiée à l’export contre celle enregistrée lors de son import. Pour ' +
        'contrôler le dossier : « sha256sum -c SHA256SUMS » sous Linux, « shasum -a 256 -c ' +
        'SHA256SUMS » sous macOS, ou « Get-FileHash » dans PowerShell sous Windows.',
    ),
  ];
  if (data.withdrawnNumbers.length > 0) {
    out.push(
      note(`Numéros retirés du dossier avant communication : ${data.withdrawnNumbers.join(', ')}.`),
    );
  }
  return out;
}

export function renderSynthesis(data: ExportData): Promise<Buffer> {
  const children: Block[] = [
    ...title('Synthèse du dossier', data.detail.title),
    para(
      `Dossier préparé avec Égide le ${frDate(data.exportedAt.toISOString())} par ` +
        `${data.exportedBy}, pour l’avocat du cabinet.`,
    ),
    note(
      'Document confidentiel : il contient des données personnelles, parfois de santé, conservées ' +
        'pour la défense d’un droit en justice (RGPD, art. 9.2.f).',
    ),
    ...cabinet(data),
    ...facts(data),
    ...words(data),
    ...qualification(data),
    ...deadlines(data),
    ...steps(data),
    ...state(data),
    ...peopleSection(data, '8. Personnes concernées'),
    ...pieces(data),
  ];
  return renderDocument(`Synthèse — ${data.detail.title}`, 'Synthèse du dossier', children);
}
