import { type Db, type Filter, ObjectId } from 'mongodb';
import type { Sector, Weekday } from '../domain/vocabulary.js';
import { startedStates } from '../journey/journey.machine.js';

/** What the outcome reports and the SEN2 export read of each internship that started; never notes or the passport. */
export interface StartedInternship {
  matchId: string;
  youngPersonId: string;
  providerId: string;
  jobCoachId?: string;
  placementId: string;
  state: string;
  cohortYear: number;
  localAuthority?: string;
  sector: Sector;
  startedOn: string;
  endedOn?: string;
  /** The follow-up the journey recorded itself (its `record_follow_up` step): still employed or not. */
  journeyFollowUp?: { stillEmployed: boolean; hoursPerWeek?: number };
}

export interface InternshipFilters {
  providerId: string;
  jobCoachId?: string;
  academicYear?: number;
  localAuthority?: string;
  sector?: Sector;
}

interface MatchFields {
  _id: ObjectId;
  youngPersonId: ObjectId;
  providerId: ObjectId;
  jobCoachId?: ObjectId;
  placementId: ObjectId;
  state: string;
  cohortYear: number;
  localAuthority?: string;
  sector: Sector;
  startedOn: string;
  endedOn?: string;
  followUp?: { stillEmployed: boolean; hoursPerWeek?: number };
}

interface PersonFields {
  _id: ObjectId;
  preferredName: string;
  dateOfBirth: string;
}

interface PlacementFields {
  _id: ObjectId;
  schedule: { days: Weekday[]; hoursPerWeek: number };
}

/** Reads the journeys, young people and placements the reports of the year after need, with narrow projections. */
export class InternshipsReadModel {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  async started(filters: InternshipFilters): Promise<StartedInternship[]> {
    const query: Filter<MatchFields> = {
      providerId: new ObjectId(filters.providerId),
      state: { $in: [...startedStates] },
      ...(filters.jobCoachId ? { jobCoachId: new ObjectId(filters.jobCoachId) } : {}),
      ...(filters.academicYear !== undefined ? { cohortYear: filters.academicYear } : {}),
      ...(filters.localAuthority ? { localAuthority: filters.localAuthority } : {}),
      ...(filters.sector ? { sector: filters.sector } : {}),
    };
    const docs = await this.db
      .collection<MatchFields>('placement_matches')
      .find(query, {
        projection: {
          youngPersonId: 1,
          providerId: 1,
          jobCoachId: 1,
          placementId: 1,
          state: 1,
          cohortYear: 1,
          localAuthority: 1,
          sector: 1,
          startedOn: 1,
          endedOn: 1,
          'followUp.stillEmployed': 1,
          'followUp.hoursPerWeek': 1,
        },
      })
      .sort({ startedOn: 1, _id: 1 })
      .toArray();
    return docs.map((doc) => ({
      matchId: doc._id.toHexString(),
      youngPersonId: doc.youngPersonId.toHexString(),
      providerId: doc.providerId.toHexString(),
      ...(doc.jobCoachId ? { jobCoachId: doc.jobCoachId.toHexString() } : {}),
      placementId: doc.placementId.toHexString(),
      state: doc.state,
      cohortYear: doc.cohortYear,
      ...(doc.localAuthority ? { localAuthority: doc.localAuthority } : {}),
      sector: doc.sector,
      startedOn: doc.startedOn,
      ...(doc.endedOn ? { endedOn: doc.endedOn } : {}),
      ...(doc.followUp ? { journeyFollowUp: doc.followUp } : {}),
    }));
  }

  async people(ids: string[]): Promise<Map<string, { preferredName: string; dateOfBirth: string }>> {
    const docs = await this.db
      .collection<PersonFields>('young_people')
      .find({ _id: { $in: ids.map((id) => new ObjectId(id)) } }, { projection: { preferredName: 1, dateOfBirth: 1 } })
      .toArray();
    return new Map(docs.map((doc) => [doc._id.toHexString(), doc]));
  }

  async schedules(ids: string[]): Promise<Map<string, { days: Weekday[]; hoursPerWeek: number }>> {
    const docs = await this.db
      .collection<PlacementFields>('placements')
      .find(
        { _id: { $in: ids.map((id) => new ObjectId(id)) } },
        { projection: { 'schedule.days': 1, 'schedule.hoursPerWeek': 1 } },
      )
      .toArray();
    return new Map(docs.map((doc) => [doc._id.toHexString(), doc.schedule]));
  }

  async providerOf(youngPersonId: string): Promise<string | undefined> {
    const doc = await this.db
      .collection<{ _id: ObjectId; providerId: ObjectId }>('young_people')
      .findOne({ _id: new ObjectId(youngPersonId) }, { projection: { providerId: 1 } });
    return doc?.providerId.toHexString();
  }

  /** The targets of every review of the young person's internships, oldest review first: text, status and outcome only. */
  async reviewTargets(
    youngPersonId: string,
  ): Promise<{ heldOn: string; targets: { text: string; status: string; outcomeId?: string }[] }[]> {
    return this.db
      .collection<{ heldOn: string; targets: { text: string; status: string; outcomeId?: string }[] }>(
        'internship_reviews',
      )
      .find(
        { youngPersonId: new ObjectId(youngPersonId) },
        { projection: { _id: 0, heldOn: 1, 'targets.text': 1, 'targets.status': 1, 'targets.outcomeId': 1 } },
      )
      .sort({ heldOn: 1 })
      .toArray();
  }
}
