import {
  addFollowUp,
  clearOverride,
  doneFollowUp,
  markGdprExtended,
  markGdprRequest,
  recordOverride,
} from '../../deadlines/changes';
import { caseDeadlines, deadlinesIcs, listDeadlines } from '../../deadlines/views';
import { getDashboard } from '../../watch/dashboard';
import { dueNotification } from '../../watch/notify';
import type { HandlerMap } from '../handler';
import { watchListingHandlers } from './watch-listings';
import { registerWatchHostSources } from './watch-sources';

type DeadlineMethods =
  | 'deadlines.list'
  | 'deadlines.forCase'
  | 'deadlines.override'
  | 'deadlines.clearOverride'
  | 'deadlines.ics'
  | 'followups.add'
  | 'followups.done'
  | 'gdpr.markRequest'
  | 'gdpr.markExtended'
  | 'dashboard.get'
  | 'notifications.due';

registerWatchHostSources();

/**
 * Deadlines, the dashboard and the notifications. Both roles use them: watching deadlines is the
 * secretary's daily work; every correction keeps who made it and why.
 */
const deadlineHandlers: HandlerMap<DeadlineMethods> = {
  'deadlines.list': { access: 'session', run: (_i, { vault, now }) => listDeadlines(vault, now) },
  'deadlines.forCase': {
    access: 'session',
    run: (input, { vault, now }) => caseDeadlines(vault, input.caseId, now),
  },
  'deadlines.override': {
    access: 'session',
    run: (input, { vault, now }) => {
      recordOverride(vault, input, now);
      return caseDeadlines(vault, input.caseId, now);
    },
  },
  'deadlines.clearOverride': {
    access: 'session',
    run: (input, { vault, now }) => {
      clearOverride(vault, input, now);
      return caseDeadlines(vault, input.caseId, now);
    },
  },
  'deadlines.ics': { access: 'session', run: (_i, { vault, now }) => deadlinesIcs(vault, now) },
  'followups.add': {
    access: 'session',
    run: (input, { vault, now }) => {
      addFollowUp(vault, input, now);
      return caseDeadlines(vault, input.caseId, now);
    },
  },
  'followups.done': {
    access: 'session',
    run: (input, { vault, now }) => caseDeadlines(vault, doneFollowUp(vault, input.id, now), now),
  },
  'gdpr.markRequest': {
    access: 'session',
    run: (input, { vault, now }) => {
      markGdprRequest(vault, input, now);
      return caseDeadlines(vault, input.caseId, now);
    },
  },
  'gdpr.markExtended': {
    access: 'session',
    run: (input, { vault, now }) => {
      markGdprExtended(vault, input, now);
      return caseDeadlines(vault, input.caseId, now);
    },
  },
  'dashboard.get': {
    access: 'session',
    run: (_i, { host, vault, now }) => getDashboard(vault, host.options.resourcesDir, now),
  },
  'notifications.due': {
    access: 'session',
    run: (_i, { vault, now }) => dueNotification(vault, now),
  },
};

export const watchHandlers = { ...deadlineHandlers, ...watchListingHandlers };
