import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { AppHost, type HostOptions } from '../../electron/core/app/host';
import { initLogFile } from '../../electron/core/log';
import { CONTENT_SECURITY_POLICY, resolveAppPath } from '../../electron/main/policy';
import { BRIDGE_SCRIPT } from './bridge';

export interface HarnessOptions extends Omit<HostOptions, 'demoDir' | 'resourcesDir'> {
  port?: number;
  demoDir?: string;
  resourcesDir?: string;
  rendererDir?: string;
  /** Also write the core's log lines to this file (the e2e log-scan test reads them). */
  logFile?: string;
}

export interface Harness {
  url: string;
  token: string;
  host: AppHost;
  close(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_BODY = 300 * 1024 * 1024;

/**
 * Test-only server: the built renderer and the real core on 127.0.0.1, behind a random token.
 * The page gets `window.egide` from a bridge script that posts to /api/<method>; everything else
 * is the production code path.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? path.join(ROOT, 'out/renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`renderer not built in ${rendererDir}: run "npm run build" first`);
  }
  const token = randomBytes(24).toString('hex');
  if (options.logFile) initLogFile(options.logFile);
  const host = new AppHost({
    ...options,
    demoDir:
      options.demoDir ?? path.join(options.dataDir, '..', `${path.basename(options.dataDir)}-demo`),
    resourcesDir: options.resourcesDir ?? path.join(ROOT, 'resources'),
    allowLoopbackFeeds:
      options.allowLoopbackFeeds ?? process.env.EGIDE_HARNESS_LOOPBACK_FEEDS === '1',
  });
  const cookie = `egide_harness=${token}; HttpOnly; SameSite=Strict; Path=/`;

  const authorized = (req: http.IncomingMessage, url: URL): boolean => {
    const offered =
      url.searchParams.get('token') ??
      (req.headers['x-egide-token'] as string | undefined) ??
      /(?:^|;\s*)egide_harness=([a-f0-9]+)/.exec(req.headers.cookie ?? '')?.[1] ??
      '';
    const a = Buffer.from(offered);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!authorized(req, url)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Jeton manquant ou invalide.');
      return;
    }
    const security = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };

    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      const method = decodeURIComponent(url.pathname.slice(5));
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        input = Symbol('invalid');
      }
      const result = await host.call(method, typeof input === 'symbol' ? null : input);
      res.writeHead(200, { ...security, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(result));
      return;
    }

    if (url.pathname === '/harness-bridge.js') {
      res.writeHead(200, { ...security, 'content-type': 'text/javascript; charset=utf-8' });
      res.end(BRIDGE_SCRIPT);
      return;
    }

    if (req.method !== 'GET') {
      res.writeHead(405);
      res.end();
      return;
    }
    const resolved = resolveAppPath(rendererDir, `app://egide${url.pathname}`);
    if (!resolved.ok) {
      res.writeHead(resolved.status);
      res.end();
      return;
    }
    const headers = { ...security, 'content-type': resolved.mime, 'set-cookie': cookie };
    if (resolved.filePath.endsWith('index.html')) {
      const html = await fs.readFile(resolved.filePath, 'utf8');
      res.writeHead(200, headers);
      // The bridge must run before the app's module script reads window.egide.
      res.end(html.replace('<head>', '<head><script src="./harness-bridge.js"></script>'));
      return;
    }
    res.writeHead(200, headers);
    createReadStream(resolved.filePath).pipe(res);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    host,
    close: async () => {
      host.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
