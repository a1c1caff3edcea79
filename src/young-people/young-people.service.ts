import { type ClientSession, type MongoClient, ObjectId } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, decide, youngPeopleScope } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { escapeRegex } from '../core/db/regex.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, forbidden, notFound, unprocessable } from '../core/errors.js';
import { locate } from '../geo/locate.js';
import { statusChangeRefusal } from '../journey/journey.machine.js';
import type { AccountFacts } from '../read-models/accounts.js';
import type { SearchOutbox } from '../search-sync/outbox.js';
import { youngPersonResource } from './young-people.access.js';
import type { NewYoungPerson, YoungPeopleRepository, YoungPerson } from './young-people.repository.js';
import type { YoungPersonInput, YoungPersonPatch } from './young-people.schemas.js';

export const minimumAge = 16;
export const maximumAge = 24;

/** Whole years from `dateOfBirth` to `onDate` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Fields only provider staff may change; the young person and delegates edit the rest. */
const staffOnlyFields = ['jobCoachId', 'status', 'plannedStartDate', 'dateOfBirth', 'ehcPlan'] as const;

/**
 * The one write the young-people feature makes to the auth feature's store, inside its own
 * transaction (with the audit entry): taking a delegate's grant for a young person away.
 * The accounts repository implements it; nothing else of that store is handed over.
 */
export interface DelegateGrants {
  removeDelegateGrant(delegateAccountId: string, youngPersonId: string, session: ClientSession): Promise<boolean>;
}

export class YoungPeopleService {
  private readonly mongo: MongoClient;
  private readonly youngPeople: YoungPeopleRepository;
  private readonly accounts: AccountFacts;
  private readonly grants: DelegateGrants;
  private readonly outbox: SearchOutbox;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    youngPeople: YoungPeopleRepository;
    /** Who has an account, who acts for whom, who is a job coach: no emails, no credentials. */
    accounts: AccountFacts;
    grants: DelegateGrants;
    outbox: SearchOutbox;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.youngPeople = options.youngPeople;
    this.accounts = options.accounts;
    this.grants = options.grants;
    this.outbox = options.outbox;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  async create(actor: Actor, input: YoungPersonInput, requestId: string): Promise<YoungPerson> {
    if (!actor.providerId) throw forbidden('Only job coaches and provider admins add young people.');
    authorize(actor, 'provider.add_young_person', { type: 'provider', id: actor.providerId });
    const jobCoachId = input.jobCoachId ?? (actor.role === 'job_coach' ? actor.accountId : undefined);
    if (jobCoachId) await this.#checkCoach(jobCoachId, actor.providerId);
    if (
      input.eligibilityExceptionReason &&
      decide(actor, 'provider.record_eligibility_exception', { type: 'provider', id: actor.providerId }) !== 'allow'
    ) {
      throw new ApiError('forbidden', 'Only a provider admin can record an eligibility exception.', {
        details: [{ path: 'eligibilityExceptionReason', in: 'body', message: 'can only be set by a provider admin' }],
      });
    }
    this.#checkEligibility(input, !!input.eligibilityExceptionReason);
    const location = locate(input.homePostcode, input.coordinates, 'homePostcode');
    const { coordinates: _given, eligibilityExceptionReason, ...rest } = input;
    const person: NewYoungPerson = {
      ...rest,
      ...(eligibilityExceptionReason
        ? {
            eligibilityException: {
              reason: eligibilityExceptionReason,
              recordedBy: actor.accountId,
              recordedAt: this.clock.now(),
            },
          }
        : {}),
      providerId: actor.providerId,
      ...(jobCoachId ? { jobCoachId } : {}),
      coordinates: { lat: location.lat, lng: location.lng },
      locationSource: location.source,
    };
    return inTransaction(this.mongo, async (session) => {
      const created = await this.youngPeople.insert(person, this.clock.now(), session);
      await this.outbox.enqueue('young_person', created.id, session);
      await this.audit.success(
        'young_person.create',
        actor,
        { target: { type: 'young_person', id: created.id }, subjectId: created.id, requestId },
        session,
      );
      return created;
    });
  }

  async get(
    actor: Actor,
    id: string,
    action: 'young_person.read' | 'young_person.update' = 'young_person.read',
  ): Promise<YoungPerson> {
    const person = await this.youngPeople.byId(id);
    if (!person) throw notFound('Young person');
    authorize(actor, action, youngPersonResource(person));
    return person;
  }

  /**
   * Answers not_found unless this young person is the actor's business at all (as the API does for
   * someone else's record); what the actor may do with them is decided action by action.
   */
  async mustSee(actor: Actor, id: string): Promise<void> {
    const person = await this.youngPeople.byId(id);
    if (!person) throw notFound('Young person');
    authorize(actor, 'young_person.see', youngPersonResource(person));
  }

  async list(
    actor: Actor,
    query: {
      status?: YoungPerson['status'];
      /** An account id, or 'none' for the young people no job coach is assigned to yet. */
      jobCoachId?: string;
      q?: string;
      limit: number;
      offset: number;
    },
  ) {
    const scope = youngPeopleScope(actor);
    if (!scope) return { items: [], total: 0 };
    const filter: Record<string, unknown> = {};
    if (scope.providerId) filter.providerId = new ObjectId(scope.providerId);
    if (scope.ids) filter._id = { $in: scope.ids.map((id) => new ObjectId(id)) };
    if (query.status) filter.status = query.status;
    if (query.jobCoachId)
      filter.jobCoachId = query.jobCoachId === 'none' ? { $exists: false } : new ObjectId(query.jobCoachId);
    if (query.q) filter.preferredName = { $regex: escapeRegex(query.q), $options: 'i' };
    return this.youngPeople.list(filter, query);
  }

