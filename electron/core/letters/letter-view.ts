import type {
  LetterDetail,
  LetterEnclosure,
  LetterSummary,
  LetterTexts,
} from '../../../shared/api/letters-api';
import { accountLabels } from '../cases/repo';
import type { OpenVault } from '../vault/open-vault';
import { allValues, caseValues, composeSource, enclosureLine, fillLetter } from './compose';
import type { ComposeSource, LetterFields } from './compose';
import { parseEnclosures, parseRecipient, type LetterRow } from './rows';

/** Letter rows as the API returns them, with the filled preview and what is still missing. */

export function textsOf(row: LetterRow): LetterTexts {
  return {
    objet: row.objet,
    references: row.references_text,
    body: row.body,
    closing: row.closing,
  };
}

export function enclosuresOf(row: LetterRow, src: ComposeSource): LetterEnclosure[] {
  const pieces = new Map(src.caseDetail.pieces.map((p) => [p.id, p]));
  return parseEnclosures(row.enclosures)
    .flatMap((e): LetterEnclosure[] => {
      const p = pieces.get(e.pieceId);
      if (!p) return [];
      return [
        {
          pieceId: p.id,
          number: p.number,
          title: p.title,
          withdrawn: p.withdrawn !== null,
          line: e.line ?? enclosureLine(p),
        },
      ];
    })
    .sort((a, b) => a.number - b.number);
}

export function fieldsOf(row: LetterRow, enclosures: LetterEnclosure[]): LetterFields {
  return {
    recipient: parseRecipient(row.recipient),
    place: row.place,
    letterDate: row.letter_date,
    lrarNumber: row.lrar_number,
    enclosureLines: enclosures.map((e) => e.line),
  };
}

/** The letter filled with today's data: what the preview shows and the DOCX prints. */
export function filledLetter(row: LetterRow, src: ComposeSource) {
  const enclosures = enclosuresOf(row, src);
  const values = allValues(src, fieldsOf(row, enclosures));
  return { enclosures, ...fillLetter(textsOf(row), values) };
}

export function summaryOf(
  row: LetterRow,
  src: ComposeSource,
  label: (id: string) => string,
): LetterSummary {
  const { preview } = filledLetter(row, src);
  return {
    id: row.id,
    caseId: row.case_id,
    caseTitle: src.caseDetail.title,
    kind: row.kind,
    title: row.title,
    status: row.status,
    stepId: row.step_id,
    template: {
      id: row.template_id,
      version: row.template_version,
      builtIn: row.template_builtin === 1,
    },
    recipientName: parseRecipient(row.recipient).name,
    objet: preview.objet,
    letterDate: row.letter_date,
    validatedAt: row.validated_at,
    validatedBy: row.validated_by ? label(row.validated_by) : null,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    createdBy: label(row.created_by),
    updatedAt: row.updated_at,
    updatedBy: label(row.updated_by),
  };
}

export function detailOf(vault: OpenVault, row: LetterRow, reminders: string[]): LetterDetail {
  const src = composeSource(vault, row.case_id, row.id);
  const label = accountLabels(vault.db);
  const filled = filledLetter(row, src);
  const sent = vault.db
    .prepare('SELECT id FROM correspondence WHERE letter_id = ? ORDER BY created_at LIMIT 1')
    .get(row.id) as { id: string } | undefined;
  return {
    ...summaryOf(row, src, label),
    recipient: parseRecipient(row.recipient),
    sendingMode: row.sending_mode,
    lrarNumber: row.lrar_number,
    place: row.place,
    texts: textsOf(row),
    enclosures: filled.enclosures,
    values: caseValues(src),
    preview: { ...filled.preview, enclosures: filled.enclosures.map((e) => e.line) },
    missing: filled.missing,
    unknown: filled.unknown,
    reminders,
    correspondenceId: sent?.id ?? null,
  };
}

export function listLetters(
  vault: OpenVault,
  filter: { caseId?: string | undefined; status?: LetterRow['status'] | undefined },
): LetterSummary[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.caseId) {
    where.push('case_id = ?');
    params.push(filter.caseId);
  }
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  const rows = vault.db
    .prepare(
      `SELECT * FROM letters ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, rowid DESC`,
    )
    .all(...params) as LetterRow[];
  const label = accountLabels(vault.db);
  const sources = new Map<string, ComposeSource>();
  return rows.map((row) => {
    let src = sources.get(row.case_id);
    if (!src) {
      src = composeSource(vault, row.case_id);
      sources.set(row.case_id, src);
    }
    return summaryOf(row, src, label);
  });
}
