import { z } from 'zod';

import type { CasePath, CaseStatus } from '../domain/cases';
import { LISTING_STATES, type ListingState } from '../domain/watch';
import type { Deadline, Urgency } from '../deadlines/types';
import type { CaseDetail } from './cases-api';
import { method } from './define';
import { isoDate, requiredText, text } from './fields';

const caseId = z.string().uuid({ error: 'Dossier introuvable.' });
const rowId = z.string().uuid({ error: 'Élément introuvable.' });
const deadlineKey = z
  .string()
  .min(1, { error: 'Échéance inconnue.' })
  .max(120, { error: 'Échéance inconnue.' });
const webUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2048, { error: `${label} : adresse trop longue.` })
    .refine((s) => s === '' || /^https:\/\/[^\s/]+[^\s]*$/i.test(s), {
      error: `${label} : l’adresse doit commencer par https:// (copiez-la depuis le navigateur).`,
    });

/** A deadline as the screens show it: with its case file and the countdown for today. */
export interface DeadlineView extends Deadline {
  caseTitle: string;
  /** Short case number, the only case reference that leaves the vault (calendar, notification). */
  caseRef: string;
  daysLeft: number;
  urgency: Urgency;
}

export interface DeadlineProblem {
  caseId: string;
  caseTitle: string;
  message: string;
}

export interface DeadlineList {
  today: string;
  deadlines: DeadlineView[];
  /** Case files whose deadlines could not be computed: shown, never silently dropped. */
  problems: DeadlineProblem[];
}

export interface OverrideRecord {
  deadlineKey: string;
  /** null: the computed date was restored. */
  date: string | null;
  reason: string;
  by: string;
  at: string;
}

export interface FollowUpRecord {
  id: string;
  correspondenceId: string | null;
  date: string;
  label: string;
  doneAt: string | null;
}

export interface GdprRequestRecord {
  correspondenceId: string;
  sent: string;
  arReceived: string | null;
  extended: boolean;
  subject: string;
}

export interface CaseDeadlines extends DeadlineList {
  caseId: string;
  path: CasePath;
  nextStep: { id: string; label: string } | null;
  /** What the user should fill in so the deadlines are right (French). */
  warnings: string[];
  /** True when palier 1 or 2 is next and a prescription runs: PRESCRIPTION_WARNING applies. */
  paliersWarning: boolean;
  overrideHistory: OverrideRecord[];
  followUps: FollowUpRecord[];
  gdprRequests: GdprRequestRecord[];
}

export interface OverdueLetter {
  correspondenceId: string;
  caseId: string;
  caseTitle: string;
  subject: string;
  date: string;
  answerExpected: string;
  daysLate: number;
}

export interface CaseGroup {
  path: CasePath;
  label: string;
  cases: Array<{
    id: string;
    title: string;
    status: CaseStatus;
    nextStep: string | null;
    waitsFor: string;
  }>;
}

export interface RecentActivity {
  seq: number;
  at: string;
  label: string;
  account: string;
  caseId: string | null;
  caseTitle: string | null;
}

export interface ListingsReminder {
  due: boolean;
  /** Listings not checked for LISTING_CHECK_DAYS days (never checked included). */
  stale: number;
  total: number;
}

export interface Dashboard extends DeadlineList {
  overdueLetters: OverdueLetter[];
  casesByPath: CaseGroup[];
  recent: RecentActivity[];
  dueSoon: DeadlineView[];
  listings: ListingsReminder;
}

export interface DueItem {
  key: string;
  caseId: string;
  caseRef: string;
  label: string;
  effective: string;
  daysLeft: number;
}

export interface DueNotification {
  items: DueItem[];
  /** Privacy-safe text for a desktop notification: case numbers, never titles. */
  title: string;
  body: string;
}

export interface ListingRow {
  /** 'site:<id>' for a directory site, 'user:<uuid>' for a site the user added. */
  key: string;
  builtIn: boolean;
  name: string;
  siteUrl: string;
  listingUrl: string;
  state: ListingState;
  lastChecked: string | null;
  notes: string;
  caseId: string | null;
  caseTitle: string | null;
  /** Not checked for LISTING_CHECK_DAYS days. */
  stale: boolean;
}

export interface ListingsView {
  today: string;
  rows: ListingRow[];
  reminder: ListingsReminder;
}

