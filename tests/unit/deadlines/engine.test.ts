import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import {
  INDICATIVE_NOTE,
  PRESCRIPTION_WARNING,
  computeDeadlines,
  daysLeft,
  deadlineWarnings,
  earliest,
  sortByUrgency,
  urgency,
} from '../../../shared/deadlines/engine';
import type { Certainty, Deadline, DeadlineFacts } from '../../../shared/deadlines/engine';

function facts(partial: Partial<DeadlineFacts>): DeadlineFacts {
  return { caseId: 'case-1', kind: 'review', unlawful: true, categories: [], ...partial };
}

function byKey(list: Deadline[], key: string): Deadline {
  const found = list.find((d) => d.key === key);
  if (!found) throw new Error(`no deadline ${key} in ${list.map((d) => d.key).join(', ')}`);
  return found;
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const page = (date: string) => ({ date, how: 'page' as const });

interface Case {
  name: string;
  facts: DeadlineFacts;
  key: string;
  runsFrom: string;
  legalEnd: string;
  recommendedBy?: string;
  certainty: Certainty;
  note?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'Cass. crim. 12 Nov 2014: posted 23 Aug 2011 ends 23 Nov 2011, not the 22nd',
    facts: facts({ categories: ['injure'], firstPosted: page('2011-08-23') }),
    key: 'prescription:65',
    runsFrom: '2011-08-23',
    legalEnd: '2011-11-23',
    recommendedBy: '2011-11-08',
    certainty: 'sure',
    note: /23 novembre 2011 à minuit/,
  },
  {
    name: 'posted 30 Nov 2024: no 30 Feb, ends on the last day of February',
    facts: facts({ categories: ['diffamation'], firstPosted: page('2024-11-30') }),
    key: 'prescription:65',
    runsFrom: '2024-11-30',
    legalEnd: '2025-02-28',
    certainty: 'sure',
  },
  {
    name: 'posted 30 Nov 2023: leap year, ends 29 Feb 2024',
    facts: facts({ categories: ['diffamation'], firstPosted: page('2023-11-30') }),
    key: 'prescription:65',
    runsFrom: '2023-11-30',
    legalEnd: '2024-02-29',
    certainty: 'sure',
  },
  {
    name: 'posted 31 Jan 2025: ends 30 Apr',
    facts: facts({ categories: ['injure'], firstPosted: page('2025-01-31') }),
    key: 'prescription:65',
    runsFrom: '2025-01-31',
    legalEnd: '2025-04-30',
    certainty: 'sure',
  },
  {
    name: 'year boundary, ends on a Saturday and is not extended',
    facts: facts({ categories: ['injure'], firstPosted: page('2024-11-15') }),
    key: 'prescription:65',
    runsFrom: '2024-11-15',
    legalEnd: '2025-02-15',
    recommendedBy: '2025-01-31',
    certainty: 'sure',
    note: /tombe un samedi : elle n’est pas reportée/,
  },
  {
    name: 'ends on the March DST Sunday and stays there',
    facts: facts({ categories: ['injure'], firstPosted: page('2024-12-30') }),
    key: 'prescription:65',
    runsFrom: '2024-12-30',
    legalEnd: '2025-03-30',
    recommendedBy: '2025-03-14',
    certainty: 'sure',
    note: /tombe un dimanche/,
  },
  {
    name: 'ends on the October DST Sunday and stays there',
    facts: facts({ categories: ['diffamation'], firstPosted: page('2025-07-26') }),
    key: 'prescription:65',
    runsFrom: '2025-07-26',
    legalEnd: '2025-10-26',
    certainty: 'sure',
    note: /tombe un dimanche/,
  },
  {
    name: 'ends on 14 July and stays there; recommended date moved back off a Sunday',
    facts: facts({ categories: ['injure'], firstPosted: page('2025-04-14') }),
    key: 'prescription:65',
    runsFrom: '2025-04-14',
    legalEnd: '2025-07-14',
    recommendedBy: '2025-06-27', // 29 June is a Sunday
    certainty: 'sure',
    note: /jour férié \(Fête nationale\)/,
  },
  {
    name: 'discriminatory words: 1 year from a leap day',
    facts: facts({ categories: ['discrimination'], firstPosted: page('2024-02-29') }),
    key: 'prescription:65-3',
    runsFrom: '2024-02-29',
    legalEnd: '2025-02-28',
    certainty: 'sure',
  },
  {
    name: 'provocation to hatred: 1 year',
    facts: facts({ categories: ['incitation'], firstPosted: page('2023-03-15') }),
    key: 'prescription:65-3',
    runsFrom: '2023-03-15',
    legalEnd: '2024-03-15',
    recommendedBy: '2024-02-29',
    certainty: 'sure',
  },
  {
    name: 'dénigrement runs from discovery; the earlier posting is flagged',
    facts: facts({
      categories: ['denigrement'],
      firstPosted: page('2021-04-01'),
      discovered: '2021-05-10',
    }),
    key: 'prescription:denigrement',
    runsFrom: '2021-05-10',
    legalEnd: '2026-05-10',
    certainty: 'verify',
    note: /1er avril 2026/,
  },
  {
    name: 'dénigrement without discovery date runs from posting (leap day + 5 years)',
    facts: facts({ categories: ['denigrement'], firstPosted: page('2020-02-29') }),
    key: 'prescription:denigrement',
    runsFrom: '2020-02-29',
    legalEnd: '2025-02-28',
    certainty: 'sure',
  },
  {
    name: 'vie privée: 5 years from first publication, republication does not move it',
    facts: facts({
      categories: ['vie-privee'],
      firstPosted: page('2019-08-31'),
      republished: ['2020-01-10'],
    }),
    key: 'prescription:vie-privee',
    runsFrom: '2019-08-31',
    legalEnd: '2024-08-31',
    certainty: 'sure',
    note: /Chaque nouvelle publication/,
  },
  {
    name: 'estimated first posting',
    facts: facts({ categories: ['injure'], firstPosted: { date: '2025-01-10', how: 'estimated' } }),
    key: 'prescription:65',
    runsFrom: '2025-01-10',
    legalEnd: '2025-04-10',
    certainty: 'estimated',
    note: /estimée : l’échéance réelle peut être plus proche/,
  },
  {
    name: 'first posting known from a web archive',
    facts: facts({ categories: ['injure'], firstPosted: { date: '2025-01-10', how: 'archive' } }),
    key: 'prescription:65',
    runsFrom: '2025-01-10',
    legalEnd: '2025-04-10',
    certainty: 'verify',
    note: /archive du web/,
  },
  {
    name: 'the latest republication restarts art. 65 (ends on a Sunday, not extended)',
    facts: facts({
      categories: ['injure'],
      firstPosted: page('2025-01-10'),
      republished: ['2025-03-01', '2025-02-01'],
    }),
    key: 'prescription:65',
    runsFrom: '2025-03-01',
    legalEnd: '2025-06-01',
    certainty: 'verify',
    note: /le délai expire le 10 avril 2025/,
  },
  {
    name: 'republication restarts art. 65-3 too',
    facts: facts({
      categories: ['discrimination'],
      firstPosted: page('2024-01-10'),
      republished: ['2024-06-30'],
    }),
    key: 'prescription:65-3',
    runsFrom: '2024-06-30',
    legalEnd: '2025-06-30',
    certainty: 'verify',
  },
  {
    name: 'a "republication" before the first posting is ignored',
    facts: facts({
      categories: ['injure'],
      firstPosted: page('2025-02-10'),
      republished: ['2025-01-05'],
    }),
    key: 'prescription:65',
    runsFrom: '2025-02-10',
    legalEnd: '2025-05-10',
    certainty: 'sure',
  },
  {
    name: 'no posting date: counted from discovery, flagged as estimated',
    facts: facts({ categories: ['diffamation'], discovered: '2025-05-31' }),
    key: 'prescription:65',
    runsFrom: '2025-05-31',
    legalEnd: '2025-08-31',
    certainty: 'estimated',
    note: /inconnue/,
  },
  {
    name: 'droit de réponse for a lawful review: 3 months from posting',
    facts: facts({ unlawful: false, firstPosted: page('2025-01-31') }),
    key: 'reponse-lcen',
    runsFrom: '2025-01-31',
    legalEnd: '2025-04-30',
    recommendedBy: '2025-04-23',
    certainty: 'sure',
  },
  {
    name: 'GDPR: received 5 March, strict end 5 April (a Saturday) kept, 1182/71 noted',
    facts: facts({
      kind: 'listing',
      unlawful: false,
      gdprRequests: [{ id: 'g1', sent: '2025-03-03', receivedByController: '2025-03-05' }],
    }),
    key: 'gdpr:g1',
    runsFrom: '2025-03-05',
    legalEnd: '2025-04-05',
    recommendedBy: '2025-04-05',
    certainty: 'verify',
    note: /samedi : le règlement \(CEE, Euratom\) n° 1182\/71 pourrait reporter/,
  },
  {
    name: 'GDPR: receipt unknown, counted from sending (31 Jan → 28 Feb)',
    facts: facts({ kind: 'listing', gdprRequests: [{ id: 'g2', sent: '2025-01-31' }] }),
    key: 'gdpr:g2',
    runsFrom: '2025-01-31',
    legalEnd: '2025-02-28',
    certainty: 'verify',
    note: /Date de réception inconnue/,
  },
  {
    name: 'GDPR extended from 31 Jan: the earlier reading (28 Apr, not 30 Apr)',
    facts: facts({
      kind: 'listing',
      gdprRequests: [
        { id: 'g3', sent: '2025-01-30', receivedByController: '2025-01-31', extended: true },
      ],
    }),
    key: 'gdpr:g3',
    runsFrom: '2025-01-31',
    legalEnd: '2025-04-28',
    certainty: 'verify',
  },
  {
    name: 'GDPR extended: 3 months in total',
    facts: facts({
      kind: 'google',
      gdprRequests: [
        { id: 'g4', sent: '2025-03-07', receivedByController: '2025-03-10', extended: true },
      ],
    }),
    key: 'gdpr:g4',
    runsFrom: '2025-03-10',
    legalEnd: '2025-06-10',
    certainty: 'verify',
  },
  {
    name: 'follow-up kept as given',
    facts: facts({ followUps: [{ id: 'f1', date: '2025-09-14', label: 'Relancer l’éditeur' }] }),
    key: 'followup:f1',
    runsFrom: '2025-09-14',
    legalEnd: '2025-09-14',
    recommendedBy: '2025-09-14',
    certainty: 'sure',
  },
];

