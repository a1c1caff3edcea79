import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { cookieName, cookieOptions } from './cookies.js';
import { WebPageError } from './page-error.js';
import type { WebEnv } from './web.env.js';

/** The hidden field every form carries. */
export const csrfFieldName = '_csrf';

/** Before sign-in there is no session, so anonymous forms use a random value in a cookie (double submit). */
const anonymousCookie = 'csrf';

function sameValue(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The token a form on this page must carry: the session's, or the anonymous cookie's (made if missing). */
export function csrfToken(c: Context<WebEnv>): string {
  const session = c.get('session');
  if (session) return session.csrfToken;
  const made = c.get('anonymousCsrf');
  if (made) return made;
  const name = cookieName(c, anonymousCookie);
  let token = getCookie(c, name);
  if (!token || token.length < 32) {
    token = randomBytes(32).toString('base64url');
    setCookie(c, name, token, { ...cookieOptions(c), maxAge: 2 * 60 * 60 });
  }
  c.set('anonymousCsrf', token);
  return token;
}

/** The hidden input; put it first in every <form method="post">. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={csrfFieldName} value={props.token} />;
}

/** The request's own origin as the browser sees it (the Host header, which a proxy passes on). */
function sameOrigin(c: Context<WebEnv>, claimed: string): boolean {
  try {
    return new URL(claimed).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

const refused = () =>
  new WebPageError(
    403,
    'csrf',
    'This form could not be sent',
    'The form was out of date or came from another website. Nothing was changed. Go back, reload the page and try again.',
  );

/**
 * Every POST must come from one of our own pages: its Origin (or, when a browser leaves that
 * out, its Referer) must be this site, and the form must carry the session's token.
 */
export const verifyCsrf: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const origin = c.req.header('origin') ?? c.req.header('referer');
  if (!origin || !sameOrigin(c, origin)) throw refused();
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) throw refused();
  const body = await c.req.parseBody({ all: true });
  const sent = body[csrfFieldName];
  const session = c.get('session');
  const expected = session ? session.csrfToken : getCookie(c, cookieName(c, anonymousCookie));
  if (typeof sent !== 'string' || !expected || !sameValue(sent, expected)) throw refused();
  await next();
};
