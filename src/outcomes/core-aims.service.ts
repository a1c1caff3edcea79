import type { z } from '@hono/zod-openapi';
import type { Actor } from '../auth/policy.js';
import { inTransaction } from '../core/db/transaction.js';
import { unprocessable } from '../core/errors.js';
import { afterView } from './after-internship.service.js';
import type { coreAimsInputSchema } from './outcomes.schemas.js';
import { authorizeMatch, type OutcomesDeps, problem } from './outcomes-access.js';

type CoreAimsInput = z.output<typeof coreAimsInputSchema>;

/** Whether the study programme's core aims were met, recorded at the end of the internship. */
export class CoreAimsService {
  private readonly deps: OutcomesDeps;

  constructor(deps: OutcomesDeps) {
    this.deps = deps;
  }

  /** Were the core aims met? Recorded once the internship has ended; follow-ups already recorded stay. */
  async saveCoreAims(actor: Actor, matchId: string, input: CoreAimsInput, requestId: string) {
    const { match, owner } = await authorizeMatch(this.deps, actor, matchId, 'outcomes.write');
    if (!match.endedOn) throw unprocessable([problem('met', 'can be recorded once the internship is completed')]);
    if (!input.met && !input.missing?.trim())
      throw unprocessable([problem('missing', 'say what was missing when the core aims were not met')]);
    return inTransaction(this.deps.mongo, async (session) => {
      const saved = await this.deps.records.saveCoreAims(
        owner,
        {
          met: input.met,
          ...(input.met || !input.missing ? {} : { missing: input.missing }),
          recordedAt: this.deps.clock.now(),
          recordedBy: { accountId: actor.accountId, role: actor.role },
        },
        session,
      );
      await this.deps.audit.success(
        'outcomes.core_aims',
        actor,
        {
          target: { type: 'placement_match', id: matchId },
          subjectId: match.youngPersonId,
          requestId,
          details: { met: input.met },
        },
        session,
      );
      return afterView(match, saved);
    });
  }
}
