import type { Document, ObjectId } from 'mongodb';
import type { AccessToWorkRepository } from '../access-to-work/access-to-work.repository.js';
import type { JourneysRepository } from '../journey/journey.repository.js';
import type { ProgressRepository } from '../journey/progress.repository.js';

/** One intern of the report's scope: their Access to Work case, what was logged and what was claimed. */
export interface AccessToWorkIntern {
  /** The first day of their (earliest) internship in the scope. */
  startedOn: string;
  applicationSentOn?: string;
  award?: {
    letterDate: string;
    coachingLines: { startsOn: string; endsOn: string; hoursPerWeek: number }[];
  };
  /** The job coaching hours of each weekly log (study time is never in them). */
  loggedWeeks: { weekStarting: string; coachingHours: number }[];
  claims: { month: string; sentOn?: string; queried: boolean }[];
}

/**
 * What the provider report's Access to Work figures read: the interns a dashboard's journey filter
 * selects, their case's dates and job coach lines, the coaching hours of their weekly logs and
 * their claims' dates. Never an amount, a reference, a refusal's reason or a log's notes.
 */
export class AccessToWorkFiguresReadModel {
  private readonly matches: JourneysRepository;
  private readonly progress: ProgressRepository;
  private readonly accessToWork: AccessToWorkRepository;

  constructor(options: {
    matches: JourneysRepository;
    progress: ProgressRepository;
    accessToWork: AccessToWorkRepository;
  }) {
    this.matches = options.matches;
    this.progress = options.progress;
    this.accessToWork = options.accessToWork;
  }

  /** Each young person with a started internship among the journeys `journeyFilter` selects. */
  async interns(journeyFilter: Document): Promise<AccessToWorkIntern[]> {
    const journeys = await this.matches.collection
      .find(
        { ...journeyFilter, startedOn: { $exists: true } },
        { projection: { _id: 1, youngPersonId: 1, startedOn: 1 } },
      )
      .toArray();
    if (journeys.length === 0) return [];
    const people = new Map<string, { id: ObjectId; startedOn: string; matchIds: ObjectId[] }>();
    for (const journey of journeys) {
      const key = journey.youngPersonId.toHexString();
      const person = people.get(key);
      const startedOn = journey.startedOn as string;
      if (!person) people.set(key, { id: journey.youngPersonId, startedOn, matchIds: [journey._id] });
      else {
        person.matchIds.push(journey._id);
        if (startedOn < person.startedOn) person.startedOn = startedOn;
      }
    }
    const personIds = [...people.values()].map((person) => person.id);
    const [cases, claims, logs] = await Promise.all([
      this.accessToWork.cases
        .find(
          { youngPersonId: { $in: personIds } },
          { projection: { youngPersonId: 1, 'application.sentOn': 1, 'award.letterDate': 1, 'award.lines': 1 } },
        )
        .toArray(),
      this.accessToWork.claims
        .find(
          { youngPersonId: { $in: personIds } },
          { projection: { youngPersonId: 1, month: 1, 'sent.on': 1, 'queried.on': 1 } },
        )
        .toArray(),
      this.progress.logs
        .find(
          { matchId: { $in: journeys.map((journey) => journey._id) } },
          { projection: { matchId: 1, weekStarting: 1, supportHours: 1 } },
        )
        .toArray(),
    ]);
    const caseOf = new Map(cases.map((doc) => [doc.youngPersonId.toHexString(), doc]));
    const claimsOf = groupBy(claims, (doc) => doc.youngPersonId.toHexString());
    const logsOf = groupBy(logs, (doc) => doc.matchId.toHexString());
    return [...people.entries()].map(([key, person]) => {
      const found = caseOf.get(key);
      return {
        startedOn: person.startedOn,
        ...(found?.application?.sentOn ? { applicationSentOn: found.application.sentOn } : {}),
        ...(found?.award
          ? {
              award: {
                letterDate: found.award.letterDate,
                coachingLines: found.award.lines
                  .filter((line) => line.kind === 'job_coach')
                  .map((line) => ({
                    startsOn: line.startsOn,
                    endsOn: line.endsOn,
                    hoursPerWeek: line.hoursPerWeek ?? 0,
                  })),
              },
            }
          : {}),
        loggedWeeks: person.matchIds.flatMap((matchId) =>
          (logsOf.get(matchId.toHexString()) ?? []).map((log) => ({
            weekStarting: log.weekStarting,
            coachingHours: log.supportHours,
          })),
        ),
        claims: (claimsOf.get(key) ?? []).map((claim) => ({
          month: claim.month,
          ...(claim.sent?.on ? { sentOn: claim.sent.on } : {}),
          queried: !!claim.queried,
        })),
      };
    });
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}
