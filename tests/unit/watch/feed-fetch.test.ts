import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkFeedUrl, fetchFeed } from '../../../electron/core/watch/feed-fetch';
import { GOOGLE_ALERTS_ATOM } from './fixtures';

let server: http.Server;
let base: string;
const hanging = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    switch (req.url) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
        res.end(GOOGLE_ALERTS_ATOM);
        return;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(
          Buffer.from(
            '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Médecin</title></rss>',
            'latin1',
          ),
        );
        return;
      case '/missing':
        res.writeHead(404);
        res.end('not found');
        return;
      case '/never':
        // Headers and body never come: only the timeout ends this.
        hanging.add(res);
        return;
      case '/slow-body':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<rss>');
        hanging.add(res);
        return;
      case '/huge-declared':
        res.writeHead(200, { 'content-length': String(3 * 1024 * 1024) });
        res.end();
        return;
      case '/huge-streamed': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case '/to-http-public':
        res.writeHead(302, { location: 'http://feeds.example/rss' });
        res.end();
        return;
      case '/to-ok':
        res.writeHead(301, { location: '/ok' });
        res.end();
        return;
      default:
        res.writeHead(500);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const loop = { allowLoopback: true, timeoutMs: 2000 };

describe('fetchFeed', () => {
  it('fetches a feed, following a redirect that passes the same checks', async () => {
    expect(await fetchFeed(`${base}/ok`, loop)).toContain('googlealerts/feed:1111');
    expect(await fetchFeed(`${base}/to-ok`, loop)).toContain('googlealerts/feed:1111');
    expect(await fetchFeed(`${base}/latin1`, loop)).toContain('<title>Médecin</title>');
  });

  it('says the server answered with an error', async () => {
    await expect(fetchFeed(`${base}/missing`, loop)).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(/HTTP 404.*n’existe plus/),
    });
  });

  it('gives up after the timeout when the server never answers, or stalls mid-body', async () => {
    for (const path of ['/never', '/slow-body']) {
      const started = Date.now();
      await expect(fetchFeed(`${base}${path}`, { ...loop, timeoutMs: 300 })).rejects.toMatchObject({
        code: 'NETWORK',
        message: expect.stringMatching(/délai dépassé/),
      });
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('stops reading a feed larger than the cap, declared or streamed', async () => {
    for (const path of ['/huge-declared', '/huge-streamed']) {
      await expect(
        fetchFeed(`${base}${path}`, { ...loop, maxBytes: 2 * 1024 * 1024 }),
      ).rejects.toMatchObject({
        code: 'NETWORK',
        message: expect.stringMatching(/trop volumineux/),
      });
    }
  });

  it('says the server is unreachable on a closed port', async () => {
    // Nothing listens on port 2 (below 1024, outside fetch's bad ports); a freed random port
    // could be taken by another test meanwhile.
    await expect(fetchFeed('http://127.0.0.1:2/rss', loop)).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(/injoignable/),
    });
  });

  it('refuses http and local addresses unless loopback is allowed, and redirects to them', async () => {
    await expect(fetchFeed(`${base}/ok`)).rejects.toMatchObject({ code: 'UNSAFE_URL' });
    await expect(fetchFeed('http://feeds.example/rss')).rejects.toMatchObject({
      code: 'UNSAFE_URL',
      message: expect.stringMatching(/https/),
    });
    await expect(fetchFeed(`${base}/to-http-public`, loop)).rejects.toMatchObject({
      code: 'UNSAFE_URL',
    });
    for (const bad of [
      'https://127.0.0.1/rss',
      'https://localhost/rss',
      'https://[::1]/rss',
      'https://intranet/rss',
      'https://nas.local/rss',
      'https://feeds.example:8443/rss',
      'https://user:pw@feeds.example/rss',
      'file:///etc/passwd',
    ]) {
      expect(() => checkFeedUrl(bad), bad).toThrow();
    }
    expect(() => checkFeedUrl('pas une adresse')).toThrow(/Adresse du flux invalide/);
    expect(checkFeedUrl('https://www.google.com/alerts/feeds/1/2').hostname).toBe('www.google.com');
  });
});
