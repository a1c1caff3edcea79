import { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { renderPage } from './render.js';
import type { WebEnv } from './web.env.js';

interface ProviderContact {
  name: string;
  localAuthority: string;
  admins: { name: string; email: string }[];
}

/** Where to turn when stuck, and what has changed lately. */
function HelpContent() {
  return (
    <>
      <h1 class="govuk-heading-l">Help</h1>
      <p class="govuk-body">Your job coach can help you use this service. Ask them if you are stuck.</p>
      <h2 class="govuk-heading-m">If you cannot sign in</h2>
      <p class="govuk-body">
        If you have forgotten your password,{' '}
        <a class="govuk-link" href="/password-reset">
          ask for a link to choose a new one
        </a>
        . We email it to you.
      </p>
      <p class="govuk-body">
        If your invitation link no longer works, ask the person who invited you to send a new one.
      </p>
      <h2 class="govuk-heading-m">If you are an employer</h2>
      <p class="govuk-body">
        To offer supported internships,{' '}
        <a class="govuk-link" href="/employers/sign-up">
          sign up your organisation
        </a>
        . A provider then checks it before your placements go live.
      </p>
      <h2 class="govuk-heading-m">Anything else</h2>
      <p class="govuk-body">
        <a class="govuk-link" href="/contact">
          Contact the people who run this service
        </a>
        .
      </p>
      <p class="govuk-body">We sign you out after 30 minutes if you do nothing. Save your answers before you stop.</p>
      <h2 class="govuk-heading-m">What has changed</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>
          When you say yes to a placement, you choose until when the employer can read your passport. It is never more
          than a year.
        </li>
        <li>
          When you stop sharing with an employer, we tell you what they can still read. You can stop sharing everything
          with them at once.
        </li>
        <li>
          Parents and carers are asked first if they have talked to the young person. The young person sees what was
          decided for them.
        </li>
        <li>“Who has seen my passport” shows one line for each person and day. People at work come first.</li>
        <li>“What helps me at work” asks about one help at a time.</li>
        <li>You can ask for a link to choose a new password.</li>
        <li>
          Job coaches can log any day of a week, change a weekly log, record a week’s hours for everyone at once, and
          keep a young person’s Access to Work in one place.
        </li>
        <li>Employers waiting for a check can ask for their placements to be published when it is done.</li>
      </ul>
    </>
  );
}

/** The providers that run the service, each with the people who look after it. */
function ContactContent(props: { providers: ProviderContact[] }) {
  return (
    <>
      <h1 class="govuk-heading-l">Contact us</h1>
      <p class="govuk-body">
        This service is run by the colleges and supported-employment services below. Each one has people who look after
        it: they add job coaches, check employers, and help anyone who is stuck.
      </p>
      <p class="govuk-body">
        Email the one near you. Say who you are and what you need. Do not put health details in the email.
      </p>
      <p class="govuk-body">If you are a young person or a parent or carer, your job coach can help too.</p>
      {props.providers.length === 0 ? (
        <p class="govuk-body">No provider has joined the service yet.</p>
      ) : (
        props.providers.map((provider) => (
          <>
            <h2 class="govuk-heading-m">{provider.name}</h2>
            <p class="govuk-body">Works in {provider.localAuthority}.</p>
            {provider.admins.length === 0 ? (
              <p class="govuk-body">Nobody can be contacted here at the moment. Try another provider.</p>
            ) : (
              <ul class="govuk-list">
                {provider.admins.map((admin) => (
                  <li>
                    {admin.name}:{' '}
                    <a class="govuk-link govuk-!-text-break-word" href={`mailto:${admin.email}`}>
                      {admin.email}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </>
        ))
      )}
    </>
  );
}

/** Whose the passport is and what the cookies are for. */
function PrivacyContent() {
  return (
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
    </>
  );
}

/** The standard the pages meet and what to do when one does not work. */
function AccessibilityContent() {
  return (
    <>
      <h1 class="govuk-heading-l">Accessibility</h1>
      <p class="govuk-body">
        We want everyone to be able to use this service. Every page is checked against the Web Content Accessibility
        Guidelines (WCAG) 2.2, level AA.
      </p>
      <p class="govuk-body">Every page works without JavaScript, on a small phone screen, and with a keyboard only.</p>
      <p class="govuk-body">If something does not work for you, tell your job coach and we will fix it.</p>
    </>
  );
}

/** The pages whose words never change: one row per page, its route, title and content. */
const staticPages: { path: string; title: string; Content: () => JSX.Element }[] = [
  { path: '/help', title: 'Help', Content: HelpContent },
  { path: '/privacy', title: 'Privacy', Content: PrivacyContent },
  { path: '/accessibility', title: 'Accessibility', Content: AccessibilityContent },
];

/** Help, contact, privacy and accessibility: short pages anyone can read without signing in. */
export function infoPages() {
  const app = new Hono<WebEnv>();
  for (const { path, title, Content } of staticPages) app.get(path, (c) => renderPage(c, { title }, <Content />));
  app.get('/contact', async (c) =>
    renderPage(
      c,
      { title: 'Contact us' },
      <ContactContent providers={await c.var.services.accounts.providerContacts()} />,
    ),
  );
  return app;
}
