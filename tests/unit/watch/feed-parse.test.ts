import { describe, expect, it } from 'vitest';

import { MAX_ENTRIES, parseFeed } from '../../../electron/core/watch/feed-parse';
import { cleanLink, decodeEntities } from '../../../electron/core/watch/feed-text';
import { GOOGLE_ALERTS_ATOM } from './fixtures';

const RSS = `<?xml version="1.0"?>
<!-- a comment with <item> inside must not count -->
<rss version="2.0"><channel><title>Veille</title>
  <item><title><![CDATA[Médecin & <i>cabinet</i>]]></title><link>https://blog.example/a</link>
    <guid>a-1</guid><pubDate>Tue, 27 Jan 2026 08:00:00 +0100</pubDate></item>
  <item><title>Sans lien</title><guid isPermaLink="false">b-2</guid></item>
  <item><title>Doublon</title><guid>a-1</guid></item>
</channel></rss>`;

describe('feed parser', () => {
  it('reads Google Alerts Atom: plain titles, the target link, dates', () => {
    const feed = parseFeed(GOOGLE_ALERTS_ATOM);
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Google Alerts - "Dr Lefort"');
    expect(feed.entries).toEqual([
      {
        guid: 'tag:google.com,2013:googlealerts/feed:1111',
        title: "Avis sur le Dr Lefort 'à fuir'",
        link: 'https://forum.example/sujet/42',
        published: '2026-01-28T07:15:00.000Z',
      },
      {
        guid: 'tag:google.com,2013:googlealerts/feed:2222',
        title: 'Un lien en clair',
        // Links are https only: an http page is listed without a link.
        link: null,
        published: '2026-01-27T07:15:00.000Z',
      },
    ]);
  });

  it('reads RSS 2.0 with CDATA, skips comments and keeps one entry per guid', () => {
    const feed = parseFeed(RSS);
    expect(feed.format).toBe('rss');
    expect(feed.entries.map((e) => e.title)).toEqual(['Médecin & cabinet', 'Sans lien']);
    expect(feed.entries[0]).toMatchObject({
      guid: 'a-1',
      link: 'https://blog.example/a',
      published: '2026-01-27T07:00:00.000Z',
    });
    expect(feed.entries[1]!.link).toBeNull();
  });

  it('refuses what is not a feed with a French NETWORK error saying the feed is unreadable', () => {
    for (const bad of [
      '',
      'pas du xml du tout',
      '<!DOCTYPE html><html><body>Connexion</body></html>',
      '<?xml version="1.0"?><note><to>x</to></note>',
      '<rss version="2.0"><channel><title>coupé',
    ]) {
      expect(() => parseFeed(bad), bad).toThrow(/Flux illisible/);
      try {
        parseFeed(bad);
      } catch (e) {
        expect((e as { code: string }).code).toBe('NETWORK');
      }
    }
  });

  it('keeps the entries before a truncation, and an empty feed is no error', () => {
    const truncated = RSS.slice(0, RSS.indexOf('<item><title>Sans lien'));
    expect(parseFeed(truncated).entries.map((e) => e.guid)).toEqual(['a-1']);
    expect(
      parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>Vide</title></feed>').entries,
    ).toEqual([]);
  });

  it('never expands declared entities: a billion-laughs feed stays small and fast', () => {
    const laughs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${laughs}]>
      <rss version="2.0"><channel><item><title>&lol9;</title><guid>x</guid></item></channel></rss>`;
    const started = performance.now();
    const feed = parseFeed(bomb);
    expect(performance.now() - started).toBeLessThan(200);
    expect(feed.entries[0]!.title).toBe('&lol9;');
  });

  it('caps the entries of a huge feed and stays linear on hostile input', () => {
    const items = Array.from(
      { length: 5000 },
      (_, i) => `<item><title>Mention ${i}</title><guid>g${i}</guid></item>`,
    ).join('');
    expect(parseFeed(`<rss><channel>${items}</channel></rss>`).entries).toHaveLength(MAX_ENTRIES);

    // 2 MiB of unclosed openings: a naive lazy regex would be quadratic here.
    const hostile = `<rss><channel>${'<item><title>'.repeat(160_000)}`;
    const started = performance.now();
    expect(() => parseFeed(hostile)).toThrow(/Flux illisible/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('decodes only the five XML entities and valid numeric references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#233;&#xE9;&nbsp;&amp;lt;')).toBe(
      '<>&"\'éé&nbsp;&lt;',
    );
    expect(decodeEntities('a&#0;b&#xD800;c&#1114112;d')).toBe('abcd');
  });

  it('keeps https links only and unwraps the Google redirect', () => {
    expect(cleanLink('javascript:alert(1)')).toBeNull();
    expect(cleanLink('http://a.example/')).toBeNull();
    expect(cleanLink('https://user:pw@a.example/')).toBeNull();
    expect(cleanLink('https://www.google.fr/url?q=http://a.example/')).toBe(
      'https://www.google.fr/url?q=http://a.example/',
    );
    expect(cleanLink('https://www.google.com/url?url=https://a.example/x%3Fy')).toBe(
      'https://a.example/x?y',
    );
  });
});
