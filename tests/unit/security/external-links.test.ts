import { describe, expect, it } from 'vitest';
import { EXTERNAL_URL_ALLOWLIST, isExternalUrlAllowed } from '../../../electron/main/policy';

function expectAllowed(urls: string[], extra?: string[]) {
  for (const url of urls) expect(isExternalUrlAllowed(url, extra), url).toBe(true);
}

function expectRefused(urls: string[], extra?: string[]) {
  for (const url of urls) expect(isExternalUrlAllowed(url, extra), url).toBe(false);
}

describe('external links: https hosts', () => {
  it('allows the listed hosts and their subdomains over https', () => {
    expectAllowed([
      'https://cnil.fr/',
      'https://www.cnil.fr/fr/plaintes',
      'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006419333',
      'https://support.google.com/business/answer/3474050?hl=fr',
      'https://www.doctolib.fr/medecin-generaliste/paris',
      'https://WWW.MACSF.FR/',
      'https://cnil.fr:443/',
      "https://www.service-public.fr/particuliers/vosdroits/F1234?q=l'avis#top",
    ]);
  });

  it('holds the guide’s sites, written as bare lower-case hosts', () => {
    for (const host of ['cnil.fr', 'doctolib.fr', 'legifrance.gouv.fr', 'web.archive.org']) {
      expect(EXTERNAL_URL_ALLOWLIST).toContain(host);
    }
    for (const host of EXTERNAL_URL_ALLOWLIST) {
      expect(host, host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
      expect(host.startsWith('www.'), host).toBe(false);
    }
  });

  it('refuses http and every other scheme', () => {
    expectRefused([
      'http://www.cnil.fr/',
      'javascript:alert(1)',
      'JavaScript://cnil.fr/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///C:/Windows/System32/calc.exe',
      'ftp://cnil.fr/',
      'app://egide/index.html',
      'ms-msdt:/id PCWDiagnostic',
      'smb://cnil.fr/share',
      '//cnil.fr/',
      'cnil.fr',
    ]);
  });

  it('refuses lookalike hosts', () => {
    expectRefused([
      'https://evilcnil.fr/',
      'https://cnil.fr.evil.com/',
      'https://cnil.fr-evil.com/',
      'https://xn--cnl-khd.fr/',
      'https://cnіl.fr/',
      'https://cnil.fr./',
      'https://doctolib.fr.example/',
      'https://notgoogle.com/',
    ]);
  });

  it('refuses IP literals, ports, credentials and smuggled characters', () => {
    expectRefused([
      'https://93.184.216.34/',
      'https://0x7f.1/',
      'https://[::1]/',
      'https://cnil.fr:8443/',
      'https://user:pass@cnil.fr/',
      'https://user@cnil.fr/',
      'https://cnil.fr@evil.com/',
      'https://cnil.fr\\@evil.com/',
      'https://cnil.fr/ path',
      'https://cnil.fr/\u0000',
      'https://cnil.fr/\n',
      `https://cnil.fr/${'a'.repeat(2100)}`,
      '',
    ]);
  });
});

describe('external links: hosts from the user’s own directory entries', () => {
  const extra = ['annuaire-medical-local.fr', 'www.autre-annuaire.com'];

  it('lets the exact host through, over https only, www. or not', () => {
    expectAllowed(
      [
        'https://annuaire-medical-local.fr/fiche/12',
        'https://www.annuaire-medical-local.fr/fiche/12',
        'https://autre-annuaire.com/x',
      ],
      extra,
    );
    expectRefused(
      [
        'http://annuaire-medical-local.fr/fiche/12',
        'https://sub.annuaire-medical-local.fr/',
        'https://annuaire-medical-local.fr.evil.com/',
        'https://evil.com/',
      ],
      extra,
    );
  });

  it('ignores entries that are not real domain names', () => {
    const bad = ['com', 'fr', '127.0.0.1', 'localhost', 'evil.com/path', 'https://evil.com', ''];
    expectRefused(['https://evil.com/', 'https://127.0.0.1/', 'https://x.com/'], bad);
  });
});

describe('external links: mailto', () => {
  it('allows one address with a subject and a body', () => {
    expectAllowed([
      'mailto:dpo@doctolib.fr',
      'mailto:contact@cabinet-exemple.fr?subject=Demande%20de%20suppression',
      'mailto:contact@cabinet-exemple.fr?subject=Avis&body=Bonjour%2C%0D%0AMerci',
      "mailto:a@b.fr?subject=l'avis",
    ]);
  });

  it('refuses extra recipients, other headers and header injection', () => {
    expectRefused([
      'mailto:',
      'mailto:not-an-address',
      'mailto:a@b.fr,c@d.fr',
      'mailto:a@b.fr%2Cc@d.fr',
      'mailto:a@b.fr;c@d.fr',
      'mailto:a@b.fr?cc=c@d.fr',
      'mailto:a@b.fr?BCC=c@d.fr',
      'mailto:a@b.fr?to=c@d.fr',
      'mailto:a@b.fr?subject=x&subject=y',
      'mailto:a@b.fr?subject=x%0D%0ABcc:%20c@d.fr',
      'mailto:a@b.fr?subject=x%0ABcc:c@d.fr',
      'mailto:a@b.fr?body=x%00',
      'mailto:a@b.fr?subject=%E0%A4%A',
      'mailto:a@b.fr?attach=/etc/passwd',
      'mailto:a@b.fr?subject=x\nBcc: c@d.fr',
    ]);
  });
});
