import { PatternRouter } from 'hono/router/pattern-router';

/** The pages a browser may be sent back to: every GET route of the web app. */
export interface KnownRoutes {
  has(path: string): boolean;
}

export function knownRoutesOf(routes: readonly { method: string; path: string }[]): KnownRoutes {
  const router = new PatternRouter<true>();
  for (const route of routes) if (route.method === 'GET') router.add('GET', route.path, true);
  return { has: (path) => router.match('GET', path)[0].length > 0 };
}

/** Any origin will do: what matters is whether the value stays on it once the URL parser has read it. */
const ownOrigin = 'https://this-service.invalid';

/**
 * A page of this service to come back to (after signing in, after choosing whom a parent helps),
 * or undefined. Browsers read a Location more loosely than a string test does: they drop tabs
 * and newlines and read "\" as "/", so "/\t/evil.example" and "/\evil.example" lead off-site.
 * So the value must have no control characters or backslashes, must parse to this origin, and
 * its parsed path must be one of the app's own pages; what comes back is the parsed form.
 */
export function safeReturnPath(value: string | undefined, knownRoutes: KnownRoutes): string | undefined {
  if (!value || value.length > 512 || !value.startsWith('/')) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, ownOrigin);
  } catch {
    return undefined;
  }
  if (url.origin !== ownOrigin || !knownRoutes.has(url.pathname)) return undefined;
  return `${url.pathname}${url.search}`;
}
