import { type Context, Hono } from 'hono';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { Tag } from '../web/components/Tag.js';
import { pageForbidden } from '../web/errors.js';
import { InboxList } from '../web/inbox-list.js';
import { pageActor } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { stateWords } from '../web/words.js';
import { longDate } from '../web/young-person.js';

function employerOnly(c: Context<WebEnv>) {
  if (pageActor(c).role !== 'employer') throw pageForbidden('This page is for employers.');
}

/** An employer's home: what needs them (decisions, starts, logs), then the rest of their work. */
async function employerHome(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const [items, shared, employer, adjustments] = await Promise.all([
    c.var.services.inbox.inbox(actor),
    c.var.services.passports.sharedWithMe(actor),
    actor.employerId ? c.var.services.employers.get(actor, actor.employerId) : undefined,
    c.var.services.adjustments.employerToDo(actor),
  ]);
  const verified = employer?.employer.verified ?? false;
  return renderPage(
    c,
    { title: 'What needs you' },
    <>
      <span class="govuk-caption-l">{employer?.employer.name}</span>
      <h1 class="govuk-heading-l">What needs you</h1>
      {!verified ? (
        <div class="govuk-inset-text">
          A provider has not checked your organisation yet. Your placements go live when they have. This usually takes a
          few working days.
        </div>
      ) : null}
      <InboxList items={items} />
      {adjustments.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Adjustments at work</h2>
          <ul class="govuk-list">
            {adjustments.map((todo) => (
              <li>
                <a class="govuk-link" href={todo.path}>
                  {todo.youngPersonName}, {todo.placementTitle}
                </a>
                :{' '}
                {[
                  todo.waiting > 0 ? `${todo.waiting} waiting for your answer` : '',
                  todo.late > 0 ? `${todo.late} agreed and past the date` : '',
                ]
                  .filter(Boolean)
                  .join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="govuk-heading-m">Shared passports</h2>
      <p class="govuk-body">
        {shared.length === 0
          ? 'No one is sharing a passport with you now. '
          : `${shared.length} young ${shared.length === 1 ? 'person is' : 'people are'} sharing their passport with you. `}
        <a class="govuk-link" href="/shared-passports">
          See shared passports
        </a>
      </p>
    </>,
  );
}

const pageSize = 50;

/**
 * Proposals the young person has agreed to, waiting for the employer's decision (read on their
 * own, so later journeys never push them off; up to 100, and the page says when there are more),
 * and the rest of the organisation's journeys, most recently changed first, a page at a time.
 */
async function proposalsPage(c: Context<WebEnv>) {
  employerOnly(c);
  const actor = pageActor(c);
  const { journey } = c.var.services;
  const page = pageNumber(c.req.query('page'), 200);
  const [decideList, othersList] = await Promise.all([
    journey.list(actor, { awaitingEmployer: true, limit: 100, offset: 0 }),
    journey.list(actor, { awaitingEmployer: false, limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  const decide = decideList.items;
  const others = othersList.items;
  const pages = Math.max(1, Math.ceil(othersList.total / pageSize));
  const labels = await journey.labels([...decide, ...others]);
  const Row = (props: { match: (typeof others)[number] }) => {
    const placement = labels.placement(props.match.placementId);
    return (
      <li class="govuk-!-margin-bottom-4">
        <a class="govuk-link govuk-!-font-weight-bold" href={`/journeys/${props.match.id}`}>
          {labels.youngPersonName(props.match.youngPersonId)} for {placement.title}
        </a>{' '}
        <Tag colour={stateWords[props.match.state].colour}>{stateWords[props.match.state].text}</Tag>
        <p class="govuk-body-s govuk-!-margin-bottom-0">Proposed {longDate(props.match.proposedAt)}</p>
      </li>
    );
  };
  return renderPage(
    c,
    { title: 'Proposals' },
    <>
      <h1 class="govuk-heading-l">Proposals</h1>
      <p class="govuk-body">
        A job coach proposes a young person, and the young person says yes, before you see a proposal. You can offer the
        placement, say no, or arrange a taster first.
      </p>
      <h2 class="govuk-heading-m">Waiting for your decision</h2>
      {decide.length === 0 ? (
        <p class="govuk-body">Nothing is waiting for you.</p>
      ) : (
        <ul class="govuk-list">
          {decide.map((match) => (
            <Row match={match} />
          ))}
        </ul>
      )}
      {decideList.total > decide.length ? (
        <p class="govuk-body">
          {decideList.total} proposals are waiting. These are the {decide.length} most recently changed; answer them and
          the rest follow.
        </p>
      ) : null}
      {others.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Other interns and proposals</h2>
          <ul class="govuk-list">
            {others.map((match) => (
              <Row match={match} />
            ))}
          </ul>
          <Pagination page={page} pages={pages} href={(target) => `/proposals?page=${target}`} />
        </>
      ) : null}
    </>,
  );
}

export function employerPages() {
  const app = new Hono<WebEnv>();
  app.get('/proposals', (c) => proposalsPage(c));
  return { routes: app, homes: { employer: employerHome } };
}