export interface GbpView {
  helpUrl: string;
  items: Array<{ id: string; label: string; detail: string; doneAt: string | null; by: string }>;
}

export interface FeedRow {
  id: string;
  url: string;
  label: string;
  createdAt: string;
  lastFetched: string | null;
  lastError: string | null;
  newCount: number;
}

export interface Mention {
  id: string;
  feedId: string;
  title: string;
  link: string | null;
  published: string | null;
  seenAt: string;
  dismissedAt: string | null;
  caseId: string | null;
}

const listingKey = z
  .string()
  .regex(/^(site:[a-z0-9-]{1,64}|user:[0-9a-f-]{36})$/, { error: 'Fiche introuvable.' });

export const watchApi = {
  'deadlines.list': method<DeadlineList>()(z.object({})),
  'deadlines.forCase': method<CaseDeadlines>()(z.object({ caseId })),
  'deadlines.override': method<CaseDeadlines>()(
    z.object({
      caseId,
      deadlineKey,
      date: isoDate,
      reason: requiredText('Motif de la correction', 1000),
    }),
  ),
  'deadlines.clearOverride': method<CaseDeadlines>()(
    z.object({
      caseId,
      deadlineKey,
      reason: text('Motif', 1000).default('Retour à la date calculée'),
    }),
  ),
  'deadlines.ics': method<{ filename: string; content: string }>()(z.object({})),
  'followups.add': method<CaseDeadlines>()(
    z.object({
      caseId,
      correspondenceId: z.string().max(64).nullable().optional(),
      date: isoDate,
      label: requiredText('Intitulé de la relance', 200),
    }),
  ),
  'followups.done': method<CaseDeadlines>()(z.object({ id: rowId })),
  'gdpr.markRequest': method<CaseDeadlines>()(
    z.object({ caseId, correspondenceId: z.string().min(1).max(64), isRequest: z.boolean() }),
  ),
  'gdpr.markExtended': method<CaseDeadlines>()(
    z.object({ caseId, correspondenceId: z.string().min(1).max(64) }),
  ),
  'dashboard.get': method<Dashboard>()(z.object({})),
  'notifications.due': method<DueNotification>()(z.object({})),
  'listings.list': method<ListingsView>()(z.object({})),
  'listings.save': method<ListingsView>()(
    z.object({
      key: listingKey,
      state: z.enum(LISTING_STATES, { error: 'État de fiche inconnu.' }),
      listingUrl: webUrl('Adresse de la fiche').default(''),
      notes: text('Notes', 2000).default(''),
    }),
  ),
  'listings.checked': method<ListingsView>()(z.object({ key: listingKey })),
  'listings.add': method<ListingsView>()(
    z.object({
      name: requiredText('Nom du site', 200),
      siteUrl: webUrl('Adresse du site').default(''),
      listingUrl: webUrl('Adresse de la fiche').default(''),
      state: z.enum(LISTING_STATES).default('non-verifiee'),
      notes: text('Notes', 2000).default(''),
    }),
  ),
  'listings.remove': method<ListingsView>()(z.object({ key: listingKey })),
  'listings.openCase': method<CaseDetail>()(z.object({ key: listingKey })),
  'gbp.get': method<GbpView>()(z.object({})),
  'gbp.set': method<GbpView>()(z.object({ itemId: z.string().max(40), done: z.boolean() })),
  'feeds.list': method<FeedRow[]>()(z.object({})),
  'feeds.add': method<FeedRow[]>()(
    z.object({
      url: z
        .string()
        .trim()
        .min(1, { error: 'Adresse du flux : ce champ est obligatoire.' })
        .max(2048, { error: 'Adresse du flux : adresse trop longue.' }),
      label: text('Nom du flux', 200).default(''),
    }),
  ),
  'feeds.remove': method<FeedRow[]>()(z.object({ id: rowId })),
  'feeds.refresh': method<{ newMentions: number }>()(z.object({ id: rowId })),
  'mentions.list': method<Mention[]>()(z.object({ includeDismissed: z.boolean().default(false) })),
  'mentions.dismiss': method<Mention[]>()(z.object({ id: rowId })),
  'mentions.toCase': method<CaseDetail>()(
    z.object({ id: rowId, kind: z.enum(['review', 'other']).default('other') }),
  ),
};
