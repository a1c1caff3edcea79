import type { MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, decide, type Resource } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { londonDayAndHour } from '../core/dates.js';
import { type FieldProblem, notFound } from '../core/errors.js';
import type { JourneyService } from '../journey/journey.service.js';
import type { InternshipFacts } from '../read-models/internships.js';
import type { NamesReadModel } from '../read-models/names.js';
import type { StartedInternshipsReadModel } from '../read-models/started-internships.js';
import type { InternshipsReadModel } from './internships.read-model.js';
import type { OutcomesRepository } from './outcomes.repository.js';

/** What every part of the outcomes record works with. */
export interface OutcomesDeps {
  mongo: MongoClient;
  records: OutcomesRepository;
  journey: JourneyService;
  internships: InternshipsReadModel;
  startedInternships: Pick<StartedInternshipsReadModel, 'started'>;
  /** A job coach's young people, as Access to Work reads them. */
  caseloads: Pick<InternshipFacts, 'caseloadOf'>;
  names: NamesReadModel;
  audit: AuditLog;
  clock: Clock;
}

export const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/** Today in London, which the dates of plans and follow-ups are. */
export const londonToday = (clock: Clock): string => londonDayAndHour(clock.now()).day;

/** The young person's outcomes record, for a reader or a writer, and whether the caller may write it. */
export async function authorizePerson(
  deps: OutcomesDeps,
  actor: Actor,
  youngPersonId: string,
  action: 'outcomes.read' | 'outcomes.write',
) {
  const providerId = (await deps.internships.providerOf(youngPersonId)) ?? undefined;
  if (!providerId) throw notFound('Young person');
  const resource: Resource = { type: 'internship_outcomes', youngPersonId, providerId };
  authorize(actor, action, resource);
  return { providerId, mayWrite: decide(actor, 'outcomes.write', resource) === 'allow' };
}

/** One internship's outcomes record, with the match it belongs to and whose it is. */
export async function authorizeMatch(
  deps: OutcomesDeps,
  actor: Actor,
  matchId: string,
  action: 'outcomes.read' | 'outcomes.write',
) {
  const { match } = await deps.journey.get(actor, matchId);
  const resource: Resource = {
    type: 'internship_outcomes',
    youngPersonId: match.youngPersonId,
    providerId: match.providerId,
  };
  authorize(actor, action, resource);
  return { match, owner: { matchId, youngPersonId: match.youngPersonId, providerId: match.providerId } };
}
