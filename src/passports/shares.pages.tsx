import { type Context, Hono } from 'hono';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { Panel } from '../web/components/Panel.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Tag } from '../web/components/Tag.js';
import { csrfToken } from '../web/csrf.js';
import { type FieldErrors, readForm, text } from '../web/forms.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, type PersonPage, withPerson } from '../web/young-person.js';
import { findShare } from './find-share.js';
import type { PassportShare } from './passports.repository.js';
import { shareStatus } from './passports.rules.js';
import {
  CheckAnswers,
  changeLink,
  choiceFromQuery,
  otherEmployer,
  proposalEmployers,
  readChoice,
  type ShareChoice,
  ShareForm,
  validate,
} from './share-form.js';
import { partsOf, passportOf, shareInWords, sharesPath } from './share-words.js';

/** One share with an employer that is running now: what they read, why and until when. */
function ActiveShareCard(props: { person: PersonPage; share: PassportShare; employerName: string; canShare: boolean }) {
  const { person, share, employerName } = props;
  return (
    <div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">{employerName}</h3>
        {props.canShare ? (
          <ul class="govuk-summary-card__actions">
            <li class="govuk-summary-card__action">
              <a class="govuk-link" href={`${sharesPath(person.youngPersonId)}/${share.id}/withdraw`}>
                Stop sharing
                <span class="govuk-visually-hidden">
                  {' '}
                  {shareInWords(share)} with {employerName}
                </span>
              </a>
            </li>
          </ul>
        ) : null}
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList
          rows={[
            { key: 'They can read', value: partsOf(share.sections) },
            { key: 'Why', value: share.purpose },
            { key: 'Until', value: longDate(share.expiresAt) },
          ]}
        />
      </div>
    </div>
  );
}

