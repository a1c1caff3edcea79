import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { actorOf } from '../auth/auth.service.js';
import { cookieName, cookieOptions } from './cookies.js';
import { safeReturnPath } from './return-path.js';
import { sessionAbsoluteMs } from './sessions.js';
import type { WebEnv } from './web.env.js';

const sessionCookie = 'session';

/**
 * Loads the browser session named by the cookie, if it is still alive and its account is still
 * active. A disabled account's sessions are ended on its next request.
 */
export const loadSession: MiddlewareHandler<WebEnv> = async (c, next) => {
  c.set('session', undefined);
  c.set('actor', undefined);
  c.set('account', undefined);
  c.set('sessionEnded', undefined);
  const name = cookieName(c, sessionCookie);
  const token = getCookie(c, name);
  if (token) {
    const { webSessions, auth } = c.var.services;
    const found = await webSessions.lookup(token);
    if (found.status === 'active') {
      const account = await auth.activeAccount(found.session.accountId);
      if (account) {
        c.set('session', found.session);
        c.set('account', account);
        c.set('actor', actorOf(account));
      } else {
        await webSessions.endAllFor(found.session.accountId);
        deleteCookie(c, name, cookieOptions(c));
      }
    } else {
      if (found.status === 'expired') c.set('sessionEnded', 'expired');
      deleteCookie(c, name, cookieOptions(c));
    }
  }
  await next();
  const session = c.get('session');
  if (session?.flash && c.req.method === 'GET' && c.res.status === 200)
    await c.var.services.webSessions.clearFlash(session.id);
};

/** Starts a session for an account that has just proved who it is; any session the browser had ends. */
export async function startSession(c: Context<WebEnv>, accountId: string): Promise<void> {
  const { webSessions } = c.var.services;
  const previous = c.get('session');
  if (previous) await webSessions.end(previous.id);
  const { token } = await webSessions.start(accountId);
  setCookie(c, cookieName(c, sessionCookie), token, { ...cookieOptions(c), maxAge: sessionAbsoluteMs / 1000 });
}

export async function endSession(c: Context<WebEnv>): Promise<void> {
  const session = c.get('session');
  if (session) await c.var.services.webSessions.end(session.id);
  deleteCookie(c, cookieName(c, sessionCookie), cookieOptions(c));
}

/** Pages anyone may open without signing in. Every other page needs a session. */
const publicPages = [
  /^\/sign-in$/,
  /^\/invitations\/[^/]+$/,
  /^\/password-reset(\/[^/]+)?$/,
  /^\/employers\/sign-up(\/.*)?$/,
  /^\/(help|contact|privacy|accessibility)$/,
  /^\/dev\/mail(\/.*)?$/,
  /^\/notifications\/unsubscribe\/[^/]+$/,
];

/**
 * Sends anyone without a session to the sign-in page, saying why when their session timed out,
 * and bringing them back to the page they asked for (for a form, the page they were on).
 */
export const requireSession: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (c.get('session') || publicPages.some((page) => page.test(c.req.path))) return next();
  const params = new URLSearchParams();
  const url = new URL(c.req.url);
  const back =
    c.req.method === 'GET' ? `${url.pathname}${url.search}` : safeReturnPath(refererPath(c), c.var.knownRoutes);
  if (back && back !== '/') params.set('returnTo', back);
  if (c.get('sessionEnded')) params.set('timedOut', '1');
  const query = params.toString();
  return c.redirect(`/sign-in${query ? `?${query}` : ''}`, 303);
};

function refererPath(c: Context<WebEnv>): string | undefined {
  const referer = c.req.header('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.host === c.req.header('host') ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

/** Sets the success message the next page shows in a notification banner, then redirects there (Post/Redirect/Get). */
export async function redirectWithFlash(c: Context<WebEnv>, to: string, heading: string, body?: string) {
  const session = c.get('session');
  if (session) await c.var.services.webSessions.setFlash(session.id, { heading, ...(body ? { body } : {}) });
  return c.redirect(to, 303);
}
