import type { ChronologyEvent } from '../../../shared/api/cases-api';
import { CASE_STATUS_LABELS, CATEGORY_INFO, OUTCOME_LABELS } from '../../../shared/domain/cases';
import type { OpenVault } from '../vault/open-vault';
import { letterEvents } from '../letters/chronology-events';
import { exportEvents } from '../export/chronology-events';
import { getCase } from './repo';

const FR_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** Every dated event of a case file, oldest first; later issues add letters and correspondence. */
export function chronology(vault: OpenVault, caseId: string): ChronologyEvent[] {
  const c = getCase(vault, caseId);
  const events: ChronologyEvent[] = [];
  if (c.fields.firstPosted) {
    const how =
      c.fields.firstPostedHow === 'estimated'
        ? ' (date estimée)'
        : c.fields.firstPostedHow === 'archive'
          ? ' (d’après une archive du web)'
          : '';
    events.push({
      date: c.fields.firstPosted,
      kind: 'publication',
      label: `Première mise en ligne${how}`,
      ref: null,
    });
  }
  if (c.fields.discovered)
    events.push({
      date: c.fields.discovered,
      kind: 'decouverte',
      label: 'Découverte par le cabinet',
      ref: null,
    });
  events.push({ date: c.createdAt, kind: 'statut', label: 'Ouverture du dossier', ref: null });
  for (const t of c.texts) {
    if (t.version > 1)
      events.push({
        date: t.capturedAt,
        kind: 'texte',
        label: `Texte corrigé (version ${t.version}) : ${t.reason}`,
        ref: null,
      });
  }
  for (const p of c.pieces) {
    if (p.capture.capturedAt)
      events.push({
        date: p.capture.capturedAt,
        kind: 'capture',
        label: `Capture — Pièce n° ${p.number} : ${p.title}`,
        ref: p.id,
      });
    events.push({
      date: p.addedAt,
      kind: 'piece',
      label: `Pièce n° ${p.number} ajoutée (${p.typeLabel}) par ${p.addedBy}`,
      ref: p.id,
    });
    if (p.withdrawn)
      events.push({
        date: p.withdrawn.at,
        kind: 'piece',
        label: `Pièce n° ${p.number} retirée : ${p.withdrawn.reason}`,
        ref: p.id,
      });
  }
  for (const q of c.qualifications) {
    const what = q.lawful
      ? 'licite mais désagréable'
      : `illicite (${q.categories.map((k) => CATEGORY_INFO[k].label).join(', ')})`;
    events.push({
      date: q.at,
      kind: 'qualification',
      label: `Qualifié ${what} par ${q.by}`,
      ref: q.id,
    });
  }
  for (const s of c.steps) {
    if (s.state === 'fait' && s.date)
      events.push({ date: s.date, kind: 'etape', label: `${s.label} : fait`, ref: s.id });
    if (s.state === 'ecarte' && s.at)
      events.push({
        date: s.at,
        kind: 'etape',
        label: `${s.label} : écarté (${s.reason})`,
        ref: s.id,
      });
  }
  if (c.status !== 'ouvert') {
    const outcome = c.outcome ? ` — ${OUTCOME_LABELS[c.outcome]}` : '';
    events.push({
      date: c.updatedAt,
      kind: 'statut',
      label: `Statut : ${CASE_STATUS_LABELS[c.status]}${outcome}`,
      ref: null,
    });
  }
  events.push(...letterEvents(vault, caseId));
  events.push(...exportEvents(vault, caseId));
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

export function formatDateTimeFr(iso: string): string {
  return FR_TIME.format(new Date(iso));
}
