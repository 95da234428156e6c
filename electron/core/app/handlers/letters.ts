import {
  addEntry,
  awaitingEntries,
  getEntry,
  listEntries,
  updateEntry,
} from '../../letters/correspondence-service';
import { letterDocx } from '../../letters/export';
import { listLetters } from '../../letters/letter-view';
import {
  createLetter,
  letterDetail,
  removeLetter,
  updateLetter,
} from '../../letters/letters-service';
import { publishReply, saveReply } from '../../letters/reply-service';
import { markSent } from '../../letters/send-service';
import { validateLetter } from '../../letters/validate-service';
import {
  createTemplate,
  duplicateTemplate,
  listTemplates,
  removeTemplate,
  saveTemplate,
  templateDetail,
} from '../../letters/templates-service';
import type { HandlerMap } from '../handler';

type LetterMethods =
  | 'templates.list'
  | 'templates.get'
  | 'templates.duplicate'
  | 'templates.create'
  | 'templates.save'
  | 'templates.remove'
  | 'letters.list'
  | 'letters.get'
  | 'letters.create'
  | 'letters.update'
  | 'letters.validate'
  | 'letters.remove'
  | 'letters.docx'
  | 'letters.markSent'
  | 'letters.saveReply'
  | 'letters.publish'
  | 'correspondence.list'
  | 'correspondence.awaiting'
  | 'correspondence.add'
  | 'correspondence.update';

/**
 * Templates, letters and correspondence. The secretary prepares and sends; only the doctor
 * validates a letter (the host refuses 'medecin' methods to other accounts).
 */
export const letterHandlers: HandlerMap<LetterMethods> = {
  'templates.list': {
    access: 'session',
    run: (_i, { host, vault }) => listTemplates(vault, host.options.resourcesDir),
  },
  'templates.get': {
    access: 'session',
    run: (input, { host, vault }) =>
      templateDetail(vault, host.options.resourcesDir, input.templateId, input.version),
  },
  'templates.duplicate': {
    access: 'session',
    run: async (input, { host, vault, now }) => {
      const dir = host.options.resourcesDir;
      const id = await duplicateTemplate(vault, dir, input.templateId, input.version, now);
      return templateDetail(vault, dir, id);
    },
  },
  'templates.create': {
    access: 'session',
    run: (input, { host, vault, now }) =>
      templateDetail(vault, host.options.resourcesDir, createTemplate(vault, input, now)),
  },
  'templates.save': {
    access: 'session',
    run: async ({ templateId, ...input }, { host, vault, now }) => {
      const dir = host.options.resourcesDir;
      await saveTemplate(vault, dir, templateId, input, now);
      return templateDetail(vault, dir, templateId);
    },
  },
  'templates.remove': {
    access: 'session',
    run: async (input, { host, vault, now }) => {
      await removeTemplate(vault, host.options.resourcesDir, input.templateId, now);
      return null;
    },
  },

  'letters.list': { access: 'session', run: (input, { vault }) => listLetters(vault, input) },
  'letters.get': {
    access: 'session',
    run: (input, { host, vault }) => letterDetail(vault, host.options.resourcesDir, input.letterId),
  },
  'letters.create': {
    access: 'session',
    run: async (input, { host, vault, now }) => {
      const dir = host.options.resourcesDir;
      const id = await createLetter(vault, dir, input, now);
      return letterDetail(vault, dir, id);
    },
  },
  'letters.update': {
    access: 'session',
    run: (input, { host, vault, now }) => {
      updateLetter(vault, input, now);
      return letterDetail(vault, host.options.resourcesDir, input.letterId);
    },
  },
  'letters.validate': {
    access: 'medecin',
    run: (input, { host, vault, now }) => {
      validateLetter(vault, input.letterId, now);
      return letterDetail(vault, host.options.resourcesDir, input.letterId);
    },
  },
  'letters.remove': {
    access: 'session',
    run: (input, { vault, now }) => {
      removeLetter(vault, input.letterId, now);
      return null;
    },
  },
  'letters.docx': {
    access: 'session',
    run: (input, { vault, now }) => letterDocx(vault, input.letterId, now),
  },
  'letters.markSent': {
    access: 'session',
    run: (input, { host, vault, now }) => {
      markSent(vault, input, now);
      return letterDetail(vault, host.options.resourcesDir, input.letterId);
    },
  },
  'letters.saveReply': {
    access: 'session',
    run: async (input, { host, vault, now }) => {
      const dir = host.options.resourcesDir;
      return letterDetail(vault, dir, await saveReply(vault, dir, input, now));
    },
  },
  'letters.publish': {
    access: 'session',
    run: (input, { host, vault, now }) => {
      publishReply(vault, input.letterId, input.date, now);
      return letterDetail(vault, host.options.resourcesDir, input.letterId);
    },
  },

  'correspondence.list': {
    access: 'session',
    run: (input, { vault, now }) => listEntries(vault, input.caseId, now),
  },
  'correspondence.awaiting': {
    access: 'session',
    run: (_i, { vault, now }) => awaitingEntries(vault, now),
  },
  'correspondence.add': {
    access: 'session',
    run: (input, { vault, now }) => getEntry(vault, addEntry(vault, input, now), now),
  },
  'correspondence.update': {
    access: 'session',
    run: (input, { vault, now }) => {
      updateEntry(vault, input, now);
      return getEntry(vault, input.entryId, now);
    },
  },
};
