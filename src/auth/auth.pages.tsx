import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Role } from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { NotificationBanner } from '../web/components/NotificationBanner.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { type FieldErrors, fieldErrors, readForm, text } from '../web/forms.js';
import { NewPasswordFields } from '../web/new-password-fields.js';
import { pageParam } from '../web/page-context.js';
import { WebPageError } from '../web/page-error.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { safeReturnPath } from '../web/return-path.js';
import { endSession, startSession } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { requestContext } from './auth.middleware.js';
import { passwordMaxLength } from './passwords.js';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .email('Enter an email address like name@example.com'),
  password: z
    .string()
    .min(1, 'Enter your password')
    .max(passwordMaxLength, `Password must be ${passwordMaxLength} characters or fewer`),
});

const roleNames: Record<Role, string> = {
  young_person: 'a young person',
  delegate: 'a parent, carer or someone who helps a young person',
  job_coach: 'a job coach',
  employer: 'an employer',
  provider_admin: 'someone who runs a provider',
};

function SignInForm(props: {
  csrf: string;
  email: string;
  errors: FieldErrors;
  returnTo?: string;
  timedOut: boolean;
  signedOut: boolean;
}) {
  const action = props.returnTo ? `/sign-in?returnTo=${encodeURIComponent(props.returnTo)}` : '/sign-in';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        {props.timedOut ? (
          <NotificationBanner heading="You were signed out">
            <p class="govuk-body">
              You did nothing for 30 minutes, so we signed you out to keep your information safe. Sign in again to carry
              on.
            </p>
          </NotificationBanner>
        ) : null}
        {props.signedOut ? <NotificationBanner type="success" heading="You are signed out" /> : null}
        <h1 class="govuk-heading-l">Sign in</h1>
        <p class="govuk-body">Sign in to see your adjustments passport, placements and messages.</p>
        <form method="post" action={action} novalidate>
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
          <Input
            name="password"
            type="password"
            label="Password"
            autocomplete="current-password"
            error={props.errors.password}
          />
          <Button>Sign in</Button>
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href="/password-reset">
            Forgotten your password?
          </a>
        </p>
        <h2 class="govuk-heading-m">New to this service?</h2>
        <p class="govuk-body">
          If your organisation wants to offer supported internships,{' '}
          <a class="govuk-link" href="/employers/sign-up">
            sign up as an employer
          </a>
          .
        </p>
        <p class="govuk-body">
          Young people, parents, carers and job coaches get an invitation by email. If you are waiting for one,{' '}
          <a class="govuk-link" href="/contact">
            contact us
          </a>
          .
        </p>
      </div>
    </div>
  );
}

function InvitationForm(props: {
  csrf: string;
  token: string;
  invitation: { email: string; name: string; role: Role; hasAccount: boolean };
  errors: FieldErrors;
}) {
  const { invitation } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        <h1 class="govuk-heading-l">{invitation.hasAccount ? 'Accept your invitation' : 'Choose a password'}</h1>
        <p class="govuk-body">
          You have been invited to use this service as {roleNames[invitation.role]}. Your email address is{' '}
          <strong>{invitation.email}</strong>.
        </p>
        <form method="post" action={`/invitations/${encodeURIComponent(props.token)}`} novalidate>
          <CsrfField token={props.csrf} />
          {invitation.hasAccount ? (
            <Input
              name="password"
              type="password"
              label="Your password"
              hint="You already have an account. Enter its password to accept."
              autocomplete="current-password"
              error={props.errors.password}
            />
          ) : (
            <NewPasswordFields label="Choose a password" againLabel="Type the password again" errors={props.errors} />
          )}
          <Button>{invitation.hasAccount ? 'Accept invitation' : 'Save password and sign in'}</Button>
        </form>
      </div>
    </div>
  );
}

const invitationGone = () =>
  new WebPageError(
    410,
    'gone',
    'This invitation link no longer works',
    'It may have been used already, withdrawn, or be more than 7 days old. Ask the person who invited you to send a new one.',
  );

/** The sign-in form; someone already signed in goes on to where they were going. */
function showSignIn(c: Context<WebEnv>) {
  if (c.get('session')) return c.redirect(safeReturnPath(c.req.query('returnTo'), c.var.knownRoutes) ?? '/', 303);
  return renderPage(
    c,
    { title: 'Sign in' },
    <SignInForm
      csrf={csrfToken(c)}
      email=""
      errors={{}}
      returnTo={safeReturnPath(c.req.query('returnTo'), c.var.knownRoutes)}
      timedOut={c.req.query('timedOut') === '1'}
      signedOut={c.req.query('signedOut') === '1'}
    />,
  );
}

