import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { CaseDetail } from '../../../shared/api/cases-api';
import type { FeedRow, Mention } from '../../../shared/api/watch-api';
import { GOOGLE_ALERTS_ATOM } from './fixtures';
import { watchHost, type WatchHost } from './helpers';

let server: http.Server;
let base: string;
let body = GOOGLE_ALERTS_ATOM;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/alerts') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>Pas un flux</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let h: WatchHost | null = null;
afterEach(() => {
  h?.cleanup();
  h = null;
  body = GOOGLE_ALERTS_ATOM;
});

describe('mentions watch through the API', () => {
  it('lists new mentions once, dismisses one and turns another into a case file', async () => {
    h = await watchHost('2026-02-01T10:00:00.000Z', { allowLoopbackFeeds: true });
    const feeds = await h.call<FeedRow[]>('feeds.add', { url: `${base}/alerts`, label: 'Mon nom' });
    const id = feeds[0]!.id;
    await expect(h.call('feeds.add', { url: `${base}/alerts` })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    expect(await h.call('feeds.refresh', { id })).toEqual({ newMentions: 2 });
    expect(await h.call('feeds.refresh', { id })).toEqual({ newMentions: 0 });
    let mentions = await h.call<Mention[]>('mentions.list');
    expect(mentions.map((m) => m.title)).toEqual([
      "Avis sur le Dr Lefort 'à fuir'",
      'Un lien en clair',
    ]);
    expect((await h.call<FeedRow[]>('feeds.list'))[0]).toMatchObject({
      newCount: 2,
      lastError: null,
      lastFetched: '2026-02-01T10:00:00.000Z',
    });

    mentions = await h.call('mentions.dismiss', { id: mentions[1]!.id });
    expect(mentions).toHaveLength(1);
    const c = await h.call<CaseDetail>('mentions.toCase', { id: mentions[0]!.id, kind: 'review' });
    expect(c).toMatchObject({ kind: 'review', title: "Avis sur le Dr Lefort 'à fuir'" });
    expect(c.fields).toMatchObject({
      url: 'https://forum.example/sujet/42',
      platform: 'forum.example',
      discovered: '2026-02-01',
      firstPosted: '2026-01-28',
      firstPostedHow: 'estimated',
    });
    expect((await h.call<Mention[]>('mentions.list'))[0]!.caseId).toBe(c.id);
    // The mention's page may open in the browser from the list.
    expect(
      await h.call('system.openExternal', { url: 'https://forum.example/sujet/42' }),
    ).toMatchObject({ mode: 'tab' });

    // Removing the feed removes its mentions, not the case file.
    expect(await h.call('feeds.remove', { id })).toEqual([]);
    expect(await h.call('mentions.list', { includeDismissed: true })).toEqual([]);
    expect((await h.call<CaseDetail>('cases.get', { caseId: c.id })).id).toBe(c.id);
  });

  it('records and reports what went wrong: not a feed, unreachable, refused address', async () => {
    h = await watchHost('2026-02-01T10:00:00.000Z', { allowLoopbackFeeds: true });
    const [page] = await h.call<FeedRow[]>('feeds.add', { url: `${base}/page` });
    await expect(h.call('feeds.refresh', { id: page!.id })).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(/^Flux illisible/),
    });
    expect((await h.call<FeedRow[]>('feeds.list'))[0]!.lastError).toMatch(/Flux illisible/);

    // Nothing listens on port 2 (below 1024, and not one of fetch's forbidden ports).
    const feeds = await h.call<FeedRow[]>('feeds.add', { url: 'http://127.0.0.1:2/rss' });
    const unreachable = feeds.find((f) => f.url === 'http://127.0.0.1:2/rss')!;
    await expect(h.call('feeds.refresh', { id: unreachable.id })).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(/injoignable/),
    });
    expect(await h.call('mentions.list')).toEqual([]);

    // A later good fetch clears the recorded error.
    body = GOOGLE_ALERTS_ATOM;
    const good = await h.call<FeedRow[]>('feeds.add', { url: `${base}/alerts` });
    await h.call('feeds.refresh', { id: good[2]!.id });
    expect((await h.call<FeedRow[]>('feeds.list'))[2]!.lastError).toBeNull();
  });

  it('accepts only https feeds in the app', async () => {
    h = await watchHost('2026-02-01T10:00:00.000Z');
    await expect(h.call('feeds.add', { url: `${base}/alerts` })).rejects.toMatchObject({
      code: 'UNSAFE_URL',
    });
    await expect(h.call('feeds.add', { url: 'pas une adresse' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await h.call('feeds.list')).toEqual([]);
  });
});
