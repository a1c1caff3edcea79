import { type Db, ObjectId } from 'mongodb';
import type { Sector, Weekday } from '../domain/vocabulary.js';

/** Which started internships an outcome report covers: the provider and the report's filters. */
export interface InternshipFilters {
  providerId: string;
  jobCoachId?: string;
  academicYear?: number;
  localAuthority?: string;
  sector?: Sector;
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

/** Reads the young people, placements and reviews the record of the year after needs, with narrow projections. */
export class InternshipsReadModel {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
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
