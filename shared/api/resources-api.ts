import { z } from 'zod';

import type { MdBlock } from '../resources/markdown';
import type {
  BibliographyFile,
  DirectoryEntry,
  FirmsFile,
  GuidePage,
  InstitutionsFile,
  InsurersFile,
  SitesFile,
} from '../resources/schema';
import { method } from './define';
import { email, id, phone, requiredText, text } from './fields';

export const CONTACT_ROLES = ['avocat', 'commissaire', 'assureur', 'ordre', 'autre'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  avocat: 'Avocat',
  commissaire: 'Commissaire de justice',
  assureur: 'Assureur',
  ordre: 'Conseil départemental de l’Ordre',
  autre: 'Autre',
};

/** Directory entries that can receive a letter add the roles of their category. */
export type RecipientRole = ContactRole | 'editeur' | 'institution' | 'societe';

export const RECIPIENT_ROLE_LABELS: Record<RecipientRole, string> = {
  ...CONTACT_ROLE_LABELS,
  editeur: 'Éditeur de site',
  institution: 'Institution',
  societe: 'Société spécialisée',
};

export interface DirectoryNote {
  text: string;
  updatedAt: string;
  /** Label of the account that last wrote it; null when that account no longer exists. */
  updatedBy: string | null;
}

export interface DirectoryEntryWithNote extends DirectoryEntry {
  note: DirectoryNote | null;
}

export interface DirectoryData {
  sites: SitesFile;
  firms: FirmsFile;
  insurers: InsurersFile;
  institutions: InstitutionsFile;
  bibliography: BibliographyFile;
  entries: DirectoryEntryWithNote[];
}

export interface Contact {
  id: string;
  role: ContactRole;
  name: string;
  /** Optional fields are empty strings when not filled. */
  organisation: string;
  address: string;
  email: string;
  phone: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface Recipient {
  /** `contact:<id>` for the cabinet's contacts, the directory entry id otherwise. */
  id: string;
  source: 'contact' | 'directory';
  role: RecipientRole;
  name: string;
  organisation?: string;
  address?: string;
  email?: string;
  url?: string;
}

export interface GuidePageContent {
  page: GuidePage;
  blocks: MdBlock[];
}

export interface OpenedLink {
  /** 'system': the main process opened it; 'tab': the caller opens it (browser harness). */
  mode: 'system' | 'tab';
  url: string;
}

export const NOTE_MAX = 2000;

const entryId = z
  .string({ error: 'Entrée de l’annuaire attendue.' })
  .regex(/^(site|firm|insurer|institution|bib):[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'Entrée de l’annuaire inconnue.',
  });

const guideId = z
  .string({ error: 'Page du guide attendue.' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Cette page du guide n’existe pas.' })
  .max(80, { error: 'Cette page du guide n’existe pas.' });

export const contactSchema = z.object({
  id: id.optional(),
  role: z.enum(CONTACT_ROLES, {
    error: 'Rôle du contact : avocat, commissaire de justice, assureur, Ordre ou autre.',
  }),
  name: requiredText('Nom', 200),
  organisation: text('Organisation', 200).optional(),
  address: text('Adresse', 500).optional(),
  email: email('E-mail').optional(),
  phone: phone('Téléphone').optional(),
  notes: text('Notes', NOTE_MAX).optional(),
});
export type ContactInput = z.input<typeof contactSchema>;
export type ContactFields = z.output<typeof contactSchema>;

export const resourcesApi = {
  'resources.directory': method<DirectoryData>()(z.object({})),
  'resources.search': method<DirectoryEntryWithNote[]>()(
    z.object({ query: text('Recherche', 200) }),
  ),
  'resources.guideIndex': method<GuidePage[]>()(z.object({})),
  'resources.guidePage': method<GuidePageContent>()(z.object({ id: guideId })),
  'notes.set': method<DirectoryNote | null>()(
    z.object({ entryId, text: text('Note du cabinet', NOTE_MAX) }),
  ),
  'contacts.list': method<Contact[]>()(z.object({})),
  'contacts.save': method<Contact>()(contactSchema),
  'contacts.remove': method<null>()(z.object({ id })),
  'recipients.list': method<Recipient[]>()(z.object({})),
  'system.openExternal': method<OpenedLink>()(
    z.object({
      url: z
        .string({ error: 'Adresse du lien attendue.' })
        .max(2048, { error: 'Adresse du lien trop longue.' }),
    }),
  ),
};
