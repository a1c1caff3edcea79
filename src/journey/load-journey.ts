import type { Context } from 'hono';
import { pageActor, pageParam } from '../web/page-context.js';
import type { WebEnv } from '../web/web.env.js';
import { partiesOf, placementMatchResource } from './journey.access.js';
import { matchView } from './journey.views.js';

/** The placement match named in the path and its view, shaped and redacted for the caller. */
export async function loadJourney(c: Context<WebEnv>) {
  const { journey } = c.var.services;
  const actor = pageActor(c);
  const { match } = await journey.get(actor, pageParam(c, 'matchId'));
  const labels = await journey.labels([match]);
  const view = matchView(match, { role: actor.role, parties: partiesOf(actor, placementMatchResource(match)) }, labels);
  return { match, view };
}
