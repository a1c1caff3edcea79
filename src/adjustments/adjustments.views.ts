import { createHash } from 'node:crypto';
import type { AdjustmentAction } from './adjustments.machine.js';
import type { AdjustmentRequest } from './adjustments.repository.js';
import type { AdjustmentView } from './adjustments.schemas.js';

/**
 * The same help shared twice is the same request: its key is its kind and words, ignoring case and
 * spacing, hashed so that the index holds no words of the young person.
 */
export function helpKey(help: { category: string; details: string }): string {
  const words = help.details.trim().toLowerCase().replace(/\s+/g, ' ');
  return createHash('sha256').update(`${help.category}\n${words}`).digest('hex').slice(0, 32);
}

/** Who reads a request: the employer never sees the young person's check, the coach's notes or suggestions. */
export interface AdjustmentReader {
  employer: boolean;
  /** The words may be shown: to an employer only while the share of "what helps me at work" stands. */
  textVisible: boolean;
  allowedActions: AdjustmentAction[];
  /** The owner may add it to their passport as known to work now. */
  mayAddToPassport: boolean;
}

/** A request as one reader may see it. */
export function adjustmentView(request: AdjustmentRequest, reader: AdjustmentReader): AdjustmentView {
  const hidden = !reader.textVisible;
  const forYoungPersonSide = !reader.employer;
  return {
    id: request.id,
    matchId: request.matchId,
    kind: hidden ? null : request.kind,
    text: hidden ? null : request.text,
    textHidden: hidden,
    source: request.source.from,
    state: request.state,
    awaitingYoungPerson: request.awaitingYoungPerson ?? false,
    requestedAt: request.requestedAt.toISOString(),
    suggestion:
      forYoungPersonSide && request.suggestion
        ? {
            parts: request.suggestion.parts.map(({ kind, text }) => ({ kind, text })),
            at: request.suggestion.at.toISOString(),
          }
        : null,
    agreed: request.agreed
      ? {
          who: request.agreed.who,
          byDate: request.agreed.byDate,
          payer: request.agreed.payer,
          ...(request.agreed.accessToWorkLine ? { accessToWorkLine: request.agreed.accessToWorkLine } : {}),
        }
      : null,
    // The employer's reason may repeat the young person's words, so it goes with them.
    notPossible: request.notPossible
      ? {
          reason: hidden ? null : request.notPossible.reason,
          alternative: hidden ? null : (request.notPossible.alternative ?? null),
        }
      : null,
    inPlace: request.inPlace ? { on: request.inPlace.on } : null,
    check:
      forYoungPersonSide && request.check
        ? { answer: request.check.answer, why: request.check.why ?? null, at: request.check.at.toISOString() }
        : null,
    observations: forYoungPersonSide
      ? request.observations.map((entry) => ({ note: entry.note, at: entry.at.toISOString() }))
      : [],
    reviews: request.reviews.map((entry) => ({
      decision: entry.decision,
      heldOn: entry.on,
      note: forYoungPersonSide ? (entry.note ?? null) : null,
    })),
    addedToPassport: request.addedToPassport !== undefined,
    mayAddToPassport: reader.mayAddToPassport,
    knownToWork: hidden ? [] : (request.knownToWork ?? []),
    allowedActions: reader.allowedActions,
  };
}