  async update(actor: Actor, id: string, patch: YoungPersonPatch, requestId: string): Promise<YoungPerson> {
    const current = await this.get(actor, id, 'young_person.update');
    const staff = decide(actor, 'young_person.manage_placement_details', youngPersonResource(current)) === 'allow';
    const refused = staffOnlyFields.filter((field) => patch[field] !== undefined && !staff);
    if (refused.length > 0) {
      throw new ApiError('forbidden', 'Only the job coach or provider can change these fields.', {
        details: refused.map((field) => ({
          path: field,
          in: 'body' as const,
          message: 'can only be changed by provider staff',
        })),
      });
    }
    const statusRefusal = patch.status === undefined ? undefined : statusChangeRefusal(current.status, patch.status);
    if (statusRefusal)
      throw unprocessable(
        [{ path: 'status', in: 'body', message: statusRefusal }],
        'The placement journey owns this status.',
      );
    if (patch.jobCoachId) await this.#checkCoach(patch.jobCoachId, current.providerId);
    if (patch.dateOfBirth || patch.plannedStartDate || patch.ehcPlan) {
      this.#checkEligibility(
        {
          dateOfBirth: patch.dateOfBirth ?? current.dateOfBirth,
          plannedStartDate: patch.plannedStartDate ?? current.plannedStartDate,
          ehcPlan: patch.ehcPlan ?? current.ehcPlan,
        },
        !!current.eligibilityException,
      );
    }
    const { coordinates, ...changes } = patch;
    const update: Partial<NewYoungPerson> = { ...changes };
    if (patch.homePostcode || coordinates) {
      const location = locate(patch.homePostcode ?? current.homePostcode, coordinates, 'homePostcode');
      update.coordinates = { lat: location.lat, lng: location.lng };
      update.locationSource = location.source;
    }
    return inTransaction(this.mongo, async (session) => {
      const updated = await this.youngPeople.update(id, update, [], this.clock.now(), session);
      if (!updated) throw notFound('Young person');
      await this.outbox.enqueue('young_person', id, session);
      await this.audit.success(
        'young_person.update',
        actor,
        { target: { type: 'young_person', id }, subjectId: id, requestId, details: { fields: Object.keys(patch) } },
        session,
      );
      return updated;
    });
  }

  async recordEligibilityException(actor: Actor, id: string, reason: string, requestId: string): Promise<YoungPerson> {
    const person = await this.youngPeople.byId(id);
    if (!person) throw notFound('Young person');
    authorize(actor, 'young_person.set_eligibility_exception', youngPersonResource(person));
    return inTransaction(this.mongo, async (session) => {
      const updated = await this.youngPeople.update(
        id,
        { eligibilityException: { reason, recordedBy: actor.accountId, recordedAt: this.clock.now() } },
        [],
        this.clock.now(),
        session,
      );
      await this.audit.success(
        'young_person.eligibility_exception',
        actor,
        { target: { type: 'young_person', id }, subjectId: id, requestId },
        session,
      );
      return updated!;
    });
  }

  async hasAccount(id: string): Promise<boolean> {
    return (await this.withAccounts([id])).has(id);
  }

  /** Which of these young people have an account of their own, in one query for a whole page. */
  async withAccounts(ids: string[]): Promise<Set<string>> {
    return this.accounts.youngPeopleWithAccounts(ids);
  }

  async delegates(actor: Actor, id: string) {
    await this.get(actor, id, 'young_person.read');
    return this.accounts.delegatesOf(id);
  }

  async removeDelegate(actor: Actor, id: string, delegateAccountId: string, requestId: string): Promise<void> {
    const person = await this.youngPeople.byId(id);
    if (!person) throw notFound('Young person');
    authorize(actor, 'young_person.manage_delegates', youngPersonResource(person));
    await inTransaction(this.mongo, async (session) => {
      const removed = await this.grants.removeDelegateGrant(delegateAccountId, id, session);
      if (!removed) throw notFound('Delegate');
      await this.audit.success(
        'delegate.remove',
        actor,
        { target: { type: 'account', id: delegateAccountId }, subjectId: id, requestId },
        session,
      );
    });
  }

  async #checkCoach(jobCoachId: string, providerId: string): Promise<void> {
    if (!(await this.accounts.isActiveJobCoachOf(jobCoachId, providerId))) {
      throw unprocessable([{ path: 'jobCoachId', in: 'body', message: 'is not an active job coach of this provider' }]);
    }
  }

  /**
   * Supported internships are for 16 to 24 year olds with an EHC plan. Outside that, only a provider
   * admin's recorded exception (with its reason) lets the young person in.
   */
  #checkEligibility(
    person: { dateOfBirth: string; plannedStartDate: string; ehcPlan: YoungPerson['ehcPlan'] },
    hasException: boolean,
  ): void {
    if (hasException) return;
    const problems: FieldProblem[] = [];
    const age = ageOn(person.dateOfBirth, person.plannedStartDate);
    if (age < minimumAge || age > maximumAge) {
      problems.push({
        path: 'dateOfBirth',
        in: 'body',
        message: `gives an age of ${age} at the planned start; supported internships are for ages ${minimumAge} to ${maximumAge}. A provider admin can record an exception with a reason.`,
      });
    }
    if (person.ehcPlan === 'none') {
      problems.push({
        path: 'ehcPlan',
        in: 'body',
        message:
          'is none; supported internships are for young people with an EHC plan (or an assessment under way, or SEN support). A provider admin can record an exception with a reason.',
      });
    }
    if (problems.length > 0)
      throw new ApiError(
        'unprocessable',
        'The young person is not eligible for a supported internship without an exception.',
        { details: problems },
      );
  }
}
