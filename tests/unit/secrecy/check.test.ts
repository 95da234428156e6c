import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import {
  FLAG_KINDS,
  SECRECY_RULE,
  checkSecrecy,
  normalizePhone,
  offersPrivateChannel,
  summarize,
  type SecrecyContext,
  type SecrecyFlag,
} from '../../../shared/secrecy/check';
import { LEXICON } from '../../../shared/secrecy/lexicon';
import { CNOM_REPLIES, CTX, MUST_FLAG, MUST_NOT_FLAG } from './secrecy-cases';

const describeFlags = (flags: SecrecyFlag[]) => flags.map((f) => `${f.kind}: ${f.excerpt}`);

describe('checkSecrecy: sentences that must be flagged', () => {
  it('has a table of at least 60 cases covering every kind', () => {
    expect(MUST_FLAG.length).toBeGreaterThanOrEqual(60);
    expect(new Set(MUST_FLAG.map((c) => c.kind))).toEqual(new Set(FLAG_KINDS));
  });

  it.each(MUST_FLAG)('flags $kind in "$text"', ({ text, kind, excerpt }) => {
    const flags = checkSecrecy(text, CTX);
    expect(describeFlags(flags)).toContain(`${kind}: ${excerpt}`);
    for (const flag of flags) {
      expect(text.slice(flag.start, flag.end)).toBe(flag.excerpt);
      expect(flag.message.length).toBeGreaterThan(40);
      expect(flag.rule.length).toBeGreaterThan(0);
    }
  });
});

