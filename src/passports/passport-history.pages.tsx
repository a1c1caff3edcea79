import { type Context, Hono } from 'hono';
import type { AuditAction } from '../audit/audit.js';
import type { PassportSection } from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { readForm, text } from '../web/forms.js';
import { pageParam } from '../web/page-context.js';
import { sectionRows, sectionTitle } from '../web/passport-fields.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { dateAndTime, longDate, type PersonPage, timeOfDay, withPerson } from '../web/young-person.js';
import { passportPath } from './section-form.js';

// ---------------------------------------------------------------- earlier versions

const sourceWords = {
  owner: 'Saved',
  draft: 'Changes from the job coach accepted',
  restore: 'An earlier version brought back',
} as const;

async function historyPage(c: Context<WebEnv>, person: PersonPage) {
  const { passports } = c.var.services;
  const [versions, { view }] = await Promise.all([
    passports.versions(person.actor, person.youngPersonId),
    passports.read(person.actor, person.youngPersonId, c.get('requestId')),
  ]);
  const names = await passports.savedByNames(versions);
  const canRestore = person.may('edit_passport');
  const title = `Earlier versions of ${person.my} passport`;
  return renderPage(
    c,
    { title, backLink: passportPath(person.youngPersonId) },
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">
        Each time the passport is saved, we keep a copy. You can bring back an earlier copy. It becomes the newest
        version. Nothing is deleted.
      </p>
      {versions.length === 0 ? <p class="govuk-body">The passport has not been saved yet.</p> : null}
      <Table
        caption="Versions, newest first"
        captionClasses="govuk-table__caption--m"
        head={[
          { text: 'Version' },
          { text: 'What happened' },
          { text: <span class="govuk-visually-hidden">Action</span> },
        ]}
        rows={versions.map((version) => [
          { text: version.version },
          {
            text: (
              <>
                {sourceWords[version.source]}
                {version.restoredFrom ? ` (version ${version.restoredFrom})` : ''} by{' '}
                {names.get(version.savedBy.accountId) ?? 'someone at the provider'}, {dateAndTime(version.savedAt)}
              </>
            ),
          },
          {
            text:
              version.version === view.version ? (
                'This is the newest'
              ) : canRestore ? (
                <form method="post" action={`${passportPath(person.youngPersonId)}/history/${version.version}/restore`}>
                  <CsrfField token={csrfToken(c)} />
                  <input type="hidden" name="baseVersion" value={String(view.version)} />
                  <button
                    type="submit"
                    class="govuk-button govuk-button--secondary app-table-button"
                    data-module="govuk-button"
                  >
                    Bring back version {version.version}
                  </button>
                </form>
              ) : null,
          },
        ])}
      />
    </>,
  );
}

async function restoreVersion(c: Context<WebEnv>, person: PersonPage) {
  const version = Number(c.req.param('version'));
  if (!Number.isInteger(version) || version < 1) throw pageNotFound();
  const form = await readForm(c);
  const saved = await c.var.services.passports.restore(
    person.actor,
    person.youngPersonId,
    version,
    { baseVersion: Number(text(form, 'baseVersion')) },
    c.get('requestId'),
  );
  return redirectWithFlash(
    c,
    `${passportPath(person.youngPersonId)}/history`,
    `Version ${version} is back`,
    `It is now version ${saved.version}, the newest.`,
  );
}

// ---------------------------------------------------------------- the coach's drafts

async function draftsPage(c: Context<WebEnv>, person: PersonPage) {
  const { passports } = c.var.services;
  const [drafts, { view }] = await Promise.all([
    passports.drafts(person.actor, person.youngPersonId, 'pending'),
    passports.read(person.actor, person.youngPersonId, c.get('requestId')),
  ]);
  const names = await passports.proposerNames(drafts);
  const canDecide = person.may('edit_passport');
  return renderPage(
    c,
    { title: `Changes the job coach suggests for ${person.my} passport`, backLink: passportPath(person.youngPersonId) },
    <>
      <h1 class="govuk-heading-l">Changes the job coach suggests for {person.my} passport</h1>
      <p class="govuk-body">
        The job coach cannot change the passport. They can suggest changes.{' '}
        {person.asDelegate ? `${person.you} and you decide.` : 'You decide.'}
      </p>
      {drafts.length === 0 ? <p class="govuk-body">There are no suggested changes.</p> : null}
      {drafts.map((draft) => (
        <section class="govuk-!-margin-bottom-9" aria-labelledby={`draft-${draft.id}`}>
          <h2 class="govuk-heading-m" id={`draft-${draft.id}`}>
            From {names.get(draft.proposedBy) ?? 'the job coach'}, {longDate(draft.proposedAt)}
          </h2>
          {draft.note ? <p class="govuk-body app-section-text">“{draft.note}”</p> : null}
          {(Object.keys(draft.sections) as PassportSection[]).map((section) => (
            <>
              <h3 class="govuk-heading-s">{sectionTitle(section, person)}</h3>
              <div class="app-compare">
                <div>
                  <h4 class="govuk-heading-s">Now</h4>
                  {sectionRows(section, view.sections).length > 0 ? (
                    <SummaryList rows={sectionRows(section, view.sections)} />
                  ) : (
                    <p class="govuk-body">Empty</p>
                  )}
                </div>
                <div>
                  <h4 class="govuk-heading-s">Suggested</h4>
                  <SummaryList rows={sectionRows(section, draft.sections)} />
                </div>
              </div>
            </>
          ))}
          {canDecide ? (
            <ButtonGroup>
              <form method="post" action={`${passportPath(person.youngPersonId)}/drafts/${draft.id}`}>
                <CsrfField token={csrfToken(c)} />
                <Button name="decision" value="accept">
                  Accept these changes
                </Button>
              </form>
              <form method="post" action={`${passportPath(person.youngPersonId)}/drafts/${draft.id}`}>
                <CsrfField token={csrfToken(c)} />
                <Button name="decision" value="reject" variant="secondary">
                  Say no to these changes
                </Button>
              </form>
            </ButtonGroup>
          ) : null}
        </section>
      ))}
    </>,
  );
}

