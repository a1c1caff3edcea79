import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../core/http/env.js';
import { Button } from '../web/components/Button.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { renderPage } from '../web/render.js';
import type { PageModule } from '../web/web.app.js';
import type { WebEnv } from '../web/web.env.js';
import { unsubscribePath } from './preferences.js';

/** The body mail clients send to a `List-Unsubscribe-Post` link (RFC 8058). */
const oneClickBody = 'List-Unsubscribe=One-Click';

const linkNotWorking = (c: Context<WebEnv>) =>
  renderPage(
    c,
    { title: 'This link does not work' },
    <>
      <h1 class="govuk-heading-l">This link does not work</h1>
      <p class="govuk-body">
        The link may have been copied wrongly. To choose which emails you get, sign in and go to your email settings.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/settings/notifications">
          Email settings
        </a>
      </p>
    </>,
  );

/**
 * The page behind each email's "Stop emails like this one" link: one button, no sign-in. Opening
 * it changes nothing (link scanners open links); the button posts to the one-click endpoint.
 */
async function unsubscribePage(c: Context<WebEnv>) {
  const token = c.req.param('token') ?? '';
  const found = await c.var.services.notifications.describeUnsubscribe(token);
  if (!found) {
    c.status(404);
    return linkNotWorking(c);
  }
  const about = found.description.toLowerCase();
  if (c.req.query('done') !== undefined && found.off) {
    return renderPage(
      c,
      { title: 'You will not get these emails' },
      <>
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">You will not get these emails</h1>
        </div>
        <p class="govuk-body">We will not email you about: {about}.</p>
        <p class="govuk-body">You still get other emails, and emails that keep your account safe.</p>
        <p class="govuk-body">
          You can turn these emails back on in your{' '}
          <a class="govuk-link" href="/settings/notifications">
            email settings
          </a>
          .
        </p>
      </>,
    );
  }
  return renderPage(
    c,
    { title: 'Stop these emails' },
    <>
      <h1 class="govuk-heading-l">Stop these emails?</h1>
      <p class="govuk-body">You will stop getting emails about: {about}.</p>
      <p class="govuk-body">You will still get other emails, and emails that keep your account safe.</p>
      <form method="post" action={unsubscribePath(token)} novalidate>
        <input type="hidden" name="confirm" value="yes" />
        <Button>Stop these emails</Button>
      </form>
    </>,
  );
}

/** Development only: the emails the embedded mail catcher received, newest first. */
async function devMailList(c: Context<WebEnv>) {
  const catcher = c.var.services.devMail;
  if (!catcher || c.var.services.config.NODE_ENV === 'production') return c.notFound();
  const messages = await catcher.list();
  return renderPage(
    c,
    { title: 'Emails sent (development)' },
    <>
      <h1 class="govuk-heading-l">Emails sent (development)</h1>
      <p class="govuk-body">
        Every email the service sent while running without a mail server (no SMTP_URL), newest first. This page does not
        exist in production.
      </p>
      {messages.length === 0 ? (
        <p class="govuk-body">No emails yet.</p>
      ) : (
        <Table
          caption={messages.length === 1 ? '1 email' : `${messages.length} emails`}
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Received (UTC)' }, { text: 'To' }, { text: 'Subject' }]}
          rows={messages.map((message) => [
            { text: message.receivedAt.toISOString().replace('T', ' ').slice(0, 19) },
            { text: message.to, classes: 'app-section-text' },
            {
              text: (
                <a class="govuk-link" href={`/dev/mail/${message.id}`}>
                  {message.subject || '(no subject)'}
                </a>
              ),
            },
          ])}
        />
      )}
    </>,
  );
}

const shownHeaders = ['from', 'to', 'date', 'x-notification-kind', 'list-unsubscribe', 'list-unsubscribe-post'];

async function devMailMessage(c: Context<WebEnv>) {
  const catcher = c.var.services.devMail;
  if (!catcher || c.var.services.config.NODE_ENV === 'production') return c.notFound();
  const message = await catcher.get(c.req.param('id') ?? '');
  if (!message) return c.notFound();
  return renderPage(
    c,
    { title: message.subject || 'Email', backLink: '/dev/mail' },
    <>
      <h1 class="govuk-heading-l">{message.subject || '(no subject)'}</h1>
      <SummaryList
        rows={shownHeaders.flatMap((name) => {
          const value = message.headers[name];
          return value ? [{ key: name, value }] : [];
        })}
      />
      <h2 class="govuk-heading-m">Plain text</h2>
      <p class="govuk-body app-section-text">{message.text}</p>
      {message.html ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/dev/mail/${message.id}/html`}>
            See the HTML version
          </a>
        </p>
      ) : null}
    </>,
  );
}

/** The web pages of notifications: unsubscribing and the development mail viewer (email settings: settings.pages.tsx). */
export const notificationPages: PageModule = {
  routes: new Hono<WebEnv>()
    .get('/notifications/unsubscribe/:token', unsubscribePage)
    .get('/dev/mail', devMailList)
    .get('/dev/mail/:id', devMailMessage),
};

/**
 * Routes outside the web pages' session and CSRF checks. The one-click POST comes from mail
 * clients (RFC 8058), carries no cookie or form token and needs none: the link itself names one
 * account and one kind and cannot be forged. A browser's button gets the confirmation page back.
 */
export function notificationEndpoints() {
  return new Hono<AppEnv>()
    .post('/notifications/unsubscribe/:token', async (c) => {
      const token = c.req.param('token');
      const done = await c.var.services.notifications.unsubscribe(token);
      const fromMailClient = (await c.req.text()).trim() === oneClickBody;
      c.header('Cache-Control', 'no-store');
      if (fromMailClient) return c.text(done ? 'Unsubscribed.' : 'This link does not work.', done ? 200 : 404);
      return c.redirect(`${unsubscribePath(token)}${done ? '?done' : ''}`, 303);
    })
    .get('/dev/mail/:id/html', async (c) => {
      const catcher = c.var.services.devMail;
      const message =
        catcher && c.var.services.config.NODE_ENV !== 'production' ? await catcher.get(c.req.param('id')) : undefined;
      if (!message?.html) return c.notFound();
      // The email's own HTML, sandboxed: its inline styles apply, nothing in it can run or load.
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      c.header('Cache-Control', 'no-store');
      return c.html(raw(message.html));
    });
}
