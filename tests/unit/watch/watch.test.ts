import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CaseDetail } from '../../../shared/api/cases-api';
import type {
  Dashboard,
  DueNotification,
  GbpView,
  ListingsView,
} from '../../../shared/api/watch-api';
import { watchHost, type WatchHost } from './helpers';

let h: WatchHost;
beforeEach(async () => {
  h = await watchHost('2026-02-01T10:00:00.000Z');
});
afterEach(() => h.cleanup());

async function unlawful(title: string, firstPosted: string): Promise<string> {
  const c = await h.createCase({ kind: 'review', title, firstPosted, firstPostedHow: 'page' });
  await h.call('cases.qualify', { caseId: c.id, lawful: false, categories: ['injure'] });
  return c.id;
}

describe('listings watch', () => {
  it('lists every directory site, records a state, a URL and the check date', async () => {
    let view = await h.call<ListingsView>('listings.list');
    const doctoome = view.rows.find((r) => r.key === 'site:doctoome')!;
    expect(doctoome).toMatchObject({ builtIn: true, state: 'non-verifiee', stale: true });
    expect(view.rows.length).toBeGreaterThanOrEqual(10);
    expect(view.reminder).toMatchObject({ due: true, stale: view.rows.length });

    view = await h.call('listings.save', {
      key: 'site:doctoome',
      state: 'presente',
      listingUrl: 'https://www.doctoome.com/medecin/lefort',
    });
    // Saving a state is not a check: the reminder still counts the site.
    expect(view.rows.find((r) => r.key === 'site:doctoome')!.stale).toBe(true);
    view = await h.call('listings.checked', { key: 'site:doctoome' });
    expect(view.rows.find((r) => r.key === 'site:doctoome')).toMatchObject({
      state: 'presente',
      listingUrl: 'https://www.doctoome.com/medecin/lefort',
      lastChecked: '2026-02-01',
      stale: false,
    });
    expect(view.reminder.stale).toBe(view.rows.length - 1);

    // Thirty days later the check is stale again: the monthly reminder comes back for it.
    await h.moveTo('2026-03-03T10:00:00.000Z');
    view = await h.call('listings.list');
    expect(view.rows.find((r) => r.key === 'site:doctoome')!.stale).toBe(true);
  });

  it('adds and removes a site of the user; refuses bad input and unknown sites', async () => {
    let view = await h.call<ListingsView>('listings.add', {
      name: 'Annuaire local',
      siteUrl: 'https://annuaire-local.example/',
    });
    const mine = view.rows.find((r) => !r.builtIn)!;
    expect(mine).toMatchObject({ name: 'Annuaire local', state: 'non-verifiee' });
    // Its host may now open in the browser, as the directory's sites do.
    expect(
      await h.call('system.openExternal', { url: 'https://annuaire-local.example/fiche/1' }),
    ).toMatchObject({ mode: 'tab' });

    await expect(h.call('listings.add', { name: 'Sans adresse' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      h.call('listings.add', { name: 'X', siteUrl: 'http://insecure.example/' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'siteUrl' });
    await expect(
      h.call('listings.save', { key: 'site:inconnu', state: 'presente' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.call('listings.remove', { key: 'site:doctoome' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });

    view = await h.call('listings.remove', { key: mine.key });
    expect(view.rows.some((r) => !r.builtIn)).toBe(false);
  });

  it('opens a listing case file carrying the listing’s details, once', async () => {
    await h.call('listings.save', {
      key: 'site:doctoome',
      state: 'presente',
      listingUrl: 'https://www.doctoome.com/medecin/lefort',
    });
    const c = await h.call<CaseDetail>('listings.openCase', { key: 'site:doctoome' });
    expect(c).toMatchObject({ kind: 'listing', platform: 'Doctoome', path: 'fiche' });
    expect(c.fields).toMatchObject({
      url: 'https://www.doctoome.com/medecin/lefort',
      platformEntryId: 'site:doctoome',
    });
    const again = await h.call<CaseDetail>('listings.openCase', { key: 'site:doctoome' });
    expect(again.id).toBe(c.id);
    const view = await h.call<ListingsView>('listings.list');
    expect(view.rows.find((r) => r.key === 'site:doctoome')!.caseId).toBe(c.id);
  });
});

describe('Google Business Profile checklist', () => {
  it('ticks and unticks steps with who did them; refuses an unknown step', async () => {
    let gbp = await h.call<GbpView>('gbp.get');
    expect(gbp.helpUrl).toMatch(/^https:\/\/support\.google\.com\/business\//);
    expect(gbp.items.map((i) => i.id)).toEqual(
      expect.arrayContaining(['revendiquer', 'valider', 'informations', 'avis']),
    );
    gbp = await h.call('gbp.set', { itemId: 'revendiquer', done: true });
    expect(gbp.items.find((i) => i.id === 'revendiquer')).toMatchObject({
      doneAt: '2026-02-01T10:00:00.000Z',
      by: 'Dr Lefort',
    });
    gbp = await h.call('gbp.set', { itemId: 'revendiquer', done: false });
    expect(gbp.items.find((i) => i.id === 'revendiquer')!.doneAt).toBeNull();
    await expect(h.call('gbp.set', { itemId: 'pirate', done: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('dashboard, notifications and calendar', () => {
  it('gathers deadlines, late letters, case files by path and recent activity', async () => {
    const urgent = await unlawful('Avis de M. Durand', '2025-11-05');
    await h.createCase({ kind: 'review', title: 'À qualifier' });
    const listing = await h.createCase({ kind: 'listing', title: 'Fiche Doctolib' });
    h.addSent(listing.id, { date: '2026-01-02', answerExpected: '2026-01-30' });
    h.addSent(listing.id, { date: '2026-01-20', answerExpected: '2026-02-20' });

    const d = await h.call<Dashboard>('dashboard.get');
    expect(d.today).toBe('2026-02-01');
    const first = d.deadlines[0]!;
    expect(first).toMatchObject({
      caseId: urgent,
      key: 'prescription:65',
      effective: '2026-02-05',
    });
    expect(first.daysLeft).toBe(4);
    expect(d.dueSoon.map((x) => x.key)).toContain('prescription:65');
    expect(d.overdueLetters).toHaveLength(1);
    expect(d.overdueLetters[0]).toMatchObject({
      caseTitle: 'Fiche Doctolib',
      answerExpected: '2026-01-30',
      daysLate: 2,
    });
    expect(d.casesByPath.map((g) => g.path)).toEqual(['paliers', 'fiche', 'a-qualifier']);
    expect(d.casesByPath[0]!.cases[0]).toMatchObject({
      nextStep: 'Palier 1 — Signalement à l’éditeur ou à l’hébergeur',
    });
    expect(d.casesByPath[2]!.cases[0]!.waitsFor).toMatch(/qualification/);
    expect(d.recent[0]).toMatchObject({ label: 'Dossier ouvert', account: 'Dr Lefort' });
    expect(
      d.recent.some((r) => r.label === 'Contenu qualifié' && r.caseTitle === 'Avis de M. Durand'),
    ).toBe(true);
    expect(d.recent.every((r) => !r.label.includes('.'))).toBe(true);
    expect(d.listings.due).toBe(true);
  });

  it('notifies what is due within 7 days once a day, with case numbers only', async () => {
    const id = await unlawful('Avis de M. Durand', '2025-11-05');
    await unlawful('Avis lointain', '2026-01-25');
    let n = await h.call<DueNotification>('notifications.due');
    expect(n.items.map((i) => i.key)).toEqual(['prescription:65', 'reponse-lcen']);
    expect(n.items[0]!.caseId).toBe(id);
    expect(n.title).toBe('Égide : 2 échéances dans les 7 jours');
    expect(n.body).toMatch(/Dossier n° [0-9A-F]{8} — Prescription.*dans 4 jours/);
    expect(n.body).not.toMatch(/Durand/);

    n = await h.call('notifications.due');
    expect(n.items).toEqual([]);
    await h.moveTo('2026-02-02T08:00:00.000Z');
    n = await h.call('notifications.due');
    expect(n.items).toHaveLength(2);
    // The daily bookkeeping is no activity of anyone's.
    const d = await h.call<Dashboard>('dashboard.get');
    expect(d.recent.some((r) => r.label === 'Modification enregistrée')).toBe(false);
  });

  it('exports the deadlines as iCalendar without case titles or the user’s words', async () => {
    await expect(h.call('deadlines.ics')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const id = await unlawful('Avis de M. Durand', '2025-11-05');
    await h.call('followups.add', { caseId: id, date: '2026-02-03', label: 'Appeler Mme Martin' });
    const { filename, content } = await h.call<{ filename: string; content: string }>(
      'deadlines.ics',
    );
    expect(filename).toBe('echeances-egide.ics');
    expect(content).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(content).toContain('DTSTART;VALUE=DATE:20260205');
    expect(content).toMatch(/SUMMARY:Dossier n° [0-9A-F]{8} — Prescription/);
    expect(content).toMatch(/SUMMARY:Dossier n° [0-9A-F]{8} — Relance prévue/);
    expect(content).not.toMatch(/Durand|Martin/);
  });
});
