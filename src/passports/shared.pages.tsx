import { type Context, Hono } from 'hono';
import { sectionLabels } from '../domain/vocabulary.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { pageForbidden } from '../web/errors.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { sectionRows } from '../web/passport-fields.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate } from '../web/young-person.js';
import { purposeClause } from './passports.rules.js';

function employerOnly(c: Context<WebEnv>) {
  if (pageActor(c).role !== 'employer')
    throw pageForbidden('Shared passports are for the employers they were shared with.');
}

/** The passports young people have shared with the caller's organisation, while each share lasts. */
async function sharedListPage(c: Context<WebEnv>) {
  employerOnly(c);
  const shared = await c.var.services.passports.sharedWithMe(pageActor(c));
  return renderPage(
    c,
    { title: 'Shared passports' },
    <>
      <h1 class="govuk-heading-l">Shared passports</h1>
      <p class="govuk-body">
        Young people share parts of their adjustments passport so you know what helps them at work. Only people who need
        to know should read them.
      </p>
      {shared.length === 0 ? <p class="govuk-body">No one is sharing a passport with you now.</p> : null}
      <ul class="govuk-list">
        {shared.map(({ share, person }) => (
          <li class="govuk-!-margin-bottom-4">
            <a class="govuk-link govuk-!-font-weight-bold" href={`/shared-passports/${share.id}`}>
              {person.preferredName}
            </a>
            <p class="govuk-body-s govuk-!-margin-bottom-0">
              {share.sections.map((section) => sectionLabels[section]).join(', ') || 'No sections'}. Shared until{' '}
              {longDate(share.expiresAt)}.
            </p>
          </li>
        ))}
      </ul>
    </>,
  );
}

/**
 * One shared passport, readable and printable (the layout's print styles leave only the passport).
 * Every read is audited by the service. When the share has ended, the page says so and shows none
 * of the text: the policy, asked whether this caller could read the share were it active, decides
 * whether to say "ended" or "not found".
 */
async function sharedPassportPage(c: Context<WebEnv>, action: 'passport_share.read' | 'passport_share.print') {
  employerOnly(c);
  const actor = pageActor(c);
  const shareId = pageParam(c, 'shareId');
  const { passports } = c.var.services;
  let read;
  try {
    read = await passports.readShared(actor, shareId, c.get('requestId'), action);
  } catch (error) {
    if (!isRefusal(error, 'not_found', 'forbidden')) throw error;
    const ended = await passports.endedShare(actor, shareId);
    if (!ended) throw error;
    c.status(410);
    return renderPage(
      c,
      { title: 'This shared passport has ended', backLink: '/shared-passports' },
      <>
        <h1 class="govuk-heading-l">This shared passport has ended</h1>
        <p class="govuk-body">
          {ended.preferredName} is no longer sharing their passport with you
          {ended.endedAt ? ` (since ${longDate(ended.endedAt)})` : ''}. You cannot read it now.
        </p>
        <p class="govuk-body">
          If you printed it, please destroy the printout. If you still need to know what helps them at work, ask their
          job coach.
        </p>
      </>,
    );
  }
  const { share, person, sections } = read;
  const filled = share.sections.filter((section) => sectionRows(section, sections).length > 0);
  return renderPage(
    c,
    { title: `${person.preferredName}’s workplace adjustments passport`, backLink: '/shared-passports' },
    <>
      <h1 class="govuk-heading-l">{person.preferredName}’s workplace adjustments passport</h1>
      <p class="govuk-body">
        {person.preferredName} shared these parts with you {purposeClause(share.purpose)}. Shared until{' '}
        {longDate(share.expiresAt)}.
      </p>
      <p class="govuk-body">
        Please keep it private. Show it only to people who support {person.preferredName} at work.
      </p>
      <p class="govuk-body app-no-print">
        To print it for the supervisor, use your browser’s Print button. Only the passport is printed.
      </p>
      {filled.length === 0 ? <p class="govuk-body">The shared parts are empty at the moment.</p> : null}
      {filled.map((section) => (
        <>
          <h2 class="govuk-heading-m">{sectionLabels[section]}</h2>
          <SummaryList rows={sectionRows(section, sections)} />
        </>
      ))}
    </>,
  );
}

export function sharedPassportPages() {
  const app = new Hono<WebEnv>();
  app.get('/shared-passports', (c) => sharedListPage(c));
  app.get('/shared-passports/:shareId{[0-9a-f]{24}}', (c) => sharedPassportPage(c, 'passport_share.read'));
  app.get('/shared-passports/:shareId{[0-9a-f]{24}}/print', (c) => sharedPassportPage(c, 'passport_share.print'));
  return app;
}
