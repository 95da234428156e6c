import { AppError } from '../../../../shared/api/errors';
import type { Recipient } from '../../../../shared/api/resources-api';
import { parseMarkdown } from '../../../../shared/resources/markdown';
import { listContacts, removeContact, saveContact } from '../../directory/contacts';
import {
  directoryRecipients,
  loadCatalog,
  searchWithNotes,
  withNotes,
} from '../../directory/catalog';
import { readNotes, setNote } from '../../directory/notes';
import { readGuidePage } from '../../resources/load';
import { isExternalUrlAllowed } from '../../security/external-links';
import type { OpenVault } from '../../vault/open-vault';
import type { HandlerMap } from '../handler';

type ResourcesMethods =
  | 'resources.directory'
  | 'resources.search'
  | 'resources.guideIndex'
  | 'resources.guidePage'
  | 'notes.set'
  | 'contacts.list'
  | 'contacts.save'
  | 'contacts.remove'
  | 'recipients.list'
  | 'system.openExternal';

type HostSource = (vault: OpenVault) => readonly string[];
const extraHostSources: HostSource[] = [];

/**
 * Lets a feature that records the cabinet's own web addresses (for example the page of a review
 * in a case file) allow their hosts for openExternal, beyond the built-in allowlist.
 * Limitation: no feature registers a source yet, so only the allowlist opens today.
 */
export function addExternalHostSource(source: HostSource): void {
  extraHostSources.push(source);
}

export const resourcesHandlers: HandlerMap<ResourcesMethods> = {
  'resources.directory': {
    access: 'session',
    run: async (_i, { host, vault }) => {
      const { resources, entries } = await loadCatalog(host.options.resourcesDir);
      const { guide: _guide, ...directories } = resources;
      return { ...directories, entries: withNotes(entries, readNotes(vault.db)) };
    },
  },
  'resources.search': {
    access: 'session',
    run: async (input, { host, vault }) => {
      const { entries } = await loadCatalog(host.options.resourcesDir);
      return searchWithNotes(withNotes(entries, readNotes(vault.db)), input.query);
    },
  },
  'resources.guideIndex': {
    access: 'session',
    run: async (_i, { host }) =>
      (await loadCatalog(host.options.resourcesDir)).resources.guide.pages,
  },
  'resources.guidePage': {
    access: 'session',
    run: async (input, { host }) => {
      const { resources } = await loadCatalog(host.options.resourcesDir);
      const markdown = await readGuidePage(host.options.resourcesDir, input.id, resources.guide);
      const page = resources.guide.pages.find((p) => p.id === input.id)!;
      return { page, blocks: parseMarkdown(markdown) };
    },
  },
  'notes.set': {
    access: 'session',
    run: async (input, { host, vault, now }) => {
      const { entries } = await loadCatalog(host.options.resourcesDir);
      if (!entries.some((e) => e.id === input.entryId)) {
        throw new AppError(
          'NOT_FOUND',
          'Cette entrée ne figure pas dans les annuaires d’Égide : la note n’a pas été enregistrée.',
          'entryId',
        );
      }
      return setNote(vault, input.entryId, input.text, now);
    },
  },
  'contacts.list': { access: 'session', run: (_i, { vault }) => listContacts(vault.db) },
  'contacts.save': {
    access: 'session',
    run: (input, { vault, now }) => saveContact(vault, input, now),
  },
  'contacts.remove': {
    access: 'session',
    run: (input, { vault, now }) => {
      removeContact(vault, input.id, now);
      return null;
    },
  },
  'recipients.list': {
    access: 'session',
    run: async (_i, { host, vault }) => {
      const { resources } = await loadCatalog(host.options.resourcesDir);
      const contacts = listContacts(vault.db).map((c): Recipient => {
        const recipient: Recipient = {
          id: `contact:${c.id}`,
          source: 'contact',
          role: c.role,
          name: c.name,
        };
        if (c.organisation !== '') recipient.organisation = c.organisation;
        if (c.address !== '') recipient.address = c.address;
        if (c.email !== '') recipient.email = c.email;
        return recipient;
      });
      return [...contacts, ...directoryRecipients(resources)];
    },
  },
  'system.openExternal': {
    access: 'session',
    run: (input, { vault }) => {
      const extraHosts = extraHostSources.flatMap((source) => source(vault));
      if (!isExternalUrlAllowed(input.url, extraHosts)) {
        throw new AppError(
          'UNSAFE_URL',
          'Égide n’ouvre que les liens https:// vers les sites de ses annuaires et les sources du ' +
            'guide. Si vous avez confiance dans ce lien, copiez-le dans votre navigateur.',
          'url',
        );
      }
      // Electron's main process intercepts this method, opens the system browser and answers
      // 'system'; the browser harness has no shell, so the page opens a tab itself.
      return { mode: 'tab', url: input.url };
    },
  },
};
