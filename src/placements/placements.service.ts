import { type ClientSession, type MongoClient, ObjectId } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, decide } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { isoDate } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { notFound, unprocessable } from '../core/errors.js';
import type { Employer } from '../employers/employers.repository.js';
import { employerResource } from '../employers/employers.service.js';
import { locate } from '../geo/locate.js';
import type { PlacementEmployers } from '../read-models/employers.js';
import type { SearchOutbox } from '../search-sync/outbox.js';
import { placementProblems } from './placement-checks.js';
import type { NewPlacement, Placement, PlacementStatus, PlacementsRepository } from './placements.repository.js';
import { type PlacementInput, type PlacementPatch, publishedStatuses } from './placements.schemas.js';

/** Statuses in which people outside the employer can see a placement. */
export { publishedStatuses };

export function placementResource(placement: Placement, employer: Pick<Employer, 'verified'>) {
  return {
    type: 'placement' as const,
    id: placement.id,
    employerId: placement.employerId,
    published: employer.verified && publishedStatuses.includes(placement.status),
  };
}

export function placementView(
  placement: Placement,
  employer: Pick<Employer, 'name' | 'verified' | 'disabilityConfident'>,
) {
  return {
    ...placement,
    employer: { name: employer.name, verified: employer.verified, disabilityConfident: employer.disabilityConfident },
    placesFree: Math.max(0, placement.places - placement.placesFilled),
    createdAt: placement.createdAt.toISOString(),
    updatedAt: placement.updatedAt.toISOString(),
  };
}

export class PlacementsService {
  private readonly mongo: MongoClient;
  private readonly placements: PlacementsRepository;
  private readonly employers: PlacementEmployers;
  private readonly outbox: SearchOutbox;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    placements: PlacementsRepository;
    /** The employer facts a placement is authorised, shown and indexed with. */
    employers: PlacementEmployers;
    outbox: SearchOutbox;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.placements = options.placements;
    this.employers = options.employers;
    this.outbox = options.outbox;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  async create(actor: Actor, employerId: string, input: PlacementInput, requestId: string) {
    const employer = await this.employers.byId(employerId);
    if (!employer) throw notFound('Employer');
    authorize(actor, 'employer.create_placement', employerResource(employer));
    this.#checkOpenable(input.status, employer);
    const problems = placementProblems(
      { ...input, placesFilled: 0 },
      { today: isoDate(this.clock.now()), checkStartDate: true },
    );
    if (problems.length > 0) throw unprocessable(problems, 'This placement cannot be true as it stands.');
    const location = locate(input.site.address.postcode, input.site.coordinates, 'site.address.postcode');
    const placement: NewPlacement = {
      ...input,
      employerId,
      site: { ...input.site, coordinates: { lat: location.lat, lng: location.lng } },
    };
    const created = await inTransaction(this.mongo, async (session) => {
      const inserted = await this.placements.insert(placement, this.clock.now(), session);
      await this.outbox.enqueue('placement', inserted.id, session);
      await this.audit.success(
        'placement.create',
        actor,
        { target: { type: 'placement', id: inserted.id }, requestId },
        session,
      );
      return inserted;
    });
    return { placement: created, employer };
  }

  async get(
    actor: Actor,
    id: string,
    action: 'placement.read' | 'placement.update' | 'placement.candidates' | 'placement.propose' = 'placement.read',
  ) {
    const placement = await this.placements.byId(id);
    if (!placement) throw notFound('Placement');
    const employer = await this.employers.byId(placement.employerId);
    if (!employer) throw notFound('Placement');
    authorize(actor, action, placementResource(placement, employer));
    return { placement, employer };
  }

  /** An employer's placements: all of them for its staff, the published ones for everyone else. */
  async listForEmployer(
    actor: Actor,
    employerId: string,
    query: { status?: PlacementStatus; limit: number; offset: number },
  ) {
    const employer = await this.employers.byId(employerId);
    if (!employer) throw notFound('Employer');
    authorize(actor, 'employer.read', employerResource(employer));
    const staff = decide(actor, 'employer.update', employerResource(employer)) === 'allow';
    const filter: Record<string, unknown> = { employerId: new ObjectId(employerId) };
    if (!staff) filter.status = { $in: employer.verified ? publishedStatuses : [] };
    if (query.status) filter.status = staff || publishedStatuses.includes(query.status) ? query.status : '__none__';
    const page = await this.placements.list(filter, query);
    return { ...page, employer };
  }

