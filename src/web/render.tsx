import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import { csrfToken } from './csrf.js';
import { Layout } from './layout.js';
import type { WebEnv } from './web.env.js';

export interface PageOptions {
  title: string;
  hasErrors?: boolean;
  backLink?: string;
}

/** Renders content in the layout with everything the layout needs from the request. */
export function renderPage(c: Context<WebEnv>, options: PageOptions, content: Child) {
  const session = c.get('session');
  c.header('Cache-Control', 'no-store');
  return c.html(
    html`<!DOCTYPE html>${(
      <Layout
        title={options.title}
        hasErrors={options.hasErrors}
        backLink={options.backLink}
        nonce={c.get('nonce')}
        csrfToken={csrfToken(c)}
        currentPath={c.req.path}
        account={c.get('account')}
        actor={c.get('actor')}
        actingFor={session?.actingFor}
        flash={session?.flash}
      >
        {content}
      </Layout>
    )}`,
  );
}