describe('computeDeadlines: hard cases', () => {
  it.each(CASES)('$name', (c) => {
    const d = byKey(computeDeadlines(c.facts), c.key);
    expect(d.runsFrom.date).toBe(c.runsFrom);
    expect(d.legalEnd).toBe(c.legalEnd);
    expect(d.computed).toBe(c.legalEnd);
    expect(d.effective).toBe(c.legalEnd);
    expect(d.certainty).toBe(c.certainty);
    expect(d.caseId).toBe('case-1');
    if (c.recommendedBy) expect(d.recommendedBy).toBe(c.recommendedBy);
    expect(d.recommendedBy <= d.effective && d.recommendedBy >= d.runsFrom.date).toBe(true);
    if (c.note) expect(d.notes.join('\n')).toMatch(c.note);
  });
});

describe('computeDeadlines: rules', () => {
  it('prescriptions carry the warning, the no-extension note and the indicative note', () => {
    const d = byKey(
      computeDeadlines(facts({ categories: ['injure'], firstPosted: page('2025-01-10') })),
      'prescription:65',
    );
    expect(d.kind).toBe('prescription');
    expect(d.article).toBe('Loi du 29 juillet 1881, art. 65');
    expect(d.warning).toBe(PRESCRIPTION_WARNING);
    expect(PRESCRIPTION_WARNING).toMatch(/mise en demeure/);
    expect(PRESCRIPTION_WARNING).toMatch(/constitution de partie civile/);
    expect(d.notes).toContain(INDICATIVE_NOTE);
    expect(d.notes.join(' ')).toMatch(/pas de report au jour ouvré suivant/);
  });

  it('one deadline per distinct rule; earliest() picks the 3-month one', () => {
    const list = computeDeadlines(
      facts({
        categories: [
          'injure',
          'diffamation',
          'discrimination',
          'incitation',
          'denigrement',
          'vie-privee',
        ],
        firstPosted: page('2025-01-10'),
        discovered: '2025-01-20',
      }),
    );
    const prescriptions = list.filter((d) => d.kind === 'prescription').map((d) => d.key);
    expect(prescriptions.sort()).toEqual([
      'prescription:65',
      'prescription:65-3',
      'prescription:denigrement',
      'prescription:vie-privee',
    ]);
    expect(earliest(list, 'prescription')?.key).toBe('prescription:65');
    expect(earliest(list)?.effective).toBe('2025-04-10');
    expect(list.map((d) => d.effective)).toEqual([...list.map((d) => d.effective)].sort());
  });

  it('lawful content has no prescription; listings have no droit de réponse', () => {
    const lawful = computeDeadlines(
      facts({ unlawful: false, categories: ['injure'], firstPosted: page('2025-01-10') }),
    );
    expect(lawful.map((d) => d.key)).toEqual(['reponse-lcen']);
    const listing = computeDeadlines(facts({ kind: 'listing', firstPosted: page('2025-01-10') }));
    expect(listing).toEqual([]);
  });

  it('a closed case has no deadlines, even with bad data left in it', () => {
    const closed = facts({
      closed: true,
      categories: ['injure'],
      firstPosted: page('2025-01-10'),
      discovered: 'garbage',
    });
    expect(computeDeadlines(closed)).toEqual([]);
  });

  it('done follow-ups are dropped', () => {
    const list = computeDeadlines(
      facts({
        followUps: [
          { id: 'a', date: '2025-02-01', label: 'Fait', done: true },
          { id: 'b', date: '2025-02-02', label: 'À faire' },
        ],
      }),
    );
    expect(list.map((d) => d.key)).toEqual(['followup:b']);
  });

  it('without any date there is no prescription, and the case page is told why', () => {
    const f = facts({ categories: ['diffamation', 'denigrement'] });
    const list = computeDeadlines(f);
    expect(list).toEqual([]);
    const warnings = deadlineWarnings(f, list).join('\n');
    expect(warnings).toMatch(/ne peut pas être calculée/);
    expect(warnings).toMatch(/dénigrement/);
  });
});

