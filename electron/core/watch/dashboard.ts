/**
 * The home page's data in one call: deadlines by urgency, letters whose answer is late, open case
 * files by path with what each waits for, recent activity, and the listings reminder.
 */
import type { CaseSummary } from '../../../shared/api/cases-api';
import type {
  CaseGroup,
  Dashboard,
  OverdueLetter,
  RecentActivity,
} from '../../../shared/api/watch-api';
import { diffDays, isIsoDate } from '../../../shared/deadlines/dates';
import { PATH_STEPS, type CasePath } from '../../../shared/domain/cases';
import { DUE_SOON_DAYS } from '../../../shared/domain/watch';
import { accountLabels, listCases } from '../cases/repo';
import { listJournal } from '../db/journal';
import { listDeadlines } from '../deadlines/views';
import type { OpenVault } from '../vault/open-vault';
import { HIDDEN_ACTIONS, journalLabel } from './journal-labels';
import { listListings } from './listings';

const RECENT_COUNT = 15;

const PATH_ORDER: readonly CasePath[] = ['paliers', 'fiche', 'reponse', 'a-qualifier'];
const PATH_GROUP_LABELS: Record<CasePath, string> = {
  paliers: 'Contenus illicites : cinq paliers',
  fiche: 'Fiches nominatives : RGPD',
  reponse: 'Avis licites : réponse publique',
  'a-qualifier': 'À qualifier',
};

export function overdueLetters(vault: OpenVault, today: string): OverdueLetter[] {
  const rows = vault.db
    .prepare(
      `SELECT c.id, c.case_id, c.subject, c.date, c.answer_expected, f.title
       FROM correspondence c JOIN case_files f ON f.id = c.case_id
       WHERE c.direction = 'envoye' AND c.answer_expected IS NOT NULL AND c.answered_by IS NULL
         AND f.status != 'clos'`,
    )
    .all() as Array<{
    id: string;
    case_id: string;
    subject: string;
    date: string;
    answer_expected: string;
    title: string;
  }>;
  const letters: OverdueLetter[] = [];
  for (const r of rows) {
    const expected = r.answer_expected.slice(0, 10);
    if (!isIsoDate(expected)) continue;
    const late = diffDays(expected, today);
    if (late <= 0) continue;
    letters.push({
      correspondenceId: r.id,
      caseId: r.case_id,
      caseTitle: r.title,
      subject: r.subject,
      date: r.date.slice(0, 10),
      answerExpected: expected,
      daysLate: late,
    });
  }
  return letters.sort((a, b) => b.daysLate - a.daysLate || a.caseTitle.localeCompare(b.caseTitle));
}

function waitsFor(c: CaseSummary): string {
  if (c.path === 'a-qualifier') {
    return 'La qualification du contenu : licite ou illicite, et dans quelle catégorie.';
  }
  if (c.status === 'attente') return 'La réponse à un courrier envoyé.';
  if (c.nextStep === null) {
    return 'Toutes les étapes sont faites : indiquez l’issue pour clore le dossier.';
  }
  const def = PATH_STEPS[c.path].find((s) => s.id === c.nextStep?.id);
  return def?.needs ?? c.nextStep.label;
}

export function casesByPath(vault: OpenVault): CaseGroup[] {
  const open = listCases(vault, { sort: 'recent' }).filter((c) => c.status !== 'clos');
  return PATH_ORDER.map((path) => ({
    path,
    label: PATH_GROUP_LABELS[path],
    cases: open
      .filter((c) => c.path === path)
      .map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        nextStep: c.nextStep?.label ?? null,
        waitsFor: waitsFor(c),
      })),
  })).filter((g) => g.cases.length > 0);
}

export function recentActivity(vault: OpenVault): RecentActivity[] {
  const label = accountLabels(vault.db);
  const titles = new Map(
    (
      vault.db.prepare('SELECT id, title FROM case_files').all() as Array<{
        id: string;
        title: string;
      }>
    ).map((r) => [r.id, r.title]),
  );
  return listJournal(vault.db, { limit: RECENT_COUNT * 4 })
    .filter((e) => !HIDDEN_ACTIONS.includes(e.action))
    .slice(0, RECENT_COUNT)
    .map((e) => ({
      seq: e.seq,
      at: e.at,
      label: journalLabel(e.action),
      account: e.accountId ? label(e.accountId) : 'Égide',
      caseId: e.caseId,
      caseTitle: e.caseId ? (titles.get(e.caseId) ?? null) : null,
    }));
}

export async function getDashboard(
  vault: OpenVault,
  resourcesDir: string,
  now: Date,
): Promise<Dashboard> {
  const list = listDeadlines(vault, now);
  const listings = await listListings(vault, resourcesDir, now);
  return {
    ...list,
    dueSoon: list.deadlines.filter((d) => d.daysLeft <= DUE_SOON_DAYS),
    overdueLetters: overdueLetters(vault, list.today),
    casesByPath: casesByPath(vault),
    recent: recentActivity(vault),
    listings: listings.reminder,
  };
}
