import { CASE_KINDS, type CaseKind } from '../../../../shared/domain/cases';
import type { ShellContext } from '../shell/Shell';
import { CaseDetailPage } from './CaseDetail';
import { CaseList } from './CaseList';
import { NewCaseForm } from './NewCaseForm';

/** Reads "#/dossiers/nouveau/review" and "#/dossiers/nouveau?type=review" alike. */
function kindFromRoute(route: string[]): CaseKind | null {
  const query = /\?(?:type|kind)=([a-z]+)/.exec(route[1] ?? '')?.[1];
  const candidate = route[2] ?? query ?? null;
  return (CASE_KINDS as readonly string[]).includes(candidate ?? '')
    ? (candidate as CaseKind)
    : null;
}

/** The "Dossiers" section: the list, the new-case form, or one case file, from the hash route. */
export function CasesPage({ route }: ShellContext) {
  // The shell shows this section for unknown routes too: only "#/dossiers/…" opens a case.
  const sub = route[0] === 'dossiers' ? route[1] : undefined;
  if (!sub) return <CaseList />;
  if (sub.startsWith('nouveau'))
    return <NewCaseForm key={sub} initialKind={kindFromRoute(route)} />;
  return <CaseDetailPage key={sub} caseId={sub} />;
}
