import { METHOD_NAME_LIST } from '../../shared/api/method-names';

/**
 * The browser-side stand-in for the preload: the same `window.egide` shape, each call a POST to
 * the harness. The token travels in an HttpOnly cookie set when the page was loaded.
 */
export const BRIDGE_SCRIPT = `(() => {
  const names = ${JSON.stringify(METHOD_NAME_LIST)};
  const api = {};
  for (const name of names) {
    const [ns, method] = name.split('.');
    api[ns] = api[ns] || {};
    api[ns][method] = async (input) => {
      try {
        const res = await fetch('./api/' + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input === undefined ? {} : input),
        });
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return await res.json();
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Le service local ne répond pas. Relancez le banc de test.' } };
      }
    };
  }
  api.__harness = true;
  Object.freeze(api);
  Object.defineProperty(window, 'egide', { value: api, writable: false });
})();
`;