async function decideDraft(c: Context<WebEnv>, person: PersonPage) {
  const form = await readForm(c);
  const accept = text(form, 'decision') === 'accept';
  await c.var.services.passports.decideDraft(
    person.actor,
    person.youngPersonId,
    pageParam(c, 'draftId'),
    { accept },
    c.get('requestId'),
  );
  return redirectWithFlash(
    c,
    accept ? passportPath(person.youngPersonId) : `${passportPath(person.youngPersonId)}/drafts`,
    accept ? 'The changes are in the passport now' : 'You said no to the changes',
    accept ? 'You can see them in each part below.' : 'The passport has not changed.',
  );
}

// ---------------------------------------------------------------- who has seen it

const readWords: Partial<Record<AuditAction, string>> = {
  'passport.read': 'read',
  'passport_share.read': 'read',
  'passport.read_version': 'read an earlier version of',
  'passport.print': 'printed',
  'passport_share.print': 'printed',
};

async function accessLogPage(c: Context<WebEnv>, person: PersonPage) {
  const pageSize = 25;
  const page = pageNumber(c.req.query('page'));
  const log = await c.var.services.passports.readsByDay(person.actor, person.youngPersonId, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  type Row = (typeof log.items)[number];
  const who = (row: Row) => {
    if (row.by.accountId === person.actor.accountId) return 'You';
    if (row.by.role === 'young_person') return person.You;
    const name = row.by.name ?? 'Someone';
    if (row.by.organisation) return `${name} at ${row.by.organisation}`;
    if (row.by.role === 'job_coach') return `${name}, job coach`;
    if (row.by.role === 'delegate') return `${name}, who helps ${person.you}`;
    return name;
  };
  const what = (row: Row) => {
    const parts =
      row.sections.length > 0 ? row.sections.map((section) => sectionTitle(section, person)).join(', ') : null;
    // In readWords' order, so that a day of reads and prints always says "read ... and printed ...".
    const verbs = [
      ...new Set(
        Object.entries(readWords)
          .filter(([action]) => row.actions.includes(action as AuditAction))
          .map(([, verb]) => verb),
      ),
    ];
    const sentences = verbs.map((verb) => `${verb} ${parts ?? (person.asDelegate ? 'the passport' : 'your passport')}`);
    if (row.actions.includes('young_person.export')) sentences.push(`downloaded everything held about ${person.you}`);
    if (row.documents.length > 0) sentences.push(`downloaded ${row.documents.join(', ')}`);
    return sentences.join(' and ');
  };
  const times = (count: number) => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`);
  const groups = [
    { group: 'work', heading: 'People at work' },
    { group: 'family', heading: person.asDelegate ? `${person.you} and family` : 'You and your family' },
  ] as const;
  const title = `Who has seen ${person.my} passport`;
  const pages = Math.max(1, Math.ceil(log.total / pageSize));
  return renderPage(
    c,
    { title, backLink: passportPath(person.youngPersonId) },
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">
        Every time someone opens the passport, we write it down here. People at work are first. Each line is one person
        on one day, newest first.
      </p>
      {log.items.length === 0 ? <p class="govuk-body">Nobody has opened it yet.</p> : null}
      {groups.map(({ group, heading }) => {
        const rows = log.items.filter((row) => row.group === group);
        return rows.length === 0 ? null : (
          <>
            <h2 class="govuk-heading-m">{heading}</h2>
            <ul class="govuk-list govuk-list--spaced">
              {rows.map((row) => (
                <li>
                  <strong>{who(row)}</strong> {what(row)}, {times(row.times)} on {longDate(row.day)}
                  {row.times > 1 ? `, last at ${timeOfDay(row.lastAt)}` : ` at ${timeOfDay(row.lastAt)}`}.
                </li>
              ))}
            </ul>
          </>
        );
      })}
      <Pagination page={page} pages={pages} href={(n) => `?page=${n}`} />
    </>,
  );
}

/** What happened to the passport: its earlier versions, the job coach's drafts and who has read it. */
export function passportHistoryPages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id/passport/history', (c) => withPerson(c, (person) => historyPage(c, person)));
  app.post('/young-people/:id/passport/history/:version/restore', (c) =>
    withPerson(c, (person) => restoreVersion(c, person)),
  );
  app.get('/young-people/:id/passport/drafts', (c) => withPerson(c, (person) => draftsPage(c, person)));
  app.post('/young-people/:id/passport/drafts/:draftId', (c) => withPerson(c, (person) => decideDraft(c, person)));
  app.get('/young-people/:id/passport/access-log', (c) => withPerson(c, (person) => accessLogPage(c, person)));
  return app;
}
