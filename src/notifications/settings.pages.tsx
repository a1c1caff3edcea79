import { type Context, Hono } from 'hono';
import { Button } from '../web/components/Button.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Radios } from '../web/components/Radios.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { type FieldErrors, list, readForm, text } from '../web/forms.js';
import { pageActor } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { kindDescriptions, type OptionalKind, optionalKinds, optionalKindsFor } from './kinds.js';
import type { NotificationPreferences } from './preferences.js';

const settingsPath = '/settings/notifications';

function settingsPage(c: Context<WebEnv>, preferences: NotificationPreferences, errors: FieldErrors = {}) {
  const actor = pageActor(c);
  const kinds = optionalKindsFor[actor.role];
  return renderPage(
    c,
    { title: 'Emails we send you', hasErrors: Object.keys(errors).length > 0 },
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Emails we send you</h1>
      <p class="govuk-body">We email you when something needs you. Choose which emails you want.</p>
      <p class="govuk-body">
        We always email you about your account's safety, for example a sign-in after your password changed. You cannot
        turn those off.
      </p>
      <form method="post" action={settingsPath} novalidate>
        <CsrfField token={csrfToken(c)} />
        {kinds.length > 0 ? (
          <Checkboxes
            name="email"
            legend="Email me when"
            legendSize="m"
            hint="Untick the ones you do not want."
            items={kinds.map((kind) => ({ value: kind, text: kindDescriptions[kind] }))}
            values={kinds.filter((kind) => preferences.email[kind])}
          />
        ) : null}
        <Radios
          name="dailyDigest"
          legend="How often"
          legendSize="m"
          items={[
            { value: 'no', text: 'One email each time something happens' },
            {
              value: 'yes',
              text: 'One email a day with everything',
              hint: 'Emails about your account’s safety still come straight away.',
            },
          ]}
          value={preferences.dailyDigest ? 'yes' : 'no'}
          error={errors.dailyDigest}
        />
        <Button>Save my choices</Button>
      </form>
    </>,
  );
}

/** The page every email links to for choosing which emails a person gets (the same choices as the API). */
export function notificationSettingsPages() {
  return new Hono<WebEnv>()
    .get(settingsPath, async (c) => settingsPage(c, await c.var.services.notifications.preferences(pageActor(c))))
    .post(settingsPath, async (c) => {
      const actor = pageActor(c);
      const { notifications } = c.var.services;
      const form = await readForm(c);
      const current = await notifications.preferences(actor);
      const digest = text(form, 'dailyDigest');
      if (digest !== 'yes' && digest !== 'no') {
        return settingsPage(c, current, { dailyDigest: 'Choose how often you want emails' });
      }
      // Kinds this role is not shown keep their current choice.
      const shown = new Set<OptionalKind>(optionalKindsFor[actor.role]);
      const ticked = new Set(list(form, 'email'));
      const email = Object.fromEntries(
        optionalKinds.map((kind) => [kind, shown.has(kind) ? ticked.has(kind) : current.email[kind]]),
      ) as Record<OptionalKind, boolean>;
      await notifications.setPreferences(actor, { email, dailyDigest: digest === 'yes' });
      return redirectWithFlash(c, settingsPath, 'Your email choices are saved');
    });
}
