import type { ChronologyEvent } from '../../../shared/api/cases-api';
import { CHANNEL_LABELS, type Channel } from '../../../shared/api/letters-api';
import { accountLabels } from '../cases/repo';
import type { OpenVault } from '../vault/open-vault';
import { parseCounterpart, type CorrespondenceRow, type LetterRow } from './rows';

/** The case chronology's lines for letters, public replies and correspondence. */
export function letterEvents(vault: OpenVault, caseId: string): ChronologyEvent[] {
  const label = accountLabels(vault.db);
  const events: ChronologyEvent[] = [];
  const letters = vault.db
    .prepare('SELECT * FROM letters WHERE case_id = ? ORDER BY created_at')
    .all(caseId) as LetterRow[];
  for (const l of letters) {
    const what = l.kind === 'reply' ? 'Réponse publique' : 'Courrier';
    events.push({
      date: l.created_at,
      kind: 'courrier',
      label: `${what} préparé${l.kind === 'reply' ? 'e' : ''} : ${l.title}`,
      ref: l.id,
    });
    if (l.validated_at && l.validated_by) {
      events.push({
        date: l.validated_at,
        kind: 'courrier',
        label: `${what} validé${l.kind === 'reply' ? 'e' : ''} par ${label(l.validated_by)} : ${l.title}`,
        ref: l.id,
      });
    }
    if (l.kind === 'reply' && l.status === 'publiee' && l.sent_at) {
      events.push({
        date: l.sent_at,
        kind: 'courrier',
        label: 'Réponse publique publiée',
        ref: l.id,
      });
    }
  }

  const entries = vault.db
    .prepare('SELECT * FROM correspondence WHERE case_id = ? ORDER BY date, created_at')
    .all(caseId) as CorrespondenceRow[];
  for (const e of entries) {
    const who = parseCounterpart(e.counterpart).name;
    const channel = CHANNEL_LABELS[e.channel as Channel] ?? e.channel;
    const number = e.lrar_number ? ` n° ${e.lrar_number}` : '';
    events.push({
      date: e.date,
      kind: 'courrier',
      label:
        e.direction === 'envoye'
          ? `Envoi à ${who} (${channel}${number}) : ${e.subject}`
          : `Reçu de ${who} (${channel}) : ${e.subject}`,
      ref: e.id,
    });
    if (e.ar_received) {
      events.push({
        date: e.ar_received,
        kind: 'courrier',
        label: `Accusé de réception signé${number ? ` (recommandé${number})` : ''} : ${e.subject}`,
        ref: e.id,
      });
    }
  }
  return events;
}
