import type { Context } from 'hono';
import { idParams } from '../core/db/ids.js';
import type { AppEnv } from '../core/http/env.js';
import { renderPassportPage } from './passport-print.js';

/** What the passport's operations share: their tag, the young person in their path, the printable page. */
export const tags = ['passports'];
export const person = idParams('youngPersonId');

const printPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The printable page: no scripts or outside resources (its own CSP), never cached, dated today. */
export function printed(c: Context<AppEnv>, page: Omit<Parameters<typeof renderPassportPage>[0], 'printedOn'>) {
  c.header('Content-Security-Policy', printPolicy);
  return c.html(renderPassportPage({ ...page, printedOn: c.var.services.clock.now().toISOString().slice(0, 10) }), 200);
}
