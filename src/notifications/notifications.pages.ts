import { Hono, type Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppEnv } from '../core/http/env.js';
import type { MailCatcher } from './mail-catcher.js';
import { serviceName } from './templates.js';

/** These pages post only to themselves and load nothing. */
const pageCsp = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function page(c: Context<AppEnv>, status: 200 | 404, title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  c.header('Content-Security-Policy', pageCsp);
  c.header('Cache-Control', 'no-store');
  return c.html(
    html`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} - ${serviceName}</title></head>
<body>
<a href="#main">Skip to main content</a>
<header><p>${serviceName}</p></header>
<main id="main">${body}</main>
</body>
</html>`,
    status,
  );
}

const notFoundBody = html`<h1>This link does not work</h1><p>The link may have been copied wrongly. To choose which emails you get, sign in and go to your email settings.</p><p><a href="/settings/notifications">Email settings</a></p>`;

/**
 * One-click unsubscribe (RFC 8058): mail clients POST to the link in `List-Unsubscribe`; a
 * person who opens the link gets a page with one button. Neither needs signing in, and each
 * turns off only the kind of email the link names. A GET changes nothing, so link scanners cannot.
 */
export function unsubscribePages() {
  return new Hono<AppEnv>()
    .get('/notifications/unsubscribe/:token', (c) => {
      const found = c.var.services.notifications.describeUnsubscribe(c.req.param('token'));
      if (!found) return page(c, 404, 'This link does not work', notFoundBody);
      return page(
        c,
        200,
        'Stop these emails',
        html`<h1>Stop these emails?</h1>
<p>You will stop getting emails about: ${found.description.toLowerCase()}.</p>
<p>You will still get other emails, and emails that keep your account safe.</p>
<form method="post"><button type="submit">Stop these emails</button></form>`,
      );
    })
    .post('/notifications/unsubscribe/:token', async (c) => {
      const done = await c.var.services.notifications.unsubscribe(c.req.param('token'));
      if (!done) return page(c, 404, 'This link does not work', notFoundBody);
      return page(
        c,
        200,
        'You will not get these emails',
        html`<h1>You will not get these emails</h1>
<p>We will not email you about: ${done.description.toLowerCase()}.</p>
<p>You can turn them back on in your <a href="/settings/notifications">email settings</a>.</p>`,
      );
    });
}

/** Development only: the emails the embedded mail catcher received, so the demo's emails can be read. */
export function devMailPages(catcher: MailCatcher) {
  return new Hono<AppEnv>()
    .get('/dev/mail', async (c) => {
      const messages = await catcher.list();
      const rows = messages.map(
        (message) =>
          html`<tr><td>${message.receivedAt.toISOString().replace('T', ' ').slice(0, 19)}</td><td>${message.to}</td><td><a href="/dev/mail/${message.id}">${message.subject || '(no subject)'}</a></td></tr>`,
      );
      return page(
        c,
        200,
        'Emails sent (development)',
        html`<h1>Emails sent (development)</h1>
<p>Every email the service sent while running without <code>SMTP_URL</code>, newest first. This page does not exist in production.</p>
${messages.length === 0 ? html`<p>No emails yet.</p>` : html`<table><caption>${messages.length} emails</caption><thead><tr><th scope="col">Received (UTC)</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`}`,
      );
    })
    .get('/dev/mail/:id', async (c) => {
      const message = await catcher.get(c.req.param('id'));
      if (!message) return page(c, 404, 'Email not found', html`<h1>Email not found</h1><p><a href="/dev/mail">All emails</a></p>`);
      const headerRows = Object.entries(message.headers)
        .filter(([name]) => ['from', 'to', 'subject', 'date', 'list-unsubscribe', 'list-unsubscribe-post', 'x-notification-kind'].includes(name))
        .map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`);
      return page(
        c,
        200,
        message.subject,
        html`<p><a href="/dev/mail">All emails</a></p>
<h1>${message.subject}</h1>
<dl>${headerRows}</dl>
<h2>Plain text</h2>
<pre>${message.text}</pre>
${message.html ? html`<p><a href="/dev/mail/${message.id}/html">See the HTML version</a></p>` : ''}`,
      );
    })
    .get('/dev/mail/:id/html', async (c) => {
      const message = await catcher.get(c.req.param('id'));
      if (!message?.html) return page(c, 404, 'Email not found', html`<h1>Email not found</h1><p><a href="/dev/mail">All emails</a></p>`);
      // The email's own HTML, sandboxed: its inline styles apply, nothing in it can run or load.
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      c.header('Cache-Control', 'no-store');
      return c.html(raw(message.html));
    });
}
