import { type Context, Hono } from 'hono';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { type PersonPage, withPerson } from '../web/young-person.js';
import { findShare } from './find-share.js';
import type { PassportShare } from './passports.repository.js';
import { sectionsOnlyIn, shareStatus } from './passports.rules.js';
import { partsOf, shareInWords, sharesPath } from './share-words.js';

/** The active shares with the employer named in the path, and its name; 404 when there are none. */
async function findSharesWith(c: Context<WebEnv>, person: PersonPage) {
  const { passports, clock } = c.var.services;
  const now = clock.now();
  const employerId = pageParam(c, 'employerId');
  const withEmployer = (await passports.shares(person.actor, person.youngPersonId)).filter(
    (share) => share.employerId === employerId && shareStatus(share, now) === 'active',
  );
  if (withEmployer.length === 0) throw pageNotFound();
  const name = (await passports.employerNames(withEmployer)).get(employerId) ?? 'the employer';
  return { employerId, withEmployer, name };
}

/** What stays shared with an employer after one share stops: each other share, by its parts and end. */
function StillShared(props: { name: string; others: PassportShare[] }) {
  if (props.others.length === 0) return null;
  return (
    <>
      <p class="govuk-body">{props.name} can still read these parts, because they were shared another time:</p>
      <ul class="govuk-list govuk-list--bullet">
        {props.others.map((other) => (
          <li>{shareInWords(other)}</li>
        ))}
      </ul>
    </>
  );
}

/** Asks before stopping one share, saying what the employer loses and what stays shared. */
const askToStopShare = (c: Context<WebEnv>) =>
  withPerson(c, async (person) => {
    const { share, name, others } = await findShare(c, person);
    const title = `Stop sharing ${partsOf(share.sections)} with ${name}?`;
    const lost = sectionsOnlyIn(share, others);
    return renderPage(
      c,
      { title, backLink: sharesPath(person.youngPersonId) },
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{title}</h1>
          <p class="govuk-body">
            {lost.length > 0
              ? `${name} will not be able to read ${partsOf(lost)} any more. This happens straight away.`
              : `This share ends straight away.`}
          </p>
          <StillShared name={name} others={others} />
          <p class="govuk-body">You can share with them again later if you want.</p>
          <form method="post" novalidate>
            <CsrfField token={csrfToken(c)} />
            <ButtonGroup>
              <Button variant="warning">Yes, stop sharing</Button>
              <a class="govuk-link" href={sharesPath(person.youngPersonId)}>
                No, go back
              </a>
            </ButtonGroup>
          </form>
          {others.length > 0 ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`${sharesPath(person.youngPersonId)}/employers/${share.employerId}/withdraw`}>
                Stop sharing everything with {name}
              </a>
            </p>
          ) : null}
        </div>
      </div>,
    );
  });

/** Stops one share and says what the employer can still read. */
const stopShare = (c: Context<WebEnv>) =>
  withPerson(c, async (person) => {
    const { share, name } = await findShare(c, person);
    await c.var.services.passports.withdrawShare(person.actor, person.youngPersonId, share.id, c.get('requestId'));
    const { others } = await findShare(c, person);
    return redirectWithFlash(
      c,
      sharesPath(person.youngPersonId),
      `You stopped sharing ${partsOf(share.sections)} with ${name}`,
      others.length > 0
        ? `${name} can still read: ${others.map(shareInWords).join('; ')}.`
        : `${name} cannot read the passport any more.`,
    );
  });

/** Asks before stopping every share with an employer, listing each. */
const askToStopSharingWith = (c: Context<WebEnv>) =>
  withPerson(c, async (person) => {
    const { withEmployer, name } = await findSharesWith(c, person);
    const title = `Stop sharing everything with ${name}?`;
    return renderPage(
      c,
      { title, backLink: sharesPath(person.youngPersonId) },
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{title}</h1>
          <p class="govuk-body">
            {name} will not be able to read any of the passport any more. This happens straight away. These shares end:
          </p>
          <ul class="govuk-list govuk-list--bullet">
            {withEmployer.map((share) => (
              <li>{shareInWords(share)}</li>
            ))}
          </ul>
          <p class="govuk-body">You can share with them again later if you want.</p>
          <form method="post" novalidate>
            <CsrfField token={csrfToken(c)} />
            <ButtonGroup>
              <Button variant="warning">Yes, stop sharing everything</Button>
              <a class="govuk-link" href={sharesPath(person.youngPersonId)}>
                No, go back
              </a>
            </ButtonGroup>
          </form>
        </div>
      </div>,
    );
  });

/** Stops every share with an employer. */
const stopSharingWith = (c: Context<WebEnv>) =>
  withPerson(c, async (person) => {
    const { employerId, name } = await findSharesWith(c, person);
    await c.var.services.passports.withdrawSharesWith(
      person.actor,
      person.youngPersonId,
      employerId,
      c.get('requestId'),
    );
    return redirectWithFlash(
      c,
      sharesPath(person.youngPersonId),
      `You stopped sharing everything with ${name}`,
      `${name} cannot read the passport any more.`,
    );
  });

/** Stopping one share, or every share with an employer, after saying what stays shared. */
export function withdrawSharePages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id/passport/shares/:shareId/withdraw', askToStopShare);
  app.post('/young-people/:id/passport/shares/:shareId/withdraw', stopShare);
  app.get('/young-people/:id/passport/shares/employers/:employerId/withdraw', askToStopSharingWith);
  app.post('/young-people/:id/passport/shares/employers/:employerId/withdraw', stopSharingWith);
  return app;
}
