import { type Document, ObjectId } from 'mongodb';
import type { AdjustmentsRepository } from '../adjustments/adjustments.repository.js';
import type { Clock } from '../core/clock.js';
import { londonDayAndHour } from '../core/dates.js';
import {
  type AdjustmentFact,
  type EmployerAdjustmentRecord,
  employerAdjustmentRecords,
} from '../dashboards/adjustment-figures.js';
import type { JourneysRepository } from '../journey/journey.repository.js';

/**
 * What the adjustment figures read: each request's dates and answers and its placement's first
 * day. Never a request's words, a reason, an observation or who the young person is.
 */
export class AdjustmentFiguresReadModel {
  private readonly matches: JourneysRepository;
  private readonly adjustments: AdjustmentsRepository;
  private readonly clock: Clock;

  constructor(options: { matches: JourneysRepository; adjustments: AdjustmentsRepository; clock: Clock }) {
    this.matches = options.matches;
    this.adjustments = options.adjustments;
    this.clock = options.clock;
  }

  /** The requests on the journeys `journeyFilter` selects. */
  async ofJourneys(journeyFilter: Document): Promise<AdjustmentFact[]> {
    const journeys = await this.matches.collection
      .find(journeyFilter, { projection: { _id: 1, startedOn: 1 } })
      .toArray();
    if (journeys.length === 0) return [];
    return this.#facts(
      { matchId: { $in: journeys.map((journey) => journey._id) } },
      new Map(journeys.map((journey) => [journey._id.toHexString(), journey.startedOn])),
    );
  }

  /**
   * Each employer's record for a match's reasons, from every adjustment they ever agreed to, in
   * one read for the whole page of placements: only counts, never whose adjustments they were.
   * An employer with no agreed adjustment whose first two weeks are over has no record.
   */
  async employerRecords(employerIds: string[]): Promise<Map<string, EmployerAdjustmentRecord>> {
    if (employerIds.length === 0) return new Map();
    const facts = await this.#facts({
      employerId: { $in: [...new Set(employerIds)].map((id) => new ObjectId(id)) },
      agreed: { $exists: true },
    });
    return employerAdjustmentRecords(facts, londonDayAndHour(this.clock.now()).day);
  }

  async #facts(filter: Document, startedOnOf?: Map<string, string | undefined>): Promise<AdjustmentFact[]> {
    const requests = await this.adjustments.adjustments
      .find(
        // A request the job coach added is not asked of the employer until the young person agrees.
        { ...filter, awaitingYoungPerson: { $ne: true } },
        {
          projection: {
            matchId: 1,
            employerId: 1,
            'agreed.at': 1,
            'notPossible.at': 1,
            'inPlace.on': 1,
            'check.answer': 1,
          },
        },
      )
      .toArray();
    const started = startedOnOf ?? (await this.#startedOn(requests.map((request) => request.matchId)));
    return requests.map((request) => {
      const startedOn = started.get(request.matchId.toHexString());
      return {
        employerId: request.employerId.toHexString(),
        ...(startedOn ? { startedOn } : {}),
        agreed: !!request.agreed,
        notPossible: !!request.notPossible,
        ...(request.inPlace ? { inPlaceOn: request.inPlace.on } : {}),
        ...(request.check ? { checkAnswer: request.check.answer } : {}),
      };
    });
  }

  async #startedOn(matchIds: ObjectId[]): Promise<Map<string, string | undefined>> {
    if (matchIds.length === 0) return new Map();
    const journeys = await this.matches.collection
      .find({ _id: { $in: matchIds }, startedOn: { $exists: true } }, { projection: { _id: 1, startedOn: 1 } })
      .toArray();
    return new Map(journeys.map((journey) => [journey._id.toHexString(), journey.startedOn]));
  }
}
