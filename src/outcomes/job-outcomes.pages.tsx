import { type Context, Hono } from 'hono';
import { SummaryList } from '../web/components/SummaryList.js';
import { pageForbidden } from '../web/errors.js';
import { pageActor } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { FidelitySentence, FigureTables, ReportFilterForm, reportFiltersFrom } from './job-outcomes-report.js';
import { jobOutcomesCsv, sen2Csv } from './sen2.js';

const reportFilters = (c: Context<WebEnv>) =>
  reportFiltersFrom({ academicYear: c.req.query('academicYear'), sector: c.req.query('sector') });

async function jobOutcomesPage(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('The job-outcome report is for the provider’s job coaches and admins.');
  const filters = reportFilters(c);
  const report = await c.var.services.outcomes.jobOutcomes(actor, filters);
  const query = new URLSearchParams(
    Object.entries(filters).map(([key, value]): [string, string] => [key, String(value)]),
  ).toString();
  const suffix = query ? `?${query}` : '';
  return renderPage(
    c,
    { title: 'Job outcomes after the internship', backLink: '/reports' },
    <>
      <h1 class="govuk-heading-l">Job outcomes after the internship</h1>
      <ReportFilterForm filters={filters} thisYear={new Date().getUTCFullYear()} />
      <FidelitySentence report={report} />
      <FigureTables report={report} />
      <h2 class="govuk-heading-m">What the figures mean</h2>
      <SummaryList rows={Object.entries(report.definitions).map(([key, value]) => ({ key, value }))} />
      <h2 class="govuk-heading-m">Downloads</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`/reports/job-outcomes.csv${suffix}`} download>
            Download the job outcomes (CSV)
          </a>
        </li>
        {actor.role === 'provider_admin' ? (
          <li>
            <a class="govuk-link" href={`/reports/sen2.csv${suffix}`} download>
              Download the SEN2 work-based learning return (CSV)
            </a>
          </li>
        ) : null}
      </ul>
    </>,
  );
}
async function jobOutcomesDownload(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('The job-outcome report is for the provider’s job coaches and admins.');
  const report = await c.var.services.outcomes.jobOutcomes(actor, reportFilters(c));
  return c.body(jobOutcomesCsv(report), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="job-outcomes.csv"',
    'Cache-Control': 'no-store',
  });
}

async function sen2Download(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'provider_admin') throw pageForbidden('The SEN2 return is for the provider’s admins.');
  const rows = await c.var.services.outcomes.sen2Rows(actor, reportFilters(c), c.get('requestId'));
  return c.body(sen2Csv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="sen2-work-based-learning.csv"',
    'Cache-Control': 'no-store',
  });
}

/** The provider's job-outcome report and its downloads: the figures as CSV and the SEN2 return. */
export function jobOutcomesPages() {
  const app = new Hono<WebEnv>();
  app.get('/reports/job-outcomes', (c) => jobOutcomesPage(c));
  app.get('/reports/job-outcomes.csv', (c) => jobOutcomesDownload(c));
  app.get('/reports/sen2.csv', (c) => sen2Download(c));
  return app;
}
