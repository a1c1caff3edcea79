import { type Context, Hono } from 'hono';
import { type PassportSection, passportSections, sectionLabels } from '../domain/vocabulary.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { TaskList, type TaskListItem } from '../web/components/TaskList.js';
import { csrfToken } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, readForm, text } from '../web/forms.js';
import { sectionIntro, sectionRows, sectionTitle } from '../web/passport-fields.js';
import { isRefusal } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, type PersonPage, withPerson } from '../web/young-person.js';
import type { Completeness } from './passports.rules.js';
import {
  contentFrom,
  passportPath,
  SectionForm,
  sectionFormTitle,
  valuesFrom,
  valuesFromForm,
} from './section-form.js';

const completenessStatus: Record<Completeness, TaskListItem['status']> = {
  complete: { text: 'Done' },
  partial: { text: 'Started', tag: 'light-blue' },
  empty: { text: 'Not started', tag: 'blue' },
};

const isSection = (value: string): value is PassportSection => (passportSections as readonly string[]).includes(value);

// ---------------------------------------------------------------- the passport as a task list

async function passportPage(c: Context<WebEnv>, person: PersonPage) {
  const { passports } = c.var.services;
  const { view } = await passports.read(person.actor, person.youngPersonId, c.get('requestId'));
  const items: TaskListItem[] = view.visibleSections.map((section) => ({
    title: sectionTitle(section, person),
    href: `${passportPath(person.youngPersonId)}/sections/${section}`,
    hint: sectionIntro(section, person),
    status: completenessStatus[view.completeness[section]],
  }));
  const done = view.visibleSections.filter((section) => view.completeness[section] === 'complete').length;
  return renderPage(
    c,
    { title: person.whose('adjustments passport') },
    <>
      <h1 class="govuk-heading-l">{person.whose('adjustments passport')}</h1>
      <p class="govuk-body-l">
        It tells people at work what helps {person.you}. {person.asDelegate ? `${person.you} chooses` : 'You choose'}{' '}
        who sees it.
      </p>
      <h2 class="govuk-heading-s">
        {done} of {view.visibleSections.length} parts done
      </h2>
      {view.reviewOverdue ? (
        <p class="govuk-body">It is time to check the passport again. Open "Review" to do it.</p>
      ) : null}
      {view.pendingDrafts > 0 ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${passportPath(person.youngPersonId)}/drafts`}>
            The job coach has suggested changes ({view.pendingDrafts}). Look at them.
          </a>
        </p>
      ) : null}
      <TaskList items={items} idPrefix="passport" />
      <h2 class="govuk-heading-m">More</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`${passportPath(person.youngPersonId)}/shares`}>
            {person.asDelegate ? `Who ${person.you} shares the passport with` : 'Who I share my passport with'}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${passportPath(person.youngPersonId)}/access-log`}>
            Who has seen {person.my} passport
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${passportPath(person.youngPersonId)}/history`}>
            Earlier versions of {person.my} passport
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${passportPath(person.youngPersonId)}/print`}>
            Print {person.my} passport
          </a>
        </li>
      </ul>
    </>,
  );
}

async function sectionPage(c: Context<WebEnv>, person: PersonPage, section: PassportSection) {
  const { view } = await c.var.services.passports.read(person.actor, person.youngPersonId, c.get('requestId'));
  if (!view.visibleSections.includes(section)) throw pageNotFound();
  return renderPage(
    c,
    { title: sectionFormTitle(section, person), backLink: sectionBackLink(person, section) },
    <SectionForm
      person={person}
      section={section}
      version={view.version}
      values={valuesFrom(section, view.sections)}
      errors={{}}
      csrf={csrfToken(c)}
    />,
  );
}

const sectionBackLink = (person: PersonPage, section: PassportSection) =>
  section === 'whatHelps'
    ? `${passportPath(person.youngPersonId)}/sections/whatHelps`
    : passportPath(person.youngPersonId);

