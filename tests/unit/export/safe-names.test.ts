import { describe, expect, it } from 'vitest';

import {
  composeName,
  NAME_MAX_BYTES,
  NameSet,
  safeName,
  utf8Length,
} from '../../../electron/core/export/safe-names';

/** What Windows refuses, checked independently of the implementation. */
function windowsSafe(name: string): boolean {
  const base = name.split('.')[0]!.trimEnd().toUpperCase();
  return (
    name.length > 0 &&
    // eslint-disable-next-line no-control-regex -- control characters are what Windows refuses
    !/[<>:"/\\|?*\u0000-\u001f]/.test(name) &&
    !/[. ]$/.test(name) &&
    !/^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$/.test(base) &&
    name !== '.' &&
    name !== '..'
  );
}

describe('safeName', () => {
  const table: Array<[string, string]> = [
    ['CON', '_CON'],
    ['con', '_con'],
    ['nul.txt', '_nul.txt'],
    ['Com1.tar.gz', '_Com1.tar.gz'],
    ['LPT9 .pdf', '_LPT9.pdf'],
    ['a:b*c?', 'a_b_c_'],
    ['<x>|"y"', '_x___y_'],
    ['rapport. . .', 'rapport'],
    ['rapport   ', 'rapport'],
    ['  espaces  au   début', 'espaces au début'],
    ['..', 'sans titre'],
    ['.', 'sans titre'],
    ['...', 'sans titre'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a/b\\c', 'a_b_c'],
    ['.cache', 'cache'],
    ['Écrit à l’hôpital — été', 'Écrit à l’hôpital — été'],
    ['e\u0301te\u0301', 'été'],
    ['tab\there\nnewline', 'tab here newline'],
    ['evil\u202egnp.exe', 'evil gnp.exe'],
    ['', 'sans titre'],
  ];

  it.each(table)('%j becomes %j', (raw, expected) => {
    const out = safeName(raw);
    expect(out).toBe(expected);
    expect(windowsSafe(out)).toBe(true);
  });

  it('keeps accents in NFC form, as macOS and Windows expect from an archive', () => {
    const out = safeName('Pièce 01 - Capture d’écran.png');
    expect(out).toBe('Pièce 01 - Capture d’écran.png');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('truncates a 300-character name and keeps its extension', () => {
    const out = safeName(`${'é'.repeat(300)}.pdf`);
    expect(out.endsWith('.pdf')).toBe(true);
    expect(utf8Length(out)).toBeLessThanOrEqual(NAME_MAX_BYTES);
    expect(out.startsWith('éé')).toBe(true);
    // No accent is cut in half: the stem is made of whole 'é'.
    expect(/^é+\.pdf$/.test(out)).toBe(true);
  });

  it('never splits an emoji or a combined character when truncating', () => {
    const out = safeName(`${'👩‍⚕️'.repeat(40)}.txt`, { maxBytes: 50 });
    expect(utf8Length(out)).toBeLessThanOrEqual(50);
    expect(out.endsWith('.txt')).toBe(true);
    expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
    expect(/[\ud800-\udfff]/.test(out.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))).toBe(false);
  });

  it('does not take a long suffix for an extension', () => {
    expect(safeName('rapport.version-finale-relue')).toBe('rapport.version-finale-relue');
  });
});

describe('composeName', () => {
  it('shortens only the free text, so the number and the date stay', () => {
    const name = composeName({
      head: 'Pièce 07 - ',
      body: 'Capture '.repeat(60),
      tail: ' - 2026-03-12',
      ext: 'png',
    });
    expect(name.startsWith('Pièce 07 - Capture')).toBe(true);
    expect(name.endsWith(' - 2026-03-12.png')).toBe(true);
    expect(utf8Length(name)).toBeLessThanOrEqual(NAME_MAX_BYTES);
  });

  it('cleans forbidden characters in the title and the extension', () => {
    const name = composeName({
      head: 'Pièce 01 - ',
      body: 'a:b/c',
      tail: ' - 2026-01-02',
      ext: 'p*ng',
    });
    expect(name).toBe('Pièce 01 - a_b_c - 2026-01-02.png');
  });

  it('gives an untitled pièce a readable name', () => {
    expect(
      composeName({ head: 'Pièce 01 - ', body: '   ', tail: ' - 2026-01-02', ext: 'pdf' }),
    ).toBe('Pièce 01 - sans titre - 2026-01-02.pdf');
  });
});

describe('NameSet', () => {
  it('disambiguates duplicates as Windows and macOS compare names', () => {
    const names = new NameSet();
    expect(names.claim('Capture.png')).toBe('Capture.png');
    expect(names.claim('capture.PNG')).toBe('capture (2).PNG');
    expect(names.claim('CAPTURE.png')).toBe('CAPTURE (3).png');
    expect(names.claim('Été.txt')).toBe('Été.txt');
    expect(names.claim('E\u0301te\u0301.txt')).toBe('Été (2).txt');
  });

  it('keeps a disambiguated long name within the limit', () => {
    const names = new NameSet(60);
    const long = `${'x'.repeat(100)}.pdf`;
    const first = names.claim(long);
    const second = names.claim(long);
    expect(second).not.toBe(first);
    expect(second.endsWith(' (2).pdf')).toBe(true);
    expect(utf8Length(second)).toBeLessThanOrEqual(60);
  });
});
