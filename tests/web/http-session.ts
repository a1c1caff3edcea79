import type { Harness } from '../helpers/harness.js';
import { password } from '../helpers/world.js';

/**
 * A browser session driven over plain HTTP, in process: faster than Chromium where a test only
 * needs statuses, headers and the HTML (a page's answer to each of many people or inputs).
 */
export interface WebClient {
  /** The CSRF token of the session, for POSTs. */
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, form: Record<string, string>): Promise<Response>;
}

const origin = 'http://localhost';

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF field on the page');
  return token;
}

/** A client without a session, with the anonymous CSRF cookie the sign-in form needs. */
export async function anonymousClient(harness: Harness): Promise<WebClient & { cookies: string[] }> {
  const signInPage = await harness.app.request(`${origin}/sign-in`);
  return clientWith(harness, cookiesOf(signInPage), csrfOf(await signInPage.text()));
}

function clientWith(harness: Harness, cookies: string[], csrf: string): WebClient & { cookies: string[] } {
  return {
    cookies,
    csrf,
    get: async (path) => harness.app.request(`${origin}${path}`, { headers: { cookie: cookies.join('; ') } }),
    post: async (path, form) =>
      harness.app.request(`${origin}${path}`, {
        method: 'POST',
        headers: {
          cookie: cookies.join('; '),
          origin,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
      }),
  };
}

/** Signs in through the sign-in form, as a browser would, and returns the signed-in client. */
export async function signInOverHttp(harness: Harness, email: string): Promise<WebClient> {
  const anonymous = await anonymousClient(harness);
  const signedIn = await anonymous.post('/sign-in', { email, password });
  if (signedIn.status !== 303) throw new Error(`sign-in failed for ${email}: ${signedIn.status}`);
  const cookies = cookiesOf(signedIn);
  // Every page's header carries the sign-out form, and with it the session's CSRF token.
  const help = await harness.app.request(`${origin}/help`, { headers: { cookie: cookies.join('; ') } });
  return clientWith(harness, cookies, csrfOf(await help.text()));
}
