import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../electron/main/policy';

const root = path.join(os.tmpdir(), 'egide-renderer');

function refused(url: string) {
  return expect(resolveAppPath(root, url), url);
}

describe('app:// protocol: files it serves', () => {
  it('serves index.html for the root, with or without a slash', () => {
    for (const url of ['app://egide/', 'app://egide']) {
      expect(resolveAppPath(root, url)).toEqual({
        ok: true,
        filePath: path.join(root, 'index.html'),
        mime: 'text/html; charset=utf-8',
      });
    }
  });

  it('maps a bundled asset inside the root with its MIME type', () => {
    expect(resolveAppPath(root, 'app://egide/assets/index-Ab12.js')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-Ab12.js'),
      mime: 'text/javascript; charset=utf-8',
    });
  });

  it('ignores query strings and fragments', () => {
    const expected = path.join(root, 'index.html');
    for (const url of [
      'app://egide/index.html?x=1',
      'app://egide/#/cases/12',
      'app://egide/?a#b',
    ]) {
      const result = resolveAppPath(root, url);
      expect(result.ok && result.filePath, url).toBe(expected);
    }
  });

  it('decodes percent-encoding once for ordinary names', () => {
    const result = resolveAppPath(root, 'app://egide/assets/logo%20cabinet.png');
    expect(result).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'logo cabinet.png'),
      mime: 'image/png',
    });
  });

  it('knows exactly the build output types', () => {
    const cases: Array<[string, string]> = [
      ['a.html', 'text/html; charset=utf-8'],
      ['a.JS', 'text/javascript; charset=utf-8'],
      ['assets/pdf.worker.min.mjs', 'text/javascript; charset=utf-8'],
      ['a.css', 'text/css; charset=utf-8'],
      ['icons/a.svg', 'image/svg+xml'],
      ['a.png', 'image/png'],
      ['a.woff2', 'font/woff2'],
      ['a.json', 'application/json; charset=utf-8'],
      ['a.js.map', 'application/json; charset=utf-8'],
    ];
    for (const [file, mime] of cases) {
      const result = resolveAppPath(root, `app://egide/${file}`);
      expect(result.ok && result.mime, file).toBe(mime);
    }
  });

  it('returns absolute paths even for a relative or slash-ended root', () => {
    for (const base of ['out/renderer', `${root}${path.sep}`]) {
      const result = resolveAppPath(base, 'app://egide/index.html');
      expect(result.ok && result.filePath).toBe(path.join(path.resolve(base), 'index.html'));
    }
  });

  it('answers 404 for unknown extensions and extension-less names', () => {
    for (const file of ['a.exe', 'a.cjs', 'a.woff', 'vault.db', 'README', '.env', 'a.html.bak']) {
      expect(resolveAppPath(root, `app://egide/${file}`), file).toEqual({ ok: false, status: 404 });
    }
  });
});

describe('app:// protocol: refusals', () => {
  it('refuses traversal in every spelling', () => {
    const attacks = [
      'app://egide/../x.js',
      'app://egide/assets/../../x.js',
      'app://egide/assets/../index.html',
      'app://egide/%2e%2e%2fsecret.js',
      'app://egide/%2E%2E/secret.js',
      'app://egide/.%2e/secret.js',
      'app://egide/..%5csecret.js',
      'app://egide/..%5C..%5Csecret.js',
      'app://egide/assets\\..\\x.js',
      'app://egide/./index.html',
      'app://egide/%252e%252e%252fsecret.js',
      'app://egide/%25%32%65%25%32%65/secret.js',
    ];
    for (const url of attacks) refused(url).toEqual({ ok: false, status: 403 });
  });

  it('refuses NUL and other control characters', () => {
    for (const url of [
      'app://egide/index.html%00.png',
      'app://egide/a%0a.js',
      'app://egide/%7f.js',
    ]) {
      refused(url).toEqual({ ok: false, status: 403 });
    }
  });

  it('refuses absolute paths, drive letters and empty segments', () => {
    const attacks = [
      'app://egide//etc/passwd.js',
      'app://egide/%2Fetc%2Fpasswd.js',
      'app://egide/C:/Windows/win.ini.js',
      'app://egide/C%3A%5CWindows%5Cx.js',
      'app://egide/index.html::$DATA',
      'app://egide/assets/',
    ];
    for (const url of attacks) refused(url).toEqual({ ok: false, status: 403 });
  });

  it('refuses other hosts, schemes, ports, credentials and garbage', () => {
    const others = [
      'app://other/index.html',
      'app://egide.evil/index.html',
      'app://egide:8080/index.html',
      'app://user:pw@egide/index.html',
      'https://egide/index.html',
      'file:///etc/passwd',
      'file://egide/index.html',
      'not a url',
      '',
      'app://egide/%E0%A4%A.js',
    ];
    for (const url of others) refused(url).toEqual({ ok: false, status: 403 });
  });

  it('never resolves outside the root, whatever the combination of tricky segments', () => {
    const pieces = [
      '..',
      '%2e%2e',
      '%2e.',
      '.',
      '%252e',
      '%5c',
      '\\',
      '/',
      '%2f',
      'a',
      'x.js',
      '%00',
    ];
    let served = 0;
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          for (const d of ['x.js', 'index.html', '%2e%2e', '']) {
            const result = resolveAppPath(root, `app://egide/${a}/${b}${c}/${d}`);
            if (!result.ok) continue;
            served += 1;
            expect(result.filePath.startsWith(root + path.sep)).toBe(true);
            expect(result.filePath.split(path.sep)).not.toContain('..');
          }
        }
      }
    }
    // Plain names such as a/ax.js/x.js must still be served: the check is not "refuse all".
    expect(served).toBeGreaterThan(0);
  });
});
