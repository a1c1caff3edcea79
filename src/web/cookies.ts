import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';
import type { WebEnv } from './web.env.js';

const loopbackHosts = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Cookies are `__Host-` prefixed and Secure, so they are bound to this exact host over HTTPS.
 * Browsers also accept Secure cookies from http://localhost and http://127.0.0.1, which is how
 * development and the browser tests run. Only in development over plain HTTP on another host
 * (a container reached by its address, say) would a Secure cookie be dropped, so there, and only
 * there, the cookie goes without the prefix and without Secure.
 */
function secureCookies(c: Context<WebEnv>): boolean {
  if (c.var.services.config.NODE_ENV !== 'development') return true;
  const url = new URL(c.req.url);
  return url.protocol === 'https:' || loopbackHosts.test(c.req.header('host') ?? url.host);
}

export function cookieName(c: Context<WebEnv>, name: string): string {
  return secureCookies(c) ? `__Host-${name}` : name;
}

export function cookieOptions(c: Context<WebEnv>): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c) };
}
