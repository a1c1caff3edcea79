import { Hono } from 'hono';
import { renderPage } from './render.js';
import type { WebEnv } from './web.env.js';

/** Help, privacy and accessibility: short pages anyone can read without signing in. */
export function infoPages() {
  const app = new Hono<WebEnv>();
  app.get('/help', (c) =>
    renderPage(
      c,
      { title: 'Help' },
      <>
        <h1 class="govuk-heading-l">Help</h1>
        <p class="govuk-body">Your job coach can help you use this service. Ask them if you are stuck.</p>
        <p class="govuk-body">If you cannot sign in, ask the person who invited you to send a new invitation.</p>
        <p class="govuk-body">We sign you out after 30 minutes if you do nothing. Save your answers before you stop.</p>
      </>,
    ),
  );
  app.get('/privacy', (c) =>
    renderPage(
      c,
      { title: 'Privacy' },
      <>
        <h1 class="govuk-heading-l">How we use your information</h1>
        <p class="govuk-body">
          Your adjustments passport belongs to you. Nobody outside your provider sees it unless you share it.
        </p>
        <p class="govuk-body">
          You choose which parts to share, with whom, and for how long. You can stop sharing at any time.
        </p>
        <p class="govuk-body">You can see who has read your passport, on the page "Who has seen my passport".</p>
        <p class="govuk-body">
          We use one cookie to keep you signed in, and one to protect forms. We do not use cookies to track you.
        </p>
      </>,
    ),
  );
  app.get('/accessibility', (c) =>
    renderPage(
      c,
      { title: 'Accessibility' },
      <>
        <h1 class="govuk-heading-l">Accessibility</h1>
        <p class="govuk-body">
          We want everyone to be able to use this service. Every page is checked against the Web Content Accessibility
          Guidelines (WCAG) 2.2, level AA.
        </p>
        <p class="govuk-body">
          Every page works without JavaScript, on a small phone screen, and with a keyboard only.
        </p>
        <p class="govuk-body">If something does not work for you, tell your job coach and we will fix it.</p>
      </>,
    ),
  );
  return app;
}
