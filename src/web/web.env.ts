import type { AppEnv } from '../core/http/env.js';
import type { KnownRoutes } from './return-path.js';
import type { WebSession } from './sessions.js';

/** What every web request carries: the API's variables plus the page's CSP nonce and the browser session. */
export interface WebEnv {
  Variables: AppEnv['Variables'] & {
    /** A fresh random value per response; every <script> carries it and the CSP names it. */
    nonce: string;
    session: WebSession | undefined;
    /** Why the previous session ended, when the cookie named one that had timed out. */
    sessionEnded: 'expired' | undefined;
    /** The anonymous CSRF token of this response, once made, so every form on the page carries the same one. */
    anonymousCsrf: string | undefined;
    /** The web app's own pages, the only places a return path (`returnTo`, `then`) may lead. */
    knownRoutes: KnownRoutes;
  };
}
