/** The people involved in a case file, with the contact details the cabinet recorded. */
import type { ExportData, Party } from './collect';
import { bullet, field, heading, para, subheading, type Block } from './docx-kit';

function describe(p: Party): string {
  const who = [p.name, p.organisation].filter((t) => t.trim() !== '').join(', ');
  const reach = [p.address.replace(/\n+/g, ', '), p.email].filter((t) => t.trim() !== '');
  return reach.length > 0 ? `${who} — ${reach.join(' — ')}` : who;
}

/** Recipients of letters and counterparts of the correspondence, each listed once. */
export function counterparts(data: ExportData): Party[] {
  const seen = new Map<string, Party>();
  const all = [
    ...data.letters.map((l) => l.recipient),
    ...data.correspondence.map((c) => c.counterpart),
  ];
  for (const p of all) {
    if (p.name.trim() === '' && p.organisation.trim() === '') continue;
    const key = `${p.name}\u0000${p.organisation}`.toLocaleLowerCase('fr');
    const known = seen.get(key);
    if (!known) seen.set(key, { ...p });
    else {
      // The most complete record wins, field by field.
      known.address ||= p.address;
      known.email ||= p.email;
    }
  }
  return [...seen.values()];
}

/** Accounts of the cabinet that recorded something in this case file. */
function team(data: ExportData): string[] {
  const { detail } = data;
  const names = [
    ...detail.texts.map((t) => t.by),
    ...detail.pieces.map((p) => p.addedBy),
    ...detail.qualifications.map((q) => q.by),
    ...detail.steps.map((s) => s.by ?? ''),
  ];
  return [...new Set(names.filter((n) => n.trim() !== ''))];
}

export function peopleSection(data: ExportData, headingText: string): Block[] {
  const { practice, detail } = data;
  const f = detail.fields;
  const out: Block[] = [
    heading(headingText),
    subheading('Le médecin mis en cause'),
    para(
      [practice.doctorName, practice.rpps ? `RPPS ${practice.rpps}` : '', practice.name]
        .filter((t) => t !== '')
        .join(', '),
    ),
    ...field(
      'Coordonnées',
      [practice.address.replace(/\n+/g, ', '), practice.phone, practice.email]
        .filter((t) => t.trim() !== '')
        .join(' — '),
    ),
    subheading('L’auteur des propos'),
  ];
  if (f.authorIdentifiable && f.authorIdentity.trim() !== '') {
    out.push(para(f.authorIdentity));
    out.push(...field('Pseudonyme', f.authorPseudonym));
  } else {
    out.push(
      para(
        f.authorPseudonym
          ? `Non identifié ; publie sous le pseudonyme « ${f.authorPseudonym} ».`
          : 'Non identifié.',
      ),
    );
  }
  out.push(...field('Plateforme', f.platform));

  const others = counterparts(data);
  if (others.length > 0) {
    out.push(subheading('Destinataires et interlocuteurs'));
    for (const p of others) out.push(bullet(describe(p)));
  }
  const members = team(data);
  if (members.length > 0) {
    out.push(subheading('Au cabinet'));
    out.push(para(`Comptes ayant travaillé sur le dossier : ${members.join(', ')}.`));
  }
  return out;
}
