import type { ChronologyEvent } from '../../../shared/api/cases-api';
import { EXPORT_FORMAT_LABELS, type ExportFormat } from '../../../shared/api/export-api';
import { accountLabels } from '../cases/repo';
import type { OpenVault } from '../vault/open-vault';

/** Each hand-over to the lawyer, from the journal (format and file count; never names). */
export function exportEvents(vault: OpenVault, caseId: string): ChronologyEvent[] {
  const label = accountLabels(vault.db);
  const rows = vault.db
    .prepare(
      "SELECT seq, at, account_id, details FROM journal WHERE case_id = ? AND action = 'case.export' ORDER BY seq",
    )
    .all(caseId) as Array<{
    seq: number;
    at: string;
    account_id: string | null;
    details: string | null;
  }>;
  return rows.map((r) => {
    let details: { format?: ExportFormat; files?: number } = {};
    try {
      details = r.details ? (JSON.parse(r.details) as typeof details) : {};
    } catch {
      details = {};
    }
    const format = details.format ? (EXPORT_FORMAT_LABELS[details.format] ?? details.format) : null;
    const files = typeof details.files === 'number' ? `${details.files} fichiers` : null;
    const what = [format, files].filter((t) => t !== null).join(', ');
    const by = r.account_id ? ` par ${label(r.account_id)}` : '';
    return {
      date: r.at,
      kind: 'statut',
      label: `Dossier exporté pour l’avocat${what ? ` (${what})` : ''}${by}`,
      ref: `journal:${r.seq}`,
    };
  });
}