describe('checkSecrecy: replies that must not be flagged', () => {
  it('has a table of at least 30 cases', () => {
    expect(MUST_NOT_FLAG.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MUST_NOT_FLAG)('accepts "%s"', (text) => {
    expect(describeFlags(checkSecrecy(text, CTX))).toEqual([]);
  });

  it('flags the CNOM replies when the cabinet has other contact details', () => {
    const other: SecrecyContext = { cabinetPhones: ['04 11 22 33 44'], cabinetEmails: [] };
    for (const reply of CNOM_REPLIES) {
      const kinds = checkSecrecy(reply, other).map((f) => f.kind);
      expect(kinds).toEqual(['contact-other', 'contact-other']);
    }
  });
});

describe('checkSecrecy: offsets', () => {
  it('highlights each problem in a longer reply, sorted by position', () => {
    const text =
      'Madame Dupont, lors de votre consultation du 12 mars, je vous ai prescrit un ' +
      'antibiotique pour votre angine. Rappelez-moi au 06 12 34 56 78.';
    const flags = checkSecrecy(text, CTX);
    expect(describeFlags(flags)).toEqual([
      'person-name: Madame Dupont',
      'patient-confirmation: lors de votre consultation',
      'visit-date: 12 mars',
      'patient-confirmation: je vous ai prescrit',
      'health-term: antibiotique',
      'answers-health-detail: votre angine',
      'contact-other: 06 12 34 56 78',
    ]);
    const starts = flags.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('maps offsets back through ligatures, emoji and decomposed accents', () => {
    const text = 'Nous œuvrons 🙂 pour vous. Le diabe\u0301te et votre cœur.';
    const flags = checkSecrecy(text, CTX);
    expect(describeFlags(flags)).toEqual([
      'health-term: diabe\u0301te',
      'answers-health-detail: votre cœur',
    ]);
    expect(flags[0]!.start).toBe(text.indexOf('diabe'));
    expect(flags[1]!.end).toBe(text.length - 1);
  });

  it('keeps typographic and straight apostrophes apart only in the excerpt', () => {
    for (const text of ['Comme je vous l’ai dit.', "Comme je vous l'ai dit."]) {
      const [flag] = checkSecrecy(text, CTX);
      expect(flag?.excerpt).toBe(text.slice(0, -1));
    }
  });
});

describe('checkSecrecy: matching rules', () => {
  it.each(['DIABÈTE', 'diabete', 'Diabète', 'DIABETE', 'diabètes', 'Diabétiques'])(
    'matches "%s" whatever its accents and case',
    (word) => {
      expect(describeFlags(checkSecrecy(`Le ${word} se soigne.`, CTX))).toEqual([
        `health-term: ${word}`,
      ]);
    },
  );

  it.each([
    ['cancers', 'cancers'],
    ['anticancer', null],
    ['cancerX', null],
    ['existe', null],
    ['agripper', null],
    ['confirmons', null],
    ['également', null],
    ['tous', null],
  ])('matches whole words only: "%s"', (word, expected) => {
    const flags = checkSecrecy(`Nous ${word} ici.`, CTX);
    expect(flags.map((f) => f.excerpt)).toEqual(expected === null ? [] : [expected]);
  });

  it('matches a term split across a line break', () => {
    expect(describeFlags(checkSecrecy('Une prise de\nsang suffit.', CTX))).toEqual([
      'health-term: prise de\nsang',
    ]);
  });

  it('keeps the most specific flag when phrases overlap', () => {
    expect(describeFlags(checkSecrecy('Votre diabète.', CTX))).toEqual([
      'answers-health-detail: Votre diabète',
    ]);
    expect(describeFlags(checkSecrecy('Votre ordonnance.', CTX))).toEqual([
      'patient-confirmation: Votre ordonnance',
    ]);
    expect(describeFlags(checkSecrecy('Votre rendez-vous du 3 mai.', CTX))).toEqual([
      'patient-confirmation: Votre rendez-vous du',
      'visit-date: 3 mai',
    ]);
    expect(describeFlags(checkSecrecy('Au 8 rue de l’Hôpital.', CTX))).toEqual([
      'contact-other: 8 rue de l’Hôpital',
    ]);
  });

  it('grades what depends on context as a warning', () => {
    const severity = (text: string) => checkSecrecy(text, CTX).map((f) => f.severity);
    expect(severity('Pour déplacer votre rendez-vous, appelez-nous.')).toEqual(['attention']);
    expect(severity('Le cardiologue reçoit le jeudi.')).toEqual(['attention']);
    expect(severity('Nous avons lu votre avis hier.')).toEqual(['attention']);
    expect(severity('Le cabinet est fermé jusqu’au 15 août.')).toEqual(['attention']);
    expect(severity('Le 15 août, le cabinet était ouvert.')).toEqual(['alerte']);
    expect(severity('Votre asthme.')).toEqual(['alerte']);
  });

  it('skips the doctor’s own name but not a colleague’s', () => {
    const text = 'Le Dr Lefèvre et le Dr Martin, Docteur Marie Lefèvre.';
    expect(describeFlags(checkSecrecy(text, CTX))).toEqual(['person-name: Dr Martin']);
    const noOwn = { ...CTX, ownNames: [] };
    expect(checkSecrecy(text, noOwn).map((f) => f.excerpt)).toEqual([
      'Dr Lefèvre',
      'Dr Martin',
      'Docteur Marie Lefèvre',
    ]);
  });

  it('catches names with particles and compound names', () => {
    const names = (text: string) => checkSecrecy(text, CTX).map((f) => f.excerpt);
    expect(names('Bonjour Monsieur Le Goff,')).toEqual(['Monsieur Le Goff']);
    expect(names('Chère Madame Nguyen-Lê, bonjour.')).toEqual(['Madame Nguyen-Lê']);
    expect(names('Madame Nous vous remercions.')).toEqual([]);
  });

  it('treats every phone format of the cabinet as the cabinet', () => {
    for (const phone of ['01 00 00 00 00', '0100000000', '01.00.00.00.00', '+33 1 00 00 00 00']) {
      expect(checkSecrecy(`Appelez le ${phone}.`, CTX)).toEqual([]);
    }
    expect(normalizePhone('+33 (0)1 00 00 00 00')).toBe('0100000000');
    expect(normalizePhone('0033 1 00 00 00 00')).toBe('0100000000');
    expect(normalizePhone('01-00-00-00-00')).toBe('0100000000');
  });

  it('tells when the cabinet contact details are missing from the settings', () => {
    const [flag] = checkSecrecy('Appelez le 01 00 00 00 00.', {
      cabinetPhones: [],
      cabinetEmails: [],
    });
    expect(flag?.kind).toBe('contact-other');
    expect(flag?.message).toContain('réglages');
  });
});

describe('checkSecrecy: bad inputs', () => {
  it('returns nothing for empty or blank text', () => {
    expect(checkSecrecy('', CTX)).toEqual([]);
    expect(checkSecrecy(' \n\t ', CTX)).toEqual([]);
  });

  it('refuses a text that is not a string with a French message', () => {
    const call = () => checkSecrecy(undefined as unknown as string, CTX);
    expect(call).toThrow(AppError);
    expect(call).toThrow(/texte de la réponse/);
  });

  it('tolerates a context with missing lists and blank entries', () => {
    const partial = { cabinetPhones: ['', '  '], knownNames: ['', 'a', ' '] } as SecrecyContext;
    expect(checkSecrecy('Un avis a été publié.', partial)).toEqual([]);
    expect(checkSecrecy('Votre diabète.', {} as SecrecyContext)).toHaveLength(1);
  });

  it('stays linear on degenerate text', () => {
    // No timing assertion: the point is that these inputs finish and flag nothing absurd.
    for (const text of [
      'a'.repeat(5000),
      '0'.repeat(5000),
      'Madame '.repeat(700),
      '@'.repeat(3000),
    ]) {
      expect(checkSecrecy(text, CTX).length).toBeLessThan(10);
    }
  });

  it('flags a long reply as the sum of its parts (performance sanity, no timing)', () => {
    const part = 'Votre diabète a été vu le 12 mars par Madame Dupont. ';
    const one = checkSecrecy(part, CTX);
    const text = part.repeat(40);
    expect(text.length).toBeGreaterThan(2000);
    const flags = checkSecrecy(text, CTX);
    expect(flags).toHaveLength(one.length * 40);
    expect(flags.every((f) => text.slice(f.start, f.end) === f.excerpt)).toBe(true);
  });
});

describe('summarize, SECRECY_RULE, offersPrivateChannel, lexicon', () => {
  it('counts flags by kind, every kind present', () => {
    const flags = checkSecrecy('Madame Dupont, votre asthme et votre angine.', CTX);
    expect(summarize(flags)).toEqual({
      'patient-confirmation': 0,
      'health-term': 0,
      'visit-date': 0,
      'person-name': 1,
      'contact-other': 0,
      'answers-health-detail': 2,
    });
    expect(Object.values(summarize([])).every((n) => n === 0)).toBe(true);
  });

  it('cites the articles and the penalty', () => {
    for (const part of ['R.4127-4', 'L1110-4', '226-13', '15 000 €', 'un an']) {
      expect(SECRECY_RULE).toContain(part);
    }
  });

  it('knows whether the reply offers the cabinet’s private channel', () => {
    for (const reply of CNOM_REPLIES) expect(offersPrivateChannel(reply, CTX)).toBe(true);
    expect(offersPrivateChannel('Merci pour votre avis.', CTX)).toBe(false);
    expect(offersPrivateChannel('Écrivez à autre@email.fr.', CTX)).toBe(false);
  });

  it('holds at least 150 distinct diagnoses and several hundred terms', () => {
    const diagnoses = LEXICON.filter((e) => e.category === 'diagnostic');
    expect(diagnoses.length).toBeGreaterThanOrEqual(150);
    expect(LEXICON.length).toBeGreaterThanOrEqual(400);
    expect(new Set(LEXICON.map((e) => e.term)).size).toBe(LEXICON.length);
  });
});
