import type {
  DirectoryEntryWithNote,
  DirectoryNote,
  Recipient,
} from '../../../shared/api/resources-api';
import { searchEntries } from '../../../shared/resources/schema';
import type { DirectoryEntry, Resources } from '../../../shared/resources/schema';
import { listDirectoryEntries, loadResources } from '../resources/load';

export interface Catalog {
  resources: Resources;
  entries: DirectoryEntry[];
}

// The files ship with the app and never change while it runs: read and validate them once per
// folder. A failed load is forgotten so that the next call tries again.
const cache = new Map<string, Promise<Catalog>>();

export function loadCatalog(resourcesDir: string): Promise<Catalog> {
  let pending = cache.get(resourcesDir);
  if (pending === undefined) {
    pending = loadResources(resourcesDir).then((resources) => ({
      resources,
      entries: listDirectoryEntries(resources),
    }));
    pending.catch(() => cache.delete(resourcesDir));
    cache.set(resourcesDir, pending);
  }
  return pending;
}

export function withNotes(
  entries: readonly DirectoryEntry[],
  notes: ReadonlyMap<string, DirectoryNote>,
): DirectoryEntryWithNote[] {
  return entries.map((e) => ({ ...e, note: notes.get(e.id) ?? null }));
}

/**
 * Accent- and case-insensitive search over the directories; the cabinet's note counts as part of
 * the entry, so a contract number written on an insurer finds that insurer.
 */
export function searchWithNotes(
  entries: readonly DirectoryEntryWithNote[],
  query: string,
): DirectoryEntryWithNote[] {
  const searchable = entries.map((entry) => ({
    entry,
    name: entry.name,
    description:
      entry.note === null ? entry.description : `${entry.description} ${entry.note.text}`,
    tags: entry.tags,
    category: entry.category,
  }));
  return searchEntries(searchable, query).map((s) => s.entry);
}

/**
 * Directory entries a letter can be addressed to: the sites' editors, the institutions, the
 * insurers and the firms that offer a service (a free tool such as Google Alerts receives no
 * mail). The directories hold no postal or e-mail address; the letter screen asks for it.
 */
export function directoryRecipients(resources: Resources): Recipient[] {
  const recipients: Recipient[] = [];
  for (const s of resources.sites.sites) {
    recipients.push({
      id: `site:${s.id}`,
      source: 'directory',
      role: 'editeur',
      name: s.name,
      url: s.url,
    });
  }
  for (const x of resources.institutions.institutions) {
    const role =
      x.kind === 'ordre-national' || x.kind === 'ordre-departemental' ? 'ordre' : 'institution';
    const recipient: Recipient = {
      id: `institution:${x.id}`,
      source: 'directory',
      role,
      name: x.name,
    };
    if (x.url !== undefined) recipient.url = x.url;
    recipients.push(recipient);
  }
  for (const x of resources.insurers.insurers) {
    const recipient: Recipient = {
      id: `insurer:${x.id}`,
      source: 'directory',
      role: 'assureur',
      name: x.name,
    };
    if (x.website !== undefined) recipient.url = x.website;
    recipients.push(recipient);
  }
  for (const f of resources.firms.firms) {
    if (f.offers.includes('outil-gratuit')) continue;
    recipients.push({
      id: `firm:${f.id}`,
      source: 'directory',
      role: 'societe',
      name: f.name,
      url: f.url,
    });
  }
  return recipients;
}
