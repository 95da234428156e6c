import type { FlagKind, RawFlag } from './types';

/**
 * Overlap resolution: one highlight per problem. A phrase that contains another keeps the
 * phrase ("votre diabète" over "diabète", "votre rendez-vous du" over "votre rendez-vous"),
 * except when the inner flag tells something else (a name, a date, a contact inside a longer
 * phrase). Identical spans keep the most specific kind; partial overlaps of one kind merge.
 */

const RANK: Readonly<Record<FlagKind, number>> = {
  'person-name': 6,
  'contact-other': 5,
  'visit-date': 4,
  'patient-confirmation': 3,
  'answers-health-detail': 2,
  'health-term': 1,
};

// Kinds that carry their own information even inside a longer flagged phrase.
const DISTINCT: ReadonlySet<FlagKind> = new Set(['person-name', 'contact-other', 'visit-date']);

function contains(outer: RawFlag, inner: RawFlag): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function severityRank(flag: RawFlag): number {
  return flag.severity === 'alerte' ? 1 : 0;
}

/** Order of preference: longer, then more specific kind, then alert before warning. */
function better(a: RawFlag, b: RawFlag): number {
  return (
    b.end - b.start - (a.end - a.start) ||
    RANK[b.kind] - RANK[a.kind] ||
    severityRank(b) - severityRank(a) ||
    a.start - b.start
  );
}

export function resolveOverlaps(raw: readonly RawFlag[]): RawFlag[] {
  const candidates = raw.filter((f) => f.end > f.start).sort(better);
  const kept: RawFlag[] = [];

  for (const flag of candidates) {
    const absorbed = kept.some((k) => {
      if (k.start === flag.start && k.end === flag.end) return true;
      if (!contains(k, flag)) return false;
      return !(DISTINCT.has(flag.kind) && k.kind !== flag.kind);
    });
    if (absorbed) continue;

    const sameKind = kept.findIndex(
      (k) => k.kind === flag.kind && k.start < flag.end && flag.start < k.end,
    );
    if (sameKind >= 0) {
      const k = kept[sameKind]!;
      kept[sameKind] = {
        ...k,
        start: Math.min(k.start, flag.start),
        end: Math.max(k.end, flag.end),
      };
      continue;
    }
    kept.push(flag);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
