import type { Services } from '../../services.js';

/** What every request carries through Hono's typed context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    services: Services;
  };
}