async function saveSection(c: Context<WebEnv>, person: PersonPage, section: PassportSection) {
  const form = await readForm(c);
  const values = valuesFromForm(section, form);
  if (section === 'whatHelps') {
    // This form has only the words about school and colleagues; the helps are kept as they are.
    const { view } = await c.var.services.passports.read(person.actor, person.youngPersonId, c.get('requestId'));
    values.adjustments = valuesFrom(section, view.sections).adjustments;
  }
  const baseVersion = Number(text(form, 'baseVersion'));
  const again = (errors: FieldErrors, version: number) => {
    c.status(400);
    return renderPage(
      c,
      { title: sectionFormTitle(section, person), hasErrors: true, backLink: sectionBackLink(person, section) },
      <SectionForm
        person={person}
        section={section}
        version={version}
        values={values}
        errors={errors}
        csrf={csrfToken(c)}
      />,
    );
  };
  const { content, errors } = contentFrom(section, values);
  if (!content || !Number.isInteger(baseVersion)) return again(errors, Number.isInteger(baseVersion) ? baseVersion : 0);
  try {
    await c.var.services.passports.saveSection(
      person.actor,
      person.youngPersonId,
      section,
      { baseVersion, content: content as never },
      c.get('requestId'),
    );
  } catch (error) {
    if (isRefusal(error, 'conflict')) {
      const current = (error.details as { currentVersion?: number } | undefined)?.currentVersion ?? baseVersion;
      return again(
        {
          form: 'Someone else saved the passport while you were editing. Your words are still here. Check them, then save again.',
        },
        current,
      );
    }
    throw error;
  }
  return redirectWithFlash(
    c,
    sectionBackLink(person, section),
    `${sectionFormTitle(section, person)} is saved`,
    'The other parts of the passport have not changed.',
  );
}

// ---------------------------------------------------------------- print

async function printPage(c: Context<WebEnv>, person: PersonPage) {
  const { person: record, view } = await c.var.services.passports.read(
    person.actor,
    person.youngPersonId,
    c.get('requestId'),
    'passport.print',
  );
  const filled = view.visibleSections.filter((section) => sectionRows(section, view.sections).length > 0);
  return renderPage(
    c,
    { title: `${record.preferredName}’s workplace adjustments passport`, backLink: passportPath(person.youngPersonId) },
    <>
      <h1 class="govuk-heading-l">{record.preferredName}’s workplace adjustments passport</h1>
      <p class="govuk-body">
        This passport belongs to {record.preferredName}. It says what helps them at work. Please keep it private and do
        not pass it on.
      </p>
      <p class="govuk-body-s">
        Version {view.version}. Printed on {longDate(c.var.services.clock.now())}.
      </p>
      <p class="govuk-body app-no-print">To print it, use your browser’s Print button. Only the passport is printed.</p>
      {filled.length === 0 ? <p class="govuk-body">Nothing has been written in the passport yet.</p> : null}
      {filled.map((section) => (
        <>
          <h2 class="govuk-heading-m">{sectionLabels[section]}</h2>
          <SummaryList rows={sectionRows(section, view.sections)} />
        </>
      ))}
    </>,
  );
}

/** The young person's (and their delegate's) passport pages. */
export function passportPages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id/passport', (c) => withPerson(c, (person) => passportPage(c, person)));
  const helps = '/young-people/:id/passport/sections/whatHelps';
  app.get(`${helps}/more`, (c) => withPerson(c, (person) => sectionPage(c, person, 'whatHelps')));
  app.post(`${helps}/more`, (c) => withPerson(c, (person) => saveSection(c, person, 'whatHelps')));
  app.get('/young-people/:id/passport/sections/:section', (c) =>
    withPerson(c, (person) => {
      const section = c.req.param('section');
      if (!isSection(section)) throw pageNotFound();
      return sectionPage(c, person, section);
    }),
  );
  app.post('/young-people/:id/passport/sections/:section', (c) =>
    withPerson(c, (person) => {
      const section = c.req.param('section');
      if (!isSection(section)) throw pageNotFound();
      return saveSection(c, person, section);
    }),
  );
  app.get('/young-people/:id/passport/print', (c) => withPerson(c, (person) => printPage(c, person)));
  return app;
}