/** Every running share with one employer, and a way to stop them all at once when there are several. */
function SharedWithEmployer(props: {
  person: PersonPage;
  employerId: string;
  employerName: string;
  shares: PassportShare[];
  canShare: boolean;
}) {
  const { person, employerName, canShare } = props;
  return (
    <>
      {props.shares.map((share) => (
        <ActiveShareCard person={person} share={share} employerName={employerName} canShare={canShare} />
      ))}
      {canShare && props.shares.length > 1 ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${sharesPath(person.youngPersonId)}/employers/${props.employerId}/withdraw`}>
            Stop sharing everything with {employerName}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** Shares that ended or were stopped, each with when. */
function PastShares(props: { past: PassportShare[]; employerName: (share: PassportShare) => string }) {
  return (
    <>
      {props.past.length === 0 ? <p class="govuk-body">Nothing yet.</p> : null}
      <ul class="govuk-list govuk-list--spaced">
        {props.past.map((share) => (
          <li>
            {props.employerName(share)}: {partsOf(share.sections)}.{' '}
            {share.withdrawnAt ? (
              <Tag colour="grey">Stopped {longDate(share.withdrawnAt)}</Tag>
            ) : (
              <Tag colour="grey">Ended {longDate(share.expiresAt)}</Tag>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

async function sharesPage(c: Context<WebEnv>, person: PersonPage) {
  const { passports, clock } = c.var.services;
  const all = await passports.shares(person.actor, person.youngPersonId);
  const names = await passports.employerNames(all);
  const now = clock.now();
  const active = all.filter((share) => shareStatus(share, now) === 'active');
  const past = all.filter((share) => shareStatus(share, now) !== 'active');
  const canShare = person.may('share_passport');
  const nameOf = (employerId: string) => names.get(employerId) ?? 'An employer';
  const byEmployer = new Map<string, PassportShare[]>();
  for (const share of active) byEmployer.set(share.employerId, [...(byEmployer.get(share.employerId) ?? []), share]);
  const title = `Who can read ${passportOf(person)}`;
  return renderPage(
    c,
    { title, backLink: `/young-people/${person.youngPersonId}/passport` },
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">
        Nobody outside {person.asDelegate ? 'their' : 'your'} college or provider can read the passport unless it is
        shared with them here.
      </p>
      {canShare ? <Button href={`${sharesPath(person.youngPersonId)}/new`}>Share {passportOf(person)}</Button> : null}
      <h2 class="govuk-heading-m">Shared now</h2>
      {active.length === 0 ? <p class="govuk-body">It is not shared with anyone now.</p> : null}
      {[...byEmployer].map(([employerId, shares]) => (
        <SharedWithEmployer
          person={person}
          employerId={employerId}
          employerName={nameOf(employerId)}
          shares={shares}
          canShare={canShare}
        />
      ))}
      <h2 class="govuk-heading-m">Shared before</h2>
      <PastShares past={past} employerName={(share) => nameOf(share.employerId)} />
    </>,
  );
}

/** The share form, empty or with the choice a "change" link from the check page carries in its query. */
async function newSharePage(c: Context<WebEnv>, person: PersonPage) {
  return renderPage(
    c,
    { title: `Share ${passportOf(person)}`, backLink: sharesPath(person.youngPersonId) },
    <ShareForm
      person={person}
      employers={await proposalEmployers(c, person)}
      choice={choiceFromQuery(c)}
      errors={{}}
      csrf={csrfToken(c)}
    />,
  );
}

/** Reads the form and checks it: the share to make, or the form again with its problems (400). */
const checked = async (
  c: Context<WebEnv>,
  person: PersonPage,
): Promise<
  | { choice: ShareChoice; input: NonNullable<ReturnType<typeof validate>['input']>; employerName: string }
  | { problems: Response }
> => {
  const choice = await readChoice(c);
  const [employers, other] = await Promise.all([
    proposalEmployers(c, person),
    choice.employerId === 'other' ? otherEmployer(c, person, choice) : undefined,
  ]);
  const { input, employerName, errors } = validate(choice, employers, other);
  if (input && employerName) return { choice, input, employerName };
  c.status(400);
  return {
    problems: await renderPage(
      c,
      { title: `Share ${passportOf(person)}`, hasErrors: true, backLink: sharesPath(person.youngPersonId) },
      <ShareForm
        person={person}
        employers={employers}
        otherChoices={other?.choices}
        choice={choice}
        errors={errors}
        csrf={csrfToken(c)}
      />,
    ),
  };
};

/** The "check before you share" page; a parent or carer is asked there whether they talked with the young person. */
const checkPage = (
  c: Context<WebEnv>,
  person: PersonPage,
  result: { choice: ShareChoice; input: NonNullable<ReturnType<typeof validate>['input']>; employerName: string },
  talked: string,
  errors: FieldErrors,
) => {
  if (Object.keys(errors).length > 0) c.status(400);
  return renderPage(
    c,
    {
      title: 'Check before you share',
      hasErrors: Object.keys(errors).length > 0,
      backLink: changeLink(person, result.choice),
    },
    <CheckAnswers
      person={person}
      choice={result.choice}
      employerId={result.input.employerId}
      employerName={result.employerName}
      input={result.input}
      youngPersonName={person.asDelegate ? (c.get('session')?.actingFor?.name ?? 'them') : undefined}
      talked={talked}
      errors={errors}
      csrf={csrfToken(c)}
    />,
  );
};

/** Sharing and seeing shares: consent that is specific and easy to undo. */
export function sharePages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id/passport/shares', (c) => withPerson(c, (person) => sharesPage(c, person)));

  app.get('/young-people/:id/passport/shares/new', (c) => withPerson(c, (person) => newSharePage(c, person)));

  app.post('/young-people/:id/passport/shares/new', (c) =>
    withPerson(c, async (person) => {
      const result = await checked(c, person);
      if ('problems' in result) return result.problems;
      return checkPage(c, person, result, '', {});
    }),
  );

  app.post('/young-people/:id/passport/shares', (c) =>
    withPerson(c, async (person) => {
      const result = await checked(c, person);
      if ('problems' in result) return result.problems;
      if (person.asDelegate) {
        const talked = text(await readForm(c), 'talked');
        const name = c.get('session')?.actingFor?.name ?? 'them';
        if (talked === '')
          return checkPage(c, person, result, talked, { talked: `Say whether you have talked to ${name} about this` });
        if (talked !== 'yes')
          return checkPage(c, person, result, talked, {
            talked: `Talk to ${name} first. It is ${name}’s passport: share it only when you know ${name} wants to`,
          });
      }
      const share = await c.var.services.passports.share(
        person.actor,
        person.youngPersonId,
        result.input,
        c.get('requestId'),
      );
      return c.redirect(`${sharesPath(person.youngPersonId)}/${share.id}/shared`, 303);
    }),
  );

  app.get('/young-people/:id/passport/shares/:shareId/shared', (c) =>
    withPerson(c, async (person) => {
      const { share, name } = await findShare(c, person);
      const title = `${person.asDelegate ? person.whose('passport') : 'Your passport'} is shared`;
      return renderPage(
        c,
        { title },
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <Panel title={title}>With {name}</Panel>
            <h2 class="govuk-heading-m">What happens next</h2>
            <p class="govuk-body">
              {name} can now read: {partsOf(share.sections)}.
            </p>
            <p class="govuk-body">
              They can read it until {longDate(share.expiresAt)}. You can see each time they read it.
            </p>
            <p class="govuk-body">Changed your mind? You can stop sharing now.</p>
            <ButtonGroup>
              <Button href={`${sharesPath(person.youngPersonId)}/${share.id}/withdraw`} variant="warning">
                Stop sharing {partsOf(share.sections)} with {name}
              </Button>
              <a class="govuk-link" href={sharesPath(person.youngPersonId)}>
                See who can read {passportOf(person)}
              </a>
            </ButtonGroup>
          </div>
        </div>,
      );
    }),
  );

  return app;
}
