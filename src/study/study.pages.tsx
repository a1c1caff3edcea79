import { type Context, Hono } from 'hono';
import { pageActor, pageParam } from '../web/page-context.js';
import { WebPageError } from '../web/page-error.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { personPage } from '../web/young-person.js';
import { ilrCsv } from './ilr-export.js';
import { ilrFiltersSchema } from './study.schemas.js';
import { PlainWords, StaffView } from './study-overview.views.js';

async function studyPage(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const page = personPage(c, youngPersonId);
  if (page instanceof Response) return page;
  const overview = await c.var.services.study.overview(page.actor, youngPersonId);
  const title = overview.mayWrite
    ? 'Study programme and attendance'
    : page.asDelegate
      ? `${overview.preferredName}’s learning`
      : 'My learning';
  return renderPage(
    c,
    { title: `${title}: ${overview.preferredName}` },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        {overview.mayWrite ? (
          <StaffView overview={overview} youngPersonId={youngPersonId} />
        ) : (
          <PlainWords overview={overview} page={page} />
        )}
      </div>
    </div>,
  );
}

/** The ILR work placement export, for the reports page's download link, with the report's filters. */
async function ilrDownload(c: Context<WebEnv>) {
  const filters = ilrFiltersSchema.safeParse(c.req.query());
  if (!filters.success)
    throw new WebPageError(
      400,
      'bad_filters',
      'These filters are not right',
      'Go back to the reports page and choose them again.',
    );
  const rows = await c.var.services.study.ilrWorkPlacements(pageActor(c), filters.data);
  return c.body(ilrCsv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="ilr-work-placements.csv"',
    'Cache-Control': 'no-store',
  });
}

/** A young person's learning: the provider's record of it, or the young person's view in plain words. */
export function studyPages() {
  const app = new Hono<WebEnv>();
  app.get('/reports/ilr-work-placements.csv', (c) => ilrDownload(c));
  app.get('/young-people/:youngPersonId{[0-9a-f]{24}}/study', (c) => studyPage(c));
  return app;
}
