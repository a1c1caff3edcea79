import type { Context } from 'hono';
import { pageActor, pageParam } from '../web/page-context.js';
import type { WebEnv } from '../web/web.env.js';

/** The placement match named in the path and its view, shaped and redacted for the caller by the service. */
export const loadJourney = (c: Context<WebEnv>) => c.var.services.journey.view(pageActor(c), pageParam(c, 'matchId'));