/** Checks the email address and password, starts a session and goes on; the form again on a problem. */
async function signIn(c: Context<WebEnv>) {
  const form = await readForm(c);
  const returnTo = safeReturnPath(c.req.query('returnTo'), c.var.knownRoutes);
  const parsed = signInForm.safeParse({
    email: text(form, 'email'),
    password: typeof form.password === 'string' ? form.password : '',
  });
  const again = (errors: FieldErrors) => {
    c.status(400);
    return renderPage(
      c,
      { title: 'Sign in', hasErrors: true },
      <SignInForm
        csrf={csrfToken(c)}
        email={text(form, 'email')}
        errors={errors}
        returnTo={returnTo}
        timedOut={false}
        signedOut={false}
      />,
    );
  };
  if (!parsed.success) return again(fieldErrors(parsed.error));
  let account;
  try {
    account = await c.var.services.auth.checkPassword(parsed.data.email, parsed.data.password, requestContext(c));
  } catch (error) {
    if (isRefusal(error, 'unauthenticated'))
      return again({ email: 'The email address or password is not right. Check them and try again.' });
    throw error;
  }
  await startSession(c, account.id);
  return c.redirect(returnTo ?? '/', 303);
}

async function signOut(c: Context<WebEnv>) {
  await endSession(c);
  return c.redirect('/sign-in?signedOut=1', 303);
}

/** The timeout warning's "Stay signed in": loading the session has already renewed it. */
const keepSessionAlive = (c: Context<WebEnv>) => c.body(null, 204);

/** The invitation, asking for a new password or, for someone with an account, their password. */
async function showInvitation(c: Context<WebEnv>) {
  const token = pageParam(c, 'token');
  const invitation = await c.var.services.invitations.preview(token);
  if (!invitation) throw invitationGone();
  return renderPage(
    c,
    { title: invitation.hasAccount ? 'Accept your invitation' : 'Choose a password' },
    <InvitationForm csrf={csrfToken(c)} token={token} invitation={invitation} errors={{}} />,
  );
}

/** Accepts the invitation with the password given and signs in; the form again on a problem. */
async function acceptInvitation(c: Context<WebEnv>) {
  const token = pageParam(c, 'token');
  const { invitations } = c.var.services;
  const invitation = await invitations.preview(token);
  if (!invitation) throw invitationGone();
  const form = await readForm(c);
  const password = typeof form.password === 'string' ? form.password : '';
  const again = (errors: FieldErrors) => {
    c.status(400);
    return renderPage(
      c,
      { title: invitation.hasAccount ? 'Accept your invitation' : 'Choose a password', hasErrors: true },
      <InvitationForm csrf={csrfToken(c)} token={token} invitation={invitation} errors={errors} />,
    );
  };
  if (!password) return again({ password: invitation.hasAccount ? 'Enter your password' : 'Choose a password' });
  if (!invitation.hasAccount && password !== (typeof form.confirmPassword === 'string' ? form.confirmPassword : '')) {
    return again({ confirmPassword: 'The two passwords are not the same. Type the same password in both boxes.' });
  }
  let account;
  try {
    account = await invitations.accept({ token, password }, c.get('requestId'));
  } catch (error) {
    if (isRefusal(error, 'validation_failed', 'unprocessable', 'conflict')) {
      const detail = Array.isArray(error.details) ? error.details[0]?.message : undefined;
      return again({ password: detail ? `Password ${detail}` : error.message });
    }
    if (isRefusal(error, 'gone')) throw invitationGone();
    throw error;
  }
  await startSession(c, account.id);
  return c.redirect('/', 303);
}

/** Signing in and out, and accepting an invitation by choosing a password. */
export function authPages() {
  const app = new Hono<WebEnv>();
  app.get('/sign-in', showSignIn);
  app.post('/sign-in', signIn);
  app.post('/sign-out', signOut);
  app.post('/session/keep-alive', keepSessionAlive);
  app.get('/invitations/:token', showInvitation);
  app.post('/invitations/:token', acceptInvitation);
  return app;
}
