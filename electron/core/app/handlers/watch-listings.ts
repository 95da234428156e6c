import { getCase } from '../../cases/repo';
import {
  addFeed,
  dismissMention,
  listFeeds,
  listMentions,
  mentionToCase,
  refreshFeed,
  removeFeed,
} from '../../watch/feeds';
import { getGbp, setGbp } from '../../watch/gbp';
import {
  addListing,
  listListings,
  markChecked,
  openCaseFromListing,
  removeListing,
  saveListing,
} from '../../watch/listings';
import { FEED_MAX_BYTES, FEED_TIMEOUT_MS } from '../../watch/feed-fetch';
import type { HandlerMap } from '../handler';

type WatchListingMethods =
  | 'listings.list'
  | 'listings.save'
  | 'listings.checked'
  | 'listings.add'
  | 'listings.remove'
  | 'listings.openCase'
  | 'gbp.get'
  | 'gbp.set'
  | 'feeds.list'
  | 'feeds.add'
  | 'feeds.remove'
  | 'feeds.refresh'
  | 'mentions.list'
  | 'mentions.dismiss'
  | 'mentions.toCase';

/** The listings watch, the Google page checklist and the mentions watch. */
export const watchListingHandlers: HandlerMap<WatchListingMethods> = {
  'listings.list': {
    access: 'session',
    run: (_i, { host, vault, now }) => listListings(vault, host.options.resourcesDir, now),
  },
  'listings.save': {
    access: 'session',
    run: async (input, { host, vault, now }) => {
      await saveListing(vault, host.options.resourcesDir, input, now);
      return listListings(vault, host.options.resourcesDir, now);
    },
  },
  'listings.checked': {
    access: 'session',
    run: async (input, { host, vault, now }) => {
      await markChecked(vault, host.options.resourcesDir, input.key, now);
      return listListings(vault, host.options.resourcesDir, now);
    },
  },
  'listings.add': {
    access: 'session',
    run: (input, { host, vault, now }) => {
      addListing(vault, input, now);
      return listListings(vault, host.options.resourcesDir, now);
    },
  },
  'listings.remove': {
    access: 'session',
    run: (input, { host, vault, now }) => {
      removeListing(vault, input.key, now);
      return listListings(vault, host.options.resourcesDir, now);
    },
  },
  'listings.openCase': {
    access: 'session',
    run: async (input, { host, vault, now }) =>
      getCase(vault, await openCaseFromListing(vault, host.options.resourcesDir, input.key, now)),
  },
  'gbp.get': { access: 'session', run: (_i, { vault }) => getGbp(vault) },
  'gbp.set': {
    access: 'session',
    run: (input, { vault, now }) => setGbp(vault, input.itemId, input.done, now),
  },
  'feeds.list': { access: 'session', run: (_i, { vault }) => listFeeds(vault.db) },
  'feeds.add': {
    access: 'session',
    run: (input, { host, vault, now }) => {
      addFeed(vault, input, host.options.allowLoopbackFeeds === true, now);
      return listFeeds(vault.db);
    },
  },
  'feeds.remove': {
    access: 'session',
    run: (input, { vault, now }) => {
      removeFeed(vault, input.id, now);
      return listFeeds(vault.db);
    },
  },
  'feeds.refresh': {
    access: 'session',
    run: async (input, { host, vault, now }) => ({
      newMentions: await refreshFeed(
        vault,
        input.id,
        {
          timeoutMs: FEED_TIMEOUT_MS,
          maxBytes: FEED_MAX_BYTES,
          allowLoopback: host.options.allowLoopbackFeeds === true,
        },
        now,
      ),
    }),
  },
  'mentions.list': {
    access: 'session',
    run: (input, { vault }) => listMentions(vault.db, input.includeDismissed),
  },
  'mentions.dismiss': {
    access: 'session',
    run: (input, { vault, now }) => {
      dismissMention(vault, input.id, now);
      return listMentions(vault.db, false);
    },
  },
  'mentions.toCase': {
    access: 'session',
    run: (input, { vault, now }) => getCase(vault, mentionToCase(vault, input.id, input.kind, now)),
  },
};
