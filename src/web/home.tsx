import type { Context } from 'hono';
import type { Role } from '../domain/vocabulary.js';
import { navigationFor } from './navigation.js';
import { pageAccount, pageActor } from './page-context.js';
import { renderPage } from './render.js';
import type { WebEnv } from './web.env.js';

export type HomePage = (c: Context<WebEnv>) => Response | Promise<Response>;

/** Until a role has its own "what to do next" page, its home lists where it can go. */
function linksHome(c: Context<WebEnv>) {
  const account = pageAccount(c);
  const links = navigationFor(pageActor(c), c.get('session')?.actingFor).filter((item) => item.href !== '/');
  return renderPage(
    c,
    { title: 'Home' },
    <>
      <h1 class="govuk-heading-l">Hello, {account.name}</h1>
      <p class="govuk-body">What do you want to do?</p>
      <ul class="govuk-list">
        {links.map((link) => (
          <li>
            <a class="govuk-link" href={link.href}>
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </>,
  );
}

/** The home page ("what to do next") of each role; a feature's pages register theirs here. */
export function homePageFor(role: Role, homes: Partial<Record<Role, HomePage>>): HomePage {
  return homes[role] ?? linksHome;
}
