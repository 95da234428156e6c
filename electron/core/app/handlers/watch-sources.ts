/**
 * Listings and mentions the user keeps in the vault may open in the system browser, even when
 * their host is not on the built-in allowlist: the address comes from the vault, not the page.
 */
import { mentionHosts } from '../../watch/feeds';
import { listingHosts } from '../../watch/listings';
import { addExternalHostSource } from './resources';

let registered = false;

export function registerWatchHostSources(): void {
  if (registered) return;
  registered = true;
  addExternalHostSource((vault) => [...listingHosts(vault.db), ...mentionHosts(vault.db)]);
}