describe('overrides', () => {
  const base = { categories: ['injure' as const], firstPosted: page('2025-01-10') };

  it('effective = override, computed kept, both shown with the reason', () => {
    const d = byKey(
      computeDeadlines(
        facts({
          ...base,
          overrides: [
            {
              deadlineKey: 'prescription:65',
              date: '2025-03-20',
              reason: ' Avis de Me X ',
              by: 'dr',
            },
          ],
        }),
      ),
      'prescription:65',
    );
    expect(d.computed).toBe('2025-04-10');
    expect(d.legalEnd).toBe('2025-04-10');
    expect(d.effective).toBe('2025-03-20');
    expect(d.override).toEqual({ date: '2025-03-20', reason: 'Avis de Me X', by: 'dr' });
    expect(d.recommendedBy).toBe('2025-03-05');
    expect(d.notes[0]).toMatch(/20 mars 2025.*Avis de Me X.*10 avril 2025/);
  });

  it('a later override is flagged, the last one for a key wins, the start clamps the advice', () => {
    const list = computeDeadlines(
      facts({
        ...base,
        overrides: [
          { deadlineKey: 'prescription:65', date: '2025-01-12', reason: 'premier avis' },
          { deadlineKey: 'prescription:65', date: '2025-05-02', reason: 'second avis' },
          { deadlineKey: 'reponse-lcen', date: '2025-01-15', reason: 'prudence' },
        ],
      }),
    );
    const p = byKey(list, 'prescription:65');
    expect(p.effective).toBe('2025-05-02');
    expect(p.notes[0]).toMatch(/postérieure à la date calculée/);
    const r = byKey(list, 'reponse-lcen');
    expect(r.effective).toBe('2025-01-15');
    expect(r.recommendedBy).toBe('2025-01-10'); // 15 Jan − 7 days is before the posting
  });

  it('refuses an override without a reason', () => {
    const error = errorOf(() =>
      computeDeadlines(
        facts({
          ...base,
          overrides: [{ deadlineKey: 'prescription:65', date: '2025-03-01', reason: '  ' }],
        }),
      ),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('overrides.0.reason');
  });

  it('reports an override that no longer matches any deadline', () => {
    const f = facts({
      ...base,
      overrides: [{ deadlineKey: 'prescription:65-3', date: '2025-03-01', reason: 'x' }],
    });
    expect(deadlineWarnings(f, computeDeadlines(f)).join(' ')).toMatch(/ne correspond plus/);
  });
});

describe('bad input', () => {
  it.each<[string, Partial<DeadlineFacts>, string]>([
    ['malformed posting date', { firstPosted: page('2025-02-30') }, 'firstPosted.date'],
    ['malformed discovery', { discovered: '10/01/2025' }, 'discovered'],
    ['malformed republication', { republished: ['2025-01-01', '2025-1-2'] }, 'republished.1'],
    [
      'receipt before sending',
      { gdprRequests: [{ id: 'g', sent: '2025-03-05', receivedByController: '2025-03-04' }] },
      'gdprRequests.0.receivedByController',
    ],
    [
      'duplicate GDPR ids',
      {
        gdprRequests: [
          { id: 'g', sent: '2025-03-05' },
          { id: 'g', sent: '2025-03-06' },
        ],
      },
      'gdprRequests',
    ],
    [
      'follow-up without label',
      { followUps: [{ id: 'f', date: '2025-03-05', label: '' }] },
      'followUps.0.label',
    ],
    ['empty case id', { caseId: '' }, 'caseId'],
    ['unknown category', { categories: ['injure', 'spam' as 'injure'] }, 'categories.1'],
  ])('%s → INVALID_INPUT on %s', (_name, partial, field) => {
    const error = errorOf(() => computeDeadlines(facts({ categories: ['injure'], ...partial })));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe(field);
  });
});

describe('daysLeft / urgency / sortByUrgency', () => {
  it.each([
    ['2025-04-11', -1, 'depassee'],
    ['2025-04-10', 0, 'critique'],
    ['2025-04-03', 7, 'critique'],
    ['2025-04-02', 8, 'proche'],
    ['2025-03-11', 30, 'proche'],
    ['2025-03-10', 31, 'normale'],
    ['2024-04-10', 365, 'normale'],
  ])('today %s → %i days, %s', (today, days, level) => {
    const d = { effective: '2025-04-10' };
    expect(daysLeft(d, today)).toBe(days);
    expect(urgency(daysLeft(d, today))).toBe(level);
  });

  it('counts whole days across the DST change', () => {
    expect(daysLeft({ effective: '2025-03-31' }, '2025-03-29')).toBe(2);
    expect(daysLeft({ effective: '2025-10-27' }, '2025-10-25')).toBe(2);
  });

  it('refuses a non-integer day count', () => {
    expect(() => urgency(Number.NaN)).toThrow(AppError);
    expect(() => urgency(1.5)).toThrow(AppError);
  });

  it('sorts past first, breaks ties by kind, does not mutate, handles empty lists', () => {
    const items = [
      { key: 'followup:a', kind: 'follow-up' as const, effective: '2025-04-10' },
      { key: 'gdpr:x', kind: 'gdpr-answer' as const, effective: '2025-05-01' },
      { key: 'prescription:65', kind: 'prescription' as const, effective: '2025-04-10' },
      { key: 'reponse-lcen', kind: 'droit-de-reponse' as const, effective: '2024-12-01' },
    ];
    const sorted = sortByUrgency(items).map((d) => d.key);
    expect(sorted).toEqual(['reponse-lcen', 'prescription:65', 'followup:a', 'gdpr:x']);
    expect(items[0]?.key).toBe('followup:a');
    expect(earliest([])).toBeUndefined();
    expect(earliest(items, 'gdpr-answer')?.key).toBe('gdpr:x');
  });
});

describe('time zones', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    vi.resetModules();
  });

  it.each(['Europe/Paris', 'Pacific/Auckland'])('same deadlines with TZ=%s', async (tz) => {
    process.env.TZ = tz;
    vi.resetModules();
    expect(new Date('2025-07-01T00:00:00Z').getTimezoneOffset()).not.toBe(0);
    const engine = await import('../../../shared/deadlines/engine');
    const list = engine.computeDeadlines(
      facts({ categories: ['injure'], firstPosted: page('2024-12-30'), discovered: '2025-01-02' }),
    );
    expect(byKey(list, 'prescription:65').legalEnd).toBe('2025-03-30');
    expect(byKey(list, 'prescription:65').recommendedBy).toBe('2025-03-14');
    expect(engine.daysLeft(byKey(list, 'prescription:65'), '2025-03-29')).toBe(1);
  });
});
