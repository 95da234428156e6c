import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { computeDeadlines } from '../../../shared/deadlines/engine';
import {
  deadlinesToIcs,
  escapeText,
  foldLine,
  icsItemFromDeadline,
} from '../../../shared/deadlines/ics';
import type { IcsItem } from '../../../shared/deadlines/ics';

const NOW = new Date('2025-03-30T01:30:00Z');
const utf8 = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

function item(partial: Partial<IcsItem> = {}): IcsItem {
  return {
    uid: 'case-1.prescription:65@egide',
    date: '2025-04-10',
    summary: 'Prescription : injure',
    description: 'Indicatif',
    ...partial,
  };
}

function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('deadlinesToIcs', () => {
  it('writes a calendar with CRLF line endings only', () => {
    const ics = deadlinesToIcs([item()], NOW);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Égide//FR']);
    expect(lines).toContain('DTSTAMP:20250330T013000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250410');
    expect(lines).toContain('DTEND;VALUE=DATE:20250411');
    expect(lines).toContain('UID:case-1.prescription:65@egide');
    const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM') + 1);
    expect(alarm).toContain('ACTION:DISPLAY');
    expect(alarm).toContain('TRIGGER:-P7D');
    expect(alarm.some((l) => l.startsWith('DESCRIPTION:'))).toBe(true);
  });

  it('ends all-day events on the next day across month, leap and year ends', () => {
    const ics = deadlinesToIcs(
      [item({ uid: 'a', date: '2024-02-28' }), item({ uid: 'b', date: '2025-12-31' })],
      NOW,
    );
    const lines = unfold(ics);
    expect(lines).toContain('DTEND;VALUE=DATE:20240229');
    expect(lines).toContain('DTEND;VALUE=DATE:20260101');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
  });

  it('folds a long French summary at 75 octets without splitting a character', () => {
    const summary =
      'Échéance légale : prescription de l’action en diffamation publique, à vérifier ' +
      'avec l’avocat — délai « de quantième à quantième » très éloigné, ça déçoit 😊 énormément';
    const ics = deadlinesToIcs([item({ summary })], NOW);
    for (const line of ics.split('\r\n')) {
      const bytes = utf8.encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => strictDecoder.decode(bytes)).not.toThrow();
    }
    const summaryLine = unfold(ics).find((l) => l.startsWith('SUMMARY:'));
    expect(summaryLine).toBe(`SUMMARY:${escapeText(summary)}`);
    const physical = ics.split('\r\n');
    const start = physical.findIndex((l) => l.startsWith('SUMMARY:'));
    expect(physical[start + 1]?.startsWith(' ')).toBe(true);
  });

  it('escapes backslash, semicolon, comma and newlines in TEXT values', () => {
    const ics = deadlinesToIcs(
      [item({ summary: 'a,b;c\\d', description: 'ligne 1\nligne 2\r\nligne 3\rfin\u0007' })],
      NOW,
    );
    const lines = unfold(ics);
    expect(lines).toContain('SUMMARY:a\\,b\\;c\\\\d');
    expect(lines).toContain('DESCRIPTION:ligne 1\\nligne 2\\nligne 3\\nfin');
  });

  it('refuses what would make an invalid calendar', () => {
    const cases: Array<[IcsItem[], Date, string | undefined]> = [
      [[], NOW, undefined],
      [[item(), item()], NOW, 'items.1.uid'],
      [[item({ uid: 'with space' })], NOW, 'items.0.uid'],
      [[item({ uid: '' })], NOW, 'items.0.uid'],
      [[item({ date: '2025-02-29' })], NOW, 'items.0.date'],
      [[item({ summary: '   ' })], NOW, 'items.0.summary'],
      [[item()], new Date('invalid'), undefined],
    ];
    for (const [items, now, field] of cases) {
      let caught: unknown;
      try {
        deadlinesToIcs(items, now);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('INVALID_INPUT');
      expect((caught as AppError).field).toBe(field);
    }
  });
});

describe('foldLine', () => {
  it('keeps a 75-octet line whole and folds a 76-octet one', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('moves a 2-octet character to the next line rather than cutting it', () => {
    const folded = foldLine(`${'x'.repeat(74)}é`);
    expect(folded).toBe(`${'x'.repeat(74)}\r\n é`);
  });

  it('never splits a surrogate pair', () => {
    const folded = foldLine(`${'x'.repeat(73)}😊😊`);
    const [first, second] = folded.split('\r\n');
    expect(first).toBe(`${'x'.repeat(73)}`);
    expect(second).toBe(' 😊😊');
  });
});

describe('icsItemFromDeadline', () => {
  it('keeps the override reason and review text out of the calendar', () => {
    const deadlines = computeDeadlines({
      caseId: 'c/42',
      kind: 'review',
      unlawful: true,
      categories: ['injure'],
      firstPosted: { date: '2025-01-10', how: 'page' },
      overrides: [
        { deadlineKey: 'prescription:65', date: '2025-03-20', reason: 'Mme Durand a appelé' },
      ],
    });
    const items = deadlines.map((d) => icsItemFromDeadline(d, '2025-004'));
    const ics = deadlinesToIcs(items, NOW);
    const text = unfold(ics).join('\n');
    expect(text).not.toMatch(/Durand/);
    expect(text).toMatch(/SUMMARY:Prescription : injure ou diffamation publique/);
    expect(text).toMatch(/dossier 2025-004/);
    expect(text).toMatch(/date calculée : 10 avril 2025/);
    expect(items[0]?.uid).toBe('c-42.prescription:65@egide');
    expect(items[0]?.date).toBe('2025-03-20');
  });
});

describe('time zones', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    vi.resetModules();
  });

  it('stamps in UTC and keeps all-day dates under TZ=Pacific/Auckland', async () => {
    process.env.TZ = 'Pacific/Auckland';
    vi.resetModules();
    const ics = await import('../../../shared/deadlines/ics');
    const lines = unfold(ics.deadlinesToIcs([item({ date: '2025-04-05' })], NOW));
    expect(lines).toContain('DTSTAMP:20250330T013000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250405');
    expect(lines).toContain('DTEND;VALUE=DATE:20250406');
  });
});
