import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { type FieldErrors, fieldErrors, readForm, text } from '../web/forms.js';
import { NewPasswordFields } from '../web/new-password-fields.js';
import { pageParam } from '../web/page-context.js';
import { WebPageError } from '../web/page-error.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { requestContext } from './auth.middleware.js';
import { passwordMaxLength } from './passwords.js';

const emailForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address like name@example.com'),
});

/** A token as the emailed link carries it; other words after /password-reset/ are pages of their own. */
const tokenPattern = '{[A-Za-z0-9_-]{20,200}}';

const linkNotValid = () =>
  new WebPageError(
    410,
    'gone',
    'This link to choose a new password does not work',
    'It may have been used already, a newer link may have been sent, or it is more than 1 hour old. Ask for a new link on the "Forgotten your password?" page.',
  );

function RequestForm(props: { csrf: string; email: string; errors: FieldErrors }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        <h1 class="govuk-heading-l">Forgotten your password?</h1>
        <p class="govuk-body">
          Type the email address you sign in with. We will email you a link to choose a new password.
        </p>
        <form method="post" action="/password-reset" novalidate>
          <CsrfField token={props.csrf} />
          <Input
            name="email"
            type="email"
            label="Email address"
            autocomplete="username"
            spellcheck={false}
            value={props.email}
            error={props.errors.email}
          />
          <Button>Email me a link</Button>
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href="/sign-in">
            Back to sign in
          </a>
        </p>
      </div>
    </div>
  );
}

function NewPasswordForm(props: { csrf: string; token: string; email: string; errors: FieldErrors }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        <h1 class="govuk-heading-l">Choose a new password</h1>
        <p class="govuk-body">
          For the account with the email address <strong class="govuk-!-text-break-word">{props.email}</strong>.
        </p>
        <p class="govuk-body">When you save it, you are signed out everywhere. Then sign in with the new password.</p>
        <form method="post" action={`/password-reset/${encodeURIComponent(props.token)}`} novalidate>
          <CsrfField token={props.csrf} />
          <NewPasswordFields label="New password" againLabel="Type the new password again" errors={props.errors} />
          <Button>Save the new password</Button>
        </form>
      </div>
    </div>
  );
}

/** Asks for the email address to send a link to. */
const showRequestForm = (c: Context<WebEnv>) =>
  renderPage(
    c,
    { title: 'Forgotten your password?', backLink: '/sign-in' },
    <RequestForm csrf={csrfToken(c)} email="" errors={{}} />,
  );

/** Sends a link if the address is an account's, saying the same either way; the form again on a problem. */
async function requestLink(c: Context<WebEnv>) {
  const form = await readForm(c);
  const again = (status: 400 | 429, errors: FieldErrors) => {
    c.status(status);
    return renderPage(
      c,
      { title: 'Forgotten your password?', hasErrors: true, backLink: '/sign-in' },
      <RequestForm csrf={csrfToken(c)} email={text(form, 'email')} errors={errors} />,
    );
  };
  const parsed = emailForm.safeParse({ email: text(form, 'email') });
  if (!parsed.success) return again(400, fieldErrors(parsed.error));
  try {
    await c.var.services.passwordResets.request(parsed.data.email, requestContext(c));
  } catch (error) {
    if (isRefusal(error, 'rate_limited')) {
      return again(429, {
        email: 'You have asked for a new password too many times. Wait 1 hour, then try again.',
      });
    }
    throw error;
  }
  return c.redirect('/password-reset/email-sent', 303);
}

/** Says a link is on its way if the address is an account's, and what to do if none comes. */
const showEmailSent = (c: Context<WebEnv>) =>
  renderPage(
    c,
    { title: 'Check your email' },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Check your email</h1>
        <p class="govuk-body">
          If an account uses the email address you typed, we have sent it a link to choose a new password.
        </p>
        <p class="govuk-body">The link works once, for 1 hour.</p>
        <p class="govuk-body">
          No email after 10 minutes? Look in your spam or junk folder. Or check that you typed the address you sign in
          with, and{' '}
          <a class="govuk-link" href="/password-reset">
            ask for a new link
          </a>
          .
        </p>
        <p class="govuk-body">
          Still stuck?{' '}
          <a class="govuk-link" href="/contact">
            Contact us
          </a>
          .
        </p>
      </div>
    </div>,
  );

/** Says the password is changed and every session ended. */
const showPasswordChanged = (c: Context<WebEnv>) =>
  renderPage(
    c,
    { title: 'Your password is changed' },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Your password is changed</h1>
        <p class="govuk-body">We have signed you out everywhere, on every computer and phone.</p>
        <p class="govuk-body">
          <a class="govuk-link" href="/sign-in">
            Sign in with your new password
          </a>
        </p>
      </div>
    </div>,
  );

/** The new password form, for a link that still works. */
async function showNewPasswordForm(c: Context<WebEnv>) {
  const token = pageParam(c, 'token');
  const reset = await c.var.services.passwordResets.preview(token);
  if (!reset) throw linkNotValid();
  return renderPage(
    c,
    { title: 'Choose a new password' },
    <NewPasswordForm csrf={csrfToken(c)} token={token} email={reset.email} errors={{}} />,
  );
}

/** Saves the new password through the link; the form again on a problem. */
async function saveNewPassword(c: Context<WebEnv>) {
  const token = pageParam(c, 'token');
  const { passwordResets } = c.var.services;
  const reset = await passwordResets.preview(token);
  if (!reset) throw linkNotValid();
  const form = await readForm(c);
  const password = typeof form.password === 'string' ? form.password : '';
  const again = (errors: FieldErrors) => {
    c.status(400);
    return renderPage(
      c,
      { title: 'Choose a new password', hasErrors: true },
      <NewPasswordForm csrf={csrfToken(c)} token={token} email={reset.email} errors={errors} />,
    );
  };
  if (!password) return again({ password: 'Choose a new password' });
  if (password.length > passwordMaxLength)
    return again({ password: `Password must be ${passwordMaxLength} characters or fewer` });
  if (password !== (typeof form.confirmPassword === 'string' ? form.confirmPassword : '')) {
    return again({ confirmPassword: 'The two passwords are not the same. Type the same password in both boxes.' });
  }
  try {
    await passwordResets.confirm({ token, newPassword: password }, requestContext(c));
  } catch (error) {
    if (isRefusal(error, 'unprocessable')) {
      const detail = Array.isArray(error.details) ? error.details[0]?.message : undefined;
      return again({ password: detail ? `Password ${detail}` : error.message });
    }
    if (isRefusal(error, 'gone', 'not_found')) throw linkNotValid();
    throw error;
  }
  return c.redirect('/password-reset/done', 303);
}

/** "Forgotten your password?": ask for a one-time link by email, then choose a new password through it. */
export function passwordResetPages() {
  const app = new Hono<WebEnv>();
  app.get('/password-reset', showRequestForm);
  app.post('/password-reset', requestLink);
  app.get('/password-reset/email-sent', showEmailSent);
  app.get('/password-reset/done', showPasswordChanged);
  app.get(`/password-reset/:token${tokenPattern}`, showNewPasswordForm);
  app.post(`/password-reset/:token${tokenPattern}`, saveNewPassword);
  return app;
}
