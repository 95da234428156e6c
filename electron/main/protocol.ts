import { pathToFileURL } from 'node:url';

import { net, protocol } from 'electron';

import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppPath } from './policy';

/** Serves the built renderer from app://egide/, refusing anything outside its folder. */
export function registerAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppPath(rendererRoot, request.url);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    const file = await net.fetch(pathToFileURL(resolved.filePath).toString());
    return new Response(file.body, {
      status: 200,
      headers: {
        'content-type': resolved.mime,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