  async update(actor: Actor, id: string, patch: PlacementPatch, requestId: string) {
    const { placement, employer } = await this.get(actor, id, 'placement.update');
    if (patch.status) this.#checkOpenable(patch.status, employer);
    if (patch.places !== undefined && patch.places < placement.placesFilled) {
      throw unprocessable([
        {
          path: 'places',
          in: 'body',
          message: `cannot be fewer than the ${placement.placesFilled} interns already placed`,
        },
      ]);
    }
    const merged = {
      ...placement,
      ...patch,
      schedule: patch.schedule ?? placement.schedule,
      rotations: patch.rotations ?? placement.rotations,
    };
    const opening = patch.status === 'open' && placement.status !== 'open';
    const problems = placementProblems(merged, {
      today: isoDate(this.clock.now()),
      checkStartDate: patch.startDate !== undefined || (opening && placement.placesFilled === 0),
    }).filter((found) => found.path !== 'status' || opening || patch.places !== undefined);
    const reshaped =
      opening || ['schedule', 'durationWeeks', 'rotations', 'startDate', 'places'].some((field) => field in patch);
    if (reshaped && problems.length > 0) throw unprocessable(problems, 'This placement cannot be true as it stands.');
    const changes: Partial<NewPlacement> = { ...patch, site: undefined };
    if (patch.site) {
      const location = locate(patch.site.address.postcode, patch.site.coordinates, 'site.address.postcode');
      changes.site = { ...patch.site, coordinates: { lat: location.lat, lng: location.lng } };
    } else {
      delete changes.site;
    }
    const updated = await inTransaction(this.mongo, async (session) => {
      const result = await this.placements.update(id, changes, this.clock.now(), session, {
        needsFreePlace: merged.status === 'open' && (opening || patch.places !== undefined),
      });
      if (!result) throw await this.#whyNotUpdated(id, session);
      await this.outbox.enqueue('placement', id, session);
      await this.audit.success(
        'placement.update',
        actor,
        { target: { type: 'placement', id }, requestId, details: { fields: Object.keys(patch) } },
        session,
      );
      return result;
    });
    return { placement: updated, employer };
  }

  /**
   * The employer's "Publish": opens the placement when the employer is verified; otherwise checks
   * it as opening would and marks it to open as soon as a provider verifies the employer.
   */
  async publish(actor: Actor, id: string, requestId: string): Promise<{ placement: Placement; published: boolean }> {
    const { placement, employer } = await this.get(actor, id, 'placement.update');
    if (employer.verified) {
      const { placement: opened } = await this.update(actor, id, { status: 'open' }, requestId);
      return { placement: opened, published: true };
    }
    if (placement.status !== 'draft') {
      throw unprocessable([{ path: 'status', in: 'body', message: 'can only be published from a draft' }]);
    }
    const problems = placementProblems(placement, {
      today: isoDate(this.clock.now()),
      checkStartDate: placement.placesFilled === 0,
    });
    if (problems.length > 0) throw unprocessable(problems, 'This placement cannot be true as it stands.');
    const marked = await inTransaction(this.mongo, async (session) => {
      const result = await this.placements.markPublishWhenVerified(id, this.clock.now(), session);
      if (!result) throw unprocessable([{ path: 'status', in: 'body', message: 'can only be published from a draft' }]);
      await this.audit.success(
        'placement.update',
        actor,
        { target: { type: 'placement', id }, requestId, details: { fields: ['publishWhenVerified'] } },
        session,
      );
      return result;
    });
    return { placement: marked, published: false };
  }

  /** The update matched nothing: the placement is gone, or its last place was taken while it was being opened. */
  async #whyNotUpdated(id: string, session: ClientSession) {
    const current = await this.placements.byId(id, session);
    if (!current) return notFound('Placement');
    return unprocessable(
      [{ path: 'status', in: 'body', message: `cannot be open: all ${current.places} places are filled` }],
      'This placement cannot be true as it stands.',
    );
  }

  #checkOpenable(status: PlacementStatus, employer: Pick<Employer, 'verified'>): void {
    if (status === 'open' && !employer.verified) {
      throw unprocessable(
        [{ path: 'status', in: 'body', message: 'can only be open once a provider has verified the employer' }],
        'The employer is not verified yet.',
      );
    }
  }
}
