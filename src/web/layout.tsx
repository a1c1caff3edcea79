import type { Child } from 'hono/jsx';
import type { Account } from '../auth/accounts.js';
import type { Actor } from '../auth/policy.js';
import { assetPath } from './assets.js';
import { BackLink } from './components/BackLink.js';
import { NotificationBanner } from './components/NotificationBanner.js';
import { CsrfField } from './csrf.js';
import { navigationFor } from './navigation.js';
import { type Flash, sessionIdleMs } from './sessions.js';

/** The service's own name: this is not a GOV.UK service, so no crown, GOV.UK name or GDS font. */
export const serviceName = 'Supported internships';

/** The Frontend template's first script: marks the body so its CSS and JavaScript know JavaScript runs. */
const frontendSupportScript =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

export interface LayoutProps {
  /** The page's purpose; "Error: " is put in front when the page shows form errors. */
  title: string;
  hasErrors?: boolean;
  nonce: string;
  csrfToken: string;
  currentPath: string;
  account?: Account;
  actor?: Actor;
  actingFor?: { youngPersonId: string; name: string };
  flash?: Flash;
  backLink?: string;
  children: Child;
}

/** The one page layout: skip link, header with the service name and navigation, main, footer. */
export function Layout(props: LayoutProps) {
  return (
    <html lang="en" class="govuk-template">
      <head>
        <meta charset="utf-8" />
        <title>{`${props.hasErrors ? 'Error: ' : ''}${props.title} – ${serviceName}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <link rel="icon" sizes="48x48" href={assetPath('images/favicon.ico')} />
        <link rel="stylesheet" href={assetPath('govuk-frontend.min.css')} />
        <link rel="stylesheet" href={assetPath('service.css')} />
      </head>
      <body class="govuk-template__body">
        <script nonce={props.nonce} dangerouslySetInnerHTML={{ __html: frontendSupportScript }} />
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        <Header>
          {props.actor ? (
            <Navigation
              actor={props.actor}
              actingFor={props.actingFor}
              currentPath={props.currentPath}
              csrfToken={props.csrfToken}
            />
          ) : null}
        </Header>
        <div class="govuk-width-container">
          {props.account ? <SignedInAs account={props.account} actingFor={props.actingFor} /> : null}
          {props.backLink ? <BackLink href={props.backLink} /> : null}
          <main class="govuk-main-wrapper" id="main-content">
            {props.actor ? <TimeoutWarning csrfToken={props.csrfToken} /> : null}
            {props.flash ? (
              <NotificationBanner type="success" heading={props.flash.heading}>
                {props.flash.body ? <p class="govuk-body">{props.flash.body}</p> : null}
              </NotificationBanner>
            ) : null}
            {props.children}
          </main>
        </div>
        <Footer />
        <script type="module" nonce={props.nonce} src={assetPath('init.js')}></script>
      </body>
    </html>
  );
}

/** The generic header with the service's name; the navigation, for the signed-in, goes under it. */
function Header(props: { children: Child }) {
  return (
    <header class="govuk-template__header">
      <div class="govuk-generic-header app-header">
        <div class="govuk-generic-header__container govuk-width-container">
          <div class="govuk-generic-header__logo">
            <a href="/" class="govuk-generic-header__homepage-link app-header__name">
              {serviceName}
            </a>
          </div>
        </div>
      </div>
      {props.children}
    </header>
  );
}

interface NavigationProps {
  actor: Actor;
  actingFor: LayoutProps['actingFor'];
  currentPath: string;
  csrfToken: string;
}

/** The service navigation: the reader's menu, the current page marked, and the sign-out button. */
function Navigation(props: NavigationProps) {
  const navigation = navigationFor(props.actor, props.actingFor);
  const current = (href: string) => (href === '/' ? props.currentPath === '/' : props.currentPath.startsWith(href));
  return (
    <section
      aria-label="Menu and signed-in account"
      class="govuk-service-navigation"
      data-module="govuk-service-navigation"
    >
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
            <button
              type="button"
              class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
              aria-controls="navigation"
              hidden
              aria-hidden="true"
            >
              Menu
            </button>
            <ul class="govuk-service-navigation__list" id="navigation">
              {navigation.map((item) => (
                <li
                  class={
                    current(item.href)
                      ? 'govuk-service-navigation__item govuk-service-navigation__item--active'
                      : 'govuk-service-navigation__item'
                  }
                >
                  <a
                    class="govuk-service-navigation__link"
                    href={item.href}
                    aria-current={current(item.href) ? 'page' : undefined}
                  >
                    {current(item.href) ? (
                      <strong class="govuk-service-navigation__active-fallback">{item.text}</strong>
                    ) : (
                      item.text
                    )}
                  </a>
                </li>
              ))}
              <li class="govuk-service-navigation__item">
                <form method="post" action="/sign-out" class="app-sign-out">
                  <CsrfField token={props.csrfToken} />
                  <button type="submit" class="govuk-service-navigation__link app-link-button">
                    Sign out
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

/** Whose account this is, and whom a delegate acts for, with the way to change that. */
function SignedInAs(props: { account: Account; actingFor: LayoutProps['actingFor'] }) {
  return (
    <p class="govuk-body-s app-signed-in">
      Signed in as {props.account.name}
      {props.actingFor ? (
        <>
          {' '}
          – <strong>acting for {props.actingFor.name}</strong> as their delegate.{' '}
          <a class="govuk-link" href="/acting-for">
            Change
          </a>
        </>
      ) : null}
    </p>
  );
}

/** Hidden until the page's script counts down the idle time; without JavaScript the footer says the same. */
function TimeoutWarning(props: { csrfToken: string }) {
  return (
    <div
      id="timeout-warning"
      class="govuk-notification-banner"
      role="region"
      aria-labelledby="timeout-warning-title"
      data-idle-minutes={String(sessionIdleMs / 60_000)}
      hidden
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="timeout-warning-title">
          Important
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">We will sign you out in 5 minutes</p>
        <p class="govuk-body">You have not done anything for a while. To keep what you have typed, stay signed in.</p>
        <form method="post" action="/session/keep-alive">
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            Stay signed in
          </button>
        </form>
      </div>
    </div>
  );
}

const footerLinks = [
  { href: '/help', text: 'Help' },
  { href: '/contact', text: 'Contact us' },
  { href: '/privacy', text: 'Privacy: how we use your information' },
  { href: '/accessibility', text: 'Accessibility' },
];

/** The footer's help links and the sign-out rule in words. */
function Footer() {
  return (
    <footer class="govuk-template__footer">
      <div class="govuk-footer">
        <div class="govuk-width-container">
          <div class="govuk-footer__meta">
            <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 class="govuk-visually-hidden">Help and information</h2>
              <ul class="govuk-footer__inline-list">
                {footerLinks.map((link) => (
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href={link.href}>
                      {link.text}
                    </a>
                  </li>
                ))}
              </ul>
              <p class="govuk-body-s app-footer__text">
                We sign you out after 30 minutes if you do nothing, to keep your information safe. Anything you have not
                saved is lost then.
              </p>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
