import type { MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, decide, type Resource } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { todayInEngland } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { type FieldProblem, notFound } from '../core/errors.js';
import { startedStates } from '../journey/journey.machine.js';
import type { InternshipFact, InternshipFacts, PlannedIntern } from '../read-models/internships.js';
import type { AccessToWorkCase, AccessToWorkRepository, Application, Award } from './access-to-work.repository.js';

export interface AccessToWorkDependencies {
  mongo: MongoClient;
  records: AccessToWorkRepository;
  internships: InternshipFacts;
  audit: AuditLog;
  clock: Clock;
}

export const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/** Employers who host the young person now: they may know until when support is funded, nothing more. */
const hostingStates = new Set<InternshipFact['state']>(['agreed', 'in_progress']);

/** The internship Access to Work pays for: the latest one that started. */
export function latestStarted(matches: InternshipFact[]): InternshipFact | undefined {
  return matches
    .filter((match) => startedStates.includes(match.state) && match.startedOn)
    .sort((a, b) => (a.startedOn! < b.startedOn! ? 1 : -1))[0];
}

/** The day the dates count from: the internship's start once it has started, the planned start before. */
export function placementStartOf(person: PlannedIntern, internship: InternshipFact | undefined): string | null {
  return internship?.startedOn ?? person.plannedStartDate ?? null;
}

/**
 * What every part of Access to Work shares: its stores, today in England, the policy's answer
 * for one young person, and saving the case with its audit line in one transaction.
 */
export class AccessToWorkAccess {
  readonly mongo: MongoClient;
  readonly records: AccessToWorkRepository;
  readonly internships: InternshipFacts;
  readonly audit: AuditLog;
  readonly clock: Clock;

  constructor(options: AccessToWorkDependencies) {
    this.mongo = options.mongo;
    this.records = options.records;
    this.internships = options.internships;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  today(): string {
    return todayInEngland(this.clock.now());
  }

  /** The person, their internships and the policy's answer, or the policy's refusal. */
  async authorized(actor: Actor, youngPersonId: string, action: 'read' | 'write' | 'read_funded_until') {
    const person = await this.internships.intern(youngPersonId);
    if (!person) throw notFound('Young person');
    const matches = await this.internships.internships(youngPersonId);
    const resource: Resource = {
      type: 'access_to_work',
      youngPersonId,
      providerId: person.providerId,
      hostEmployerIds: matches
        .filter((match) => hostingStates.has(match.state) && match.visibleToEmployer)
        .map((match) => match.employerId),
    };
    authorize(actor, `access_to_work.${action}`, resource);
    const mayWrite = decide(actor, 'access_to_work.write', resource) === 'allow';
    const internship = latestStarted(matches);
    return { person, internship, mayWrite };
  }

  /** Records the application or the award on the case, and who did it in the audit trail. */
  saveCase(
    actor: Actor,
    person: PlannedIntern,
    change: { application: Application } | { award: Award },
    requestId: string,
  ): Promise<AccessToWorkCase> {
    return inTransaction(this.mongo, async (session) => {
      const updated = await this.records.save(
        person,
        change,
        { accountId: actor.accountId, role: actor.role },
        this.clock.now(),
        session,
      );
      await this.audit.success(
        'application' in change ? 'access_to_work.application' : 'access_to_work.award',
        actor,
        { target: { type: 'access_to_work_case', id: updated.id }, subjectId: person.id, requestId },
        session,
      );
      return updated;
    });
  }
}
