/**
 * Fetches a mentions feed from the main process (never from the renderer, whose CSP forbids it):
 * https only, no local address, a timeout over the whole exchange, a size cap enforced while the
 * body streams in, and redirects followed by hand so that each hop passes the same checks.
 */
import { AppError } from '../../../shared/api/errors';

export interface FetchFeedOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Tests serve feeds on 127.0.0.1 over http; never set in the app. */
  allowLoopback?: boolean;
  maxRedirects?: number;
}

export const FEED_TIMEOUT_MS = 10_000;
export const FEED_MAX_BYTES = 2 * 1024 * 1024;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function refused(message: string): AppError {
  return new AppError('UNSAFE_URL', message, 'url');
}

/** Validates a feed address; returns it parsed. Throws INVALID_INPUT or UNSAFE_URL. */
export function checkFeedUrl(value: string, allowLoopback = false): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new AppError(
      'INVALID_INPUT',
      'Adresse du flux invalide : copiez le lien complet du flux, qui commence par https://.',
      'url',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw refused('Adresse du flux refusée : elle contient un identifiant ou un mot de passe.');
  }
  const host = url.hostname.toLowerCase();
  if (allowLoopback && LOOPBACK.has(host)) {
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  }
  if (url.protocol !== 'https:') {
    throw refused(
      'Adresse du flux refusée : Égide ne lit que les flux en https://, pour que personne ne ' +
        'puisse les modifier en chemin.',
    );
  }
  const local =
    LOOPBACK.has(host) ||
    IPV4.test(host) ||
    host.startsWith('[') ||
    !host.includes('.') ||
    /\.(local|localhost|internal|lan|home)$/.test(host);
  if (local || (url.port !== '' && url.port !== '443')) {
    throw refused(
      'Adresse du flux refusée : Égide ne lit que les flux publiés sur Internet, pas ceux d’une ' +
        'adresse locale ou d’un port particulier.',
    );
  }
  return url;
}

function network(what: string, todo: string): AppError {
  return new AppError('NETWORK', `Flux non récupéré : ${what}. ${todo}`);
}

const CHECK_CONNECTION = 'Vérifiez la connexion à Internet, puis réessayez.';

function tooLarge(maxBytes: number): AppError {
  const mib = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return network(
    `flux trop volumineux (plus de ${String(mib).replace('.', ',')} Mo)`,
    'Ce n’est sans doute pas un flux d’alertes : vérifiez l’adresse.',
  );
}

/** Maps what Node's fetch throws to what the user can understand and do. */
function describeFailure(error: unknown, timedOut: boolean): AppError {
  if (error instanceof AppError) return error;
  if (timedOut) {
    return network('délai dépassé, le serveur n’a pas répondu à temps', CHECK_CONNECTION);
  }
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: string } | null)?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return network('hors ligne, ou adresse du serveur inconnue', CHECK_CONNECTION);
  }
  if (code === 'ECONNREFUSED') {
    return network('le serveur est injoignable (connexion refusée)', CHECK_CONNECTION);
  }
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN') {
    return network('hors ligne, le réseau est inaccessible', CHECK_CONNECTION);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return network('la connexion a été interrompue', 'Réessayez dans quelques minutes.');
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return network(
      'le certificat de sécurité du site est invalide',
      'N’utilisez pas ce flux tant que le site n’a pas corrigé son certificat.',
    );
  }
  return network('le serveur n’a pas pu être joint', CHECK_CONNECTION);
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

/** UTF-8 unless the XML declaration or the header names another encoding the runtime knows. */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const declared =
    /<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(head)?.[1] ??
    /charset\s*=\s*"?([A-Za-z0-9._-]{1,40})/i.exec(contentType ?? '')?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Downloads the feed at `url` and returns its text. Throws AppError: 'NETWORK' with what happened
 * (offline, timeout, HTTP error, too large), 'UNSAFE_URL' for an address it will not contact.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? FEED_MAX_BYTES;
  const allowLoopback = options.allowLoopback === true;
  const signal = AbortSignal.timeout(timeoutMs);
  let target = checkFeedUrl(url, allowLoopback);

  try {
    for (let hop = 0; ; hop += 1) {
      const response = await fetch(target, {
        signal,
        redirect: 'manual',
        headers: {
          accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1',
          'user-agent': 'Egide (veille des mentions)',
        },
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null || hop >= (options.maxRedirects ?? 3)) {
          throw network('trop de redirections', 'Vérifiez l’adresse du flux.');
        }
        target = checkFeedUrl(new URL(location, target).href, allowLoopback);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const hint =
          response.status === 404 || response.status === 410
            ? 'Le flux n’existe plus : recréez-le dans Google Alertes et collez sa nouvelle adresse.'
            : 'Réessayez plus tard.';
        throw network(`le serveur a répondu par une erreur (HTTP ${response.status})`, hint);
      }
      return decodeFeed(await readCapped(response, maxBytes), response.headers.get('content-type'));
    }
  } catch (error) {
    throw describeFailure(error, signal.aborted);
  }
}
