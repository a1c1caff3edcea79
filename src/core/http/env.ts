import type { Account } from '../../auth/accounts.js';
import type { Actor } from '../../auth/policy.js';
import type { Services } from '../../services.js';

/** What every request carries through Hono's typed context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    services: Services;
    /** Set by the authentication middleware on every /v1 route that is not public. */
    actor: Actor | undefined;
    account: Account | undefined;
  };
}
