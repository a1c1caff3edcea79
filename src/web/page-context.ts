import type { Context } from 'hono';
import type { Account } from '../auth/accounts.js';
import type { Actor } from '../auth/policy.js';
import { pageNotFound } from './errors.js';
import { WebPageError } from './page-error.js';
import type { WebSession } from './sessions.js';
import type { WebEnv } from './web.env.js';

/**
 * What a page reads from its request, typed, so no page writes `!`. requireSession sends the
 * signed-out to sign in before any page runs, so these throw only when a page meant for someone
 * signed in is mounted as a public one: they answer with a page rather than a TypeError.
 */

const signInNeeded = () =>
  new WebPageError(
    401,
    'unauthenticated',
    'Sign in to see this page',
    'Go to the home page to sign in, then try again.',
  );

/** Who is looking at the page. */
export function pageActor(c: Context<WebEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw signInNeeded();
  return actor;
}

/** The signed-in account, for its own name and settings. */
export function pageAccount(c: Context<WebEnv>): Account {
  const account = c.get('account');
  if (!account) throw signInNeeded();
  return account;
}

/** The browser session of whoever is signed in. */
export function pageSession(c: Context<WebEnv>): WebSession {
  const session = c.get('session');
  if (!session) throw signInNeeded();
  return session;
}

/** A `:name` of the page's route; a page reached by a route without it is not found. */
export function pageParam(c: Context<WebEnv>, name: string): string {
  const value = c.req.param(name);
  if (value === undefined) throw pageNotFound();
  return value;
}
