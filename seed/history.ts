import { ObjectId } from 'mongodb';
import type { AccountDoc } from '../src/auth/accounts.js';
import { addDays, addMonths, addYears, daysBetween, mondayOnOrAfter, weekStartOf } from '../src/core/dates.js';
import { minutesOfDay } from '../src/domain/schemas.js';
import {
  adjustmentCategories,
  environmentFactors,
  levelRank,
  levels,
  type Role,
  weekdays,
} from '../src/domain/vocabulary.js';
import { type Employer, toEmployer } from '../src/employers/employers.repository.js';
import {
  checkStep,
  isActive,
  type JourneyAction,
  type JourneyParty,
  type JourneyState,
} from '../src/journey/journey.machine.js';
import type { JourneyDoc } from '../src/journey/journey.repository.js';
import type { Outcome } from '../src/journey/journey.schemas.js';
import type { ReviewDoc, WeeklyLogDoc } from '../src/journey/progress.repository.js';
import { type PlacementFacts as MatchingPlacementFacts, type PersonFacts, personFacts } from '../src/matching/facts.js';
import { hardLimitViolations } from '../src/matching/hard-limits.js';
import { type PlacementDoc, toPlacement } from '../src/placements/placements.repository.js';
import { type PlacementSearchDoc, placementSearchDoc } from '../src/search-sync/documents.js';
import { cohortYearOf, toYoungPerson, type YoungPersonDoc } from '../src/young-people/young-people.repository.js';
import { employerDocument, placementDocument, youngPersonDocument } from './documents.js';
import {
  type Dataset,
  type DatasetSettings,
  type GeneratedEmployer,
  type GeneratedPlacement,
  type GeneratedYoungPerson,
  personName,
  recordId,
  slug,
} from './generate.js';
import type { LoadPart } from './load-part.js';
import { Random } from './random.js';
import { Batch, WriteQueue } from './write-queue.js';

/**
 * Journey history for the demo data, so the dashboards and inboxes show something real on the
 * first run:
 *  - past cohorts: in each of the four academic years before the coming one, interns modelled on
 *    generated young people (same provider, coach, town and interests; dates moved back) on that
 *    year's run of a generated placement near their provider, taken through the whole journey:
 *    proposal, answer, taster, start, rotations, weekly logs with fading support, six-weekly
 *    reviews, withdrawal or outcome, 12-month follow-up. Nothing after `today` has happened yet,
 *    so this year's cohort is part-way through;
 *  - a pipeline: some of the coming cohort already have a proposal, from "proposed" to "agreed".
 * Every step is checked against the journey table (src/journey/journey.machine.ts). Each intern
 * draws from its own generator keyed by the seed, so the history is the same on every run.
 * Seeded agreements share no passport sections here. Only the demo employer's journeys with adjustments
 * get a share of "what helps me at work" (seed/adjustment-shares.ts), made through the service's own
 * consent path, so the fictional demo people show the adjustments loop as a real share would.
 */

/** The academic years before the coming one that have interns. */
export const pastCohortYears = 4;
/** Interns per past cohort, as a share of the coming cohort. */
const pastCohortShare = 0.2;
/** The share of the coming cohort who already have a proposal. */
const pipelineShare = 0.3;

/** Outcomes in line with good programmes (DOMAIN.md: 50-70% into paid work). */
const outcomeChoices = [
  ['paid_employment', 58],
  ['apprenticeship', 7],
  ['further_education', 14],
  ['volunteering', 6],
  ['other', 3],
  ['none', 12],
] as const;

const withdrawalReasons: Record<JourneyParty, readonly string[]> = {
  young_person: [
    'I want to stay at college full time this year',
    'The journey got too hard after the bus route changed',
    'I found a placement nearer home',
    'My health needs to come first this term',
  ],
  job_coach: [
    'The family moved out of the area',
    'Agreed with the young person to try a different sector',
    'Transport could not be arranged',
  ],
  employer: ['The department is being restructured', 'We can no longer provide a supervisor', 'The site is closing'],
};
const employerDeclineReasons = [
  'No supervisor is free this term',
  'The role needs more customer contact than suits them',
  'We have filled our places for this year',
  'The shifts do not fit their travel',
];
const youngPersonDeclineReasons = [
  'Too far from home',
  'I would rather work outdoors',
  'The kitchen was too noisy when I visited',
];
const proposalNotes = [
  'A calm team and a clear routine; the tasks match what they enjoyed at college.',
  'One bus from home, and the employer offers written instructions and a named buddy.',
  'They asked for this sector, and the supervisor has hosted interns before.',
  'A good fit for their strengths; we would start with short days and build up.',
];
const tasterPlaces = ['At the workplace', 'Reception, main entrance', 'Staff room: ask for the supervisor'];
const logNotes = [
  'A settled week.',
  'Needed prompts after a change of rota.',
  'Travelled in alone every day.',
  'Helped show a new starter round.',
];
const reviewSummaries = [
  'Good progress; support is being reduced.',
  'Settling in well; travel is now independent.',
  'Some difficult weeks; we agreed a quieter start time.',
];
const otherOutcomes = [
  'Self-employed, selling crafts at markets',
  'A paid traineeship with the council',
  'Work at a supported business',
];

/** What the history needs of a generated placement. */
interface PlacementFacts {
  index: number;
  id: string;
  employerId: string;
  employerAccountId: string;
  status: GeneratedPlacement['status'];
  sector: GeneratedPlacement['sector'];
  places: number;
  startDate: string;
  durationWeeks: number;
  hoursPerWeek: number;
  tasks: string[];
  rotations: GeneratedPlacement['rotations'];
  /** What matching checks hard limits against, so that no seeded proposal breaks one. */
  matching: MatchingPlacementFacts;
}

/** One academic year's run of a generated placement, and how its places were used. */
interface PastRun {
  placement: PlacementFacts;
  year: number;
  reserved: number;
  placesFilled: number;
  running: number;
}

type Actor = { accountId: ObjectId; role: Role };
type MatchBase = Omit<
  JourneyDoc,
  '_id' | 'state' | 'active' | 'visibleToEmployer' | 'history' | 'rotations' | 'proposedAt' | 'updatedAt'
>;

interface JourneyRecords {
  match: JourneyDoc;
  logs: WeeklyLogDoc[];
  reviews: ReviewDoc[];
}

const oid = (id: string) => ObjectId.createFromHexString(id);
/** A time during the working day, so history entries read naturally. */
const during = (date: string, random: Random) =>
  new Date(Date.parse(`${date}T08:30:00Z`) + random.int(0, 8 * 60) * 60_000);
const roundHalf = (value: number) => Math.round(value * 2) / 2;
const septemberStartOf = (year: number) => mondayOnOrAfter(`${year}-09-01`);

/** A placement's start in a past year: as many weeks after that year's September start as in the coming year. */
function pastStartDate(settings: DatasetSettings, startDate: string, year: number): string {
  return addDays(septemberStartOf(year), daysBetween(settings.septemberStart, startDate));
}

/**
 * Builds one match event by event, checking each step against the journey table, and stops at
 * `today`: a step dated later has not happened yet, and neither has anything after it.
 */
class JourneyWriter {
  readonly doc: JourneyDoc;
  stopped = false;

  constructor(
    private readonly random: Random,
    private readonly today: string,
    base: MatchBase & { _id: ObjectId },
    proposedOn: string,
    coach: Actor,
  ) {
    const proposedAt = during(proposedOn, random);
    this.doc = {
      ...base,
      state: 'proposed',
      active: true,
      visibleToEmployer: false,
      rotations: [],
      history: [{ action: 'propose', to: 'proposed', at: proposedAt, by: coach }],
      proposedAt,
      updatedAt: proposedAt,
    };
  }

  /** Takes the step on `date` if that day has come; false once the journey has reached today. */
  step(
    action: JourneyAction,
    party: JourneyParty,
    by: Actor,
    date: string,
    set: (at: Date) => Partial<JourneyDoc> = () => ({}),
  ): boolean {
    if (this.stopped || date > this.today) {
      this.stopped = true;
      return false;
    }
    const check = checkStep(this.doc.state, action, [party]);
    if (check.outcome !== 'allowed')
      throw new Error(`seed history: the ${party} cannot ${action} a match that is ${this.doc.state}`);
    const at = new Date(Math.max(during(date, this.random).getTime(), this.doc.updatedAt.getTime() + 60_000));
    Object.assign(this.doc, set(at), { state: check.step.to, active: isActive(check.step.to), updatedAt: at });
    this.doc.history.push({ action, from: check.step.from, to: check.step.to, at, by });
    return true;
  }
}

function pickOutcome(random: Random): Outcome {
  const type = random.weighted(outcomeChoices);
  if (type === 'other') return { type, details: random.pick(otherOutcomes) };
  if (type !== 'paid_employment') return { type };
  return {
    type,
    hoursPerWeek: random.weighted([
      [8, 4],
      [12, 8],
      [15, 6],
      [16, 20],
      [20, 22],
      [24, 14],
      [30, 14],
      [37.5, 12],
    ] as const),
    wageBand: random.weighted([
      ['national_minimum_or_living_wage', 60],
      ['real_living_wage', 30],
      ['above_real_living_wage', 10],
    ] as const),
    employer: random.chance(0.65) ? 'same' : 'other',
    contractType: random.weighted([
      ['permanent', 55],
      ['fixed_term', 25],
      ['zero_hours', 12],
      ['casual', 8],
    ] as const),
  };
}

/** The young person's status after their journeys, as the service would have left it. */
function statusAfter(state: JourneyState, yearIsOver: boolean): GeneratedYoungPerson['person']['status'] {
  if (state === 'in_progress') return 'on_placement';
  if (state === 'completed' || state === 'followed_up') return 'completed';
  return yearIsOver ? 'withdrawn' : 'active';
}

/** Makes the history's records, one young person at a time; ids come from counters, so runs repeat exactly. */
class HistoryBuilder {
  readonly pastRuns = new Map<string, PastRun>();
  /** Past interns whose limits were eased to fit their placement (see `#easedFit`). */
  easedInterns = 0;
  #counters = { match: 0, log: 0, review: 0 };

  constructor(
    private readonly settings: DatasetSettings,
    private readonly map: PlacementMap,
    private readonly everywhere: PlacementFacts[],
  ) {}

  #id(kind: 'placementMatch' | 'weeklyLog' | 'review'): ObjectId {
    const counter = kind === 'placementMatch' ? 'match' : kind === 'weeklyLog' ? 'log' : 'review';
    return oid(recordId(this.settings, kind, this.#counters[counter]++));
  }

  pastRun(placement: PlacementFacts, year: number): PastRun {
    const key = runKey(placement, year);
    let run = this.pastRuns.get(key);
    if (!run) {
      run = { placement, year, reserved: 0, placesFilled: 0, running: 0 };
      this.pastRuns.set(key, run);
    }
    return run;
  }

  /**
   * A placement within the young person's travel limit that keeps all their hard limits, in a
   * sector they like when one fits. Looks at every placement on the map squares their reach
   * touches (random tries failed for most people: few placements keep all of someone's limits),
   * going once round that list from a random point, so the choice is the seed's and repeats.
   */
  #choosePlacement(
    random: Random,
    person: GeneratedYoungPerson['person'],
    fits: (placement: PlacementFacts) => boolean,
  ): PlacementFacts | undefined {
    const limits = limitsOf(person);
    const lists = this.map.near(limits);
    const total = lists.reduce((sum, list) => sum + list.length, 0);
    if (total === 0) return undefined;
    // From a random point to the end, then from the beginning up to it.
    let skip = random.int(0, total - 1);
    let first = 0;
    while (skip >= lists[first]!.length) skip -= lists[first++]!.length;
    let fallback: PlacementFacts | undefined;
    for (let round = 0; round <= lists.length; round++) {
      const list = lists[(first + round) % lists.length]!;
      const from = round === 0 ? skip : 0;
      const to = round === lists.length ? skip : list.length;
      for (let at = from; at < to; at++) {
        const placement = list[at]!;
        if (!mayKeepHardLimits(limits, placement) || !keepsHardLimits(limits, placement) || !fits(placement)) continue;
        if (person.interests.includes(placement.sector)) return placement;
        fallback ??= placement;
      }
    }
    return fallback;
  }

  /**
   * For a past intern whom no placement within reach suits: the placement within their travel
   * limit that breaks the fewest of their other limits, and the intern as they were that year,
   * with those limits eased just enough to fit it (a past intern is a new person modelled on the
   * template, and in a real programme those who took part were those a placement fitted). Their
   * travel limit is never eased. Undefined when nothing is within reach.
   */
  #easedFit(
    random: Random,
    person: GeneratedYoungPerson['person'],
    fits: (placement: PlacementFacts) => boolean,
  ): { person: GeneratedYoungPerson['person']; placement: PlacementFacts } | undefined {
    const limits = limitsOf(person);
    const nearby = this.map.within(limits.coordinates, limits.maxDistanceKm);
    if (nearby.length === 0) return undefined;
    const start = random.int(0, nearby.length - 1);
    let best: PlacementFacts | undefined;
    let fewest = Infinity;
    for (let step = 0; step < nearby.length; step++) {
      const placement = nearby[(start + step) % nearby.length]!;
      if (!fits(placement)) continue;
      const broken = hardLimitViolations(limits, placement.matching).filter((limit) => limit !== 'placement_open');
      if (broken.includes('travel_distance') || broken.length >= fewest) continue;
      best = placement;
      fewest = broken.length;
    }
    if (!best) return undefined;
    const eased = easedTo(person, best.matching);
    return keepsHardLimits(limitsOf(eased), best) ? { person: eased, placement: best } : undefined;
  }

  #base(
    random: Random,
    person: GeneratedYoungPerson['person'],
    youngPersonId: string,
    placementId: string,
    placement: PlacementFacts,
    cohortYear: number,
  ): MatchBase {
    return {
      youngPersonId: oid(youngPersonId),
      providerId: oid(person.providerId),
      ...(person.jobCoachId ? { jobCoachId: oid(person.jobCoachId) } : {}),
      placementId: oid(placementId),
      employerId: oid(placement.employerId),
      note: random.pick(proposalNotes),
      ...(random.chance(0.6)
        ? {
            match: {
              score: random.int(55, 96),
              reasons: ['It is close enough to travel to from home.', 'The employer offers the help needed at work.'],
            },
          }
        : {}),
      cohortYear,
      ...(person.localAuthority ? { localAuthority: person.localAuthority } : {}),
      sector: placement.sector,
    };
  }

  /** The academic year generated young person `index` is a past intern of, if they are the model for one. */
  pastYearOf(index: number): number | undefined {
    const random = new Random(this.settings.seed, 'history-cohort', index);
    // Young person 0 is Sam, the demo account; Sam's story starts with the coming year.
    if (index === 0 || !random.chance(pastCohortShare * pastCohortYears)) return undefined;
    return this.settings.academicYear - 1 - random.int(0, pastCohortYears - 1);
  }

  /** A past intern modelled on generated young person `index`: their record, account and journeys. */
  pastIntern(template: GeneratedYoungPerson['person'], index: number, year: number, passwordHash: string) {
    const { settings } = this;
    const random = new Random(settings.seed, 'history', index);
    const yearsBack = settings.academicYear - year;
    const yearIsOver = year < settings.academicYear - 1;
    const youngPersonId = recordId(settings, 'pastYoungPerson', index);
    const account = oid(recordId(settings, 'pastYoungPersonAccount', index));
    const coach: Actor = { accountId: oid(template.jobCoachId!), role: 'job_coach' };
    const youngPerson: Actor = { accountId: account, role: 'young_person' };
    const base = (placement: PlacementFacts) =>
      this.#base(random, template, youngPersonId, pastPlacementId(settings, placement, yearsBack), placement, year);

    // Only looks: a run is made (and written as a past placement) once an intern is proposed for it.
    const hasPlace = (placement: PlacementFacts) =>
      (this.pastRuns.get(runKey(placement, year))?.reserved ?? 0) < placement.places;
    let intern = template;
    let main = this.#choosePlacement(random, template, hasPlace);
    if (!main) {
      const eased = this.#easedFit(random, template, hasPlace);
      if (eased) {
        ({ person: intern, placement: main } = eased);
        this.easedInterns += 1;
      }
    }
    const mainStart = main ? pastStartDate(settings, main.startDate, year) : septemberStartOf(year);
    const proposedOn = addDays(mainStart, -random.int(20, 110));
    // A placement starting in the new year may not have been proposed yet.
    const mainRun = main && proposedOn <= settings.today ? this.pastRun(main, year) : undefined;
    if (mainRun) mainRun.reserved += 1;
    const journeys: JourneyRecords[] = [];
    // One in five had an earlier proposal that came to nothing.
    const earlierOn = addDays(proposedOn, -random.int(21, 56));
    const earlier =
      random.chance(0.2) && earlierOn <= settings.today
        ? this.#choosePlacement(random, intern, (placement) => placement !== main)
        : undefined;
    if (earlier) {
      this.pastRun(earlier, year);
      journeys.push(this.#unsuccessfulProposal(random, base(earlier), coach, youngPerson, earlier, earlierOn));
    }
    if (mainRun)
      journeys.push(
        this.#internship(random, base(mainRun.placement), coach, youngPerson, mainRun, proposedOn, mainStart),
      );
    const last = journeys[journeys.length - 1];
    // Their own name (from a stream of its own, so every other choice stays the same): a coach's
    // caseload would otherwise list the template and the past intern as two people of one name.
    const name = personName(new Random(settings.seed, 'history-name', index));
    const preferredName = `${name.first} ${name.last}`;
    const person = youngPersonDocument(
      {
        ...intern,
        preferredName,
        id: youngPersonId,
        plannedStartDate: septemberStartOf(year),
        dateOfBirth: addYears(template.dateOfBirth, -yearsBack),
        status: statusAfter(last?.match.state ?? 'withdrawn', yearIsOver),
      },
      during(addDays(proposedOn, -60), random),
    );
    const joined = during(addDays(proposedOn, -30), random);
    const accountDoc: AccountDoc = {
      _id: account,
      email: `${slug(preferredName).replace(/-/g, '.')}.${index + 1}@former-interns.example`,
      name: preferredName,
      role: 'young_person',
      // Interns whose year is over no longer sign in.
      status: yearIsOver ? 'disabled' : 'active',
      passwordHash,
      providerId: oid(template.providerId),
      youngPersonId: oid(youngPersonId),
      createdAt: joined,
      updatedAt: joined,
      ...(yearIsOver ? { disabledAt: during(`${year + 1}-08-31`, random) } : {}),
    };
    return { person, account: accountDoc, journeys };
  }

  /** An earlier proposal: the young person said no, the employer said no, or the coach withdrew it. */
  #unsuccessfulProposal(
    random: Random,
    base: MatchBase,
    coach: Actor,
    youngPerson: Actor,
    placement: PlacementFacts,
    proposedOn: string,
  ): JourneyRecords {
    const writer = new JourneyWriter(
      random,
      this.settings.today,
      { _id: this.#id('placementMatch'), ...base },
      proposedOn,
      coach,
    );
    const employer: Actor = { accountId: oid(placement.employerAccountId), role: 'employer' };
    const answered = addDays(proposedOn, random.int(2, 10));
    const ending = random.weighted([
      ['young_person_declines', 45],
      ['employer_declines', 35],
      ['coach_withdraws', 20],
    ] as const);
    if (ending === 'coach_withdraws') {
      writer.step('withdraw', 'job_coach', coach, answered, (at) => ({
        withdrawal: {
          by: coach,
          party: 'job_coach',
          reason: random.pick(withdrawalReasons.job_coach),
          at,
          fromState: 'proposed',
        },
      }));
    } else if (ending === 'young_person_declines') {
      writer.step('decline', 'young_person', youngPerson, answered, (at) => ({
        youngPersonResponse: {
          accepted: false,
          at,
          by: youngPerson,
          sharedSections: [],
          reason: random.pick(youngPersonDeclineReasons),
        },
      }));
    } else {
      this.#agree(writer, youngPerson, answered);
      let decidedOn = addDays(answered, random.int(3, 14));
      if (random.chance(0.3)) decidedOn = this.#taster(writer, random, employer, answered);
      writer.step('employer_decline', 'employer', employer, decidedOn, (at) => ({
        employerDecision: { accepted: false, at, by: employer, reason: random.pick(employerDeclineReasons) },
      }));
    }
    return { match: writer.doc, logs: [], reviews: [] };
  }

  #agree(writer: JourneyWriter, youngPerson: Actor, on: string): boolean {
    return writer.step('accept', 'young_person', youngPerson, on, (at) => ({
      visibleToEmployer: true,
      youngPersonResponse: { accepted: true, at, by: youngPerson, sharedSections: [] },
    }));
  }

  /** Arranges a taster the day after `answered`; returns the day the employer decides. */
  #taster(writer: JourneyWriter, random: Random, employer: Actor, answered: string): string {
    const kind = random.chance(0.7) ? ('taster_day' as const) : ('informal_interview' as const);
    const date = addDays(answered, random.int(5, 14));
    writer.step('arrange_taster', 'employer', employer, addDays(answered, 1), (at) => ({
      taster: { kind, date, place: random.pick(tasterPlaces), arrangedAt: at, arrangedBy: employer },
    }));
    return addDays(date, random.int(0, 3));
  }

  /** The internship: agreement, start, rotations, logs and reviews, and how it ended. */
  #internship(
    random: Random,
    base: MatchBase,
    coach: Actor,
    youngPerson: Actor,
    run: PastRun,
    proposedOn: string,
    placementStart: string,
  ): JourneyRecords {
    const { today } = this.settings;
    const { placement } = run;
    const writer = new JourneyWriter(random, today, { _id: this.#id('placementMatch'), ...base }, proposedOn, coach);
    const employer: Actor = { accountId: oid(placement.employerAccountId), role: 'employer' };
    const answered = addDays(proposedOn, random.int(1, 9));
    this.#agree(writer, youngPerson, answered);
    const decidedOn = random.chance(0.4)
      ? this.#taster(writer, random, employer, answered)
      : addDays(answered, random.int(2, 14));
    writer.step('employer_accept', 'employer', employer, decidedOn, (at) => ({
      employerDecision: { accepted: true, at, by: employer },
    }));
    if (random.chance(0.05)) {
      const changedMind = addDays(decidedOn, random.int(3, 20));
      writer.step('withdraw', 'young_person', youngPerson, changedMind, (at) => ({
        withdrawal: {
          by: youngPerson,
          party: 'young_person',
          reason: random.pick(withdrawalReasons.young_person),
          at,
          fromState: 'agreed',
        },
      }));
      return { match: writer.doc, logs: [], reviews: [] };
    }
    const startedOn = decidedOn < placementStart ? placementStart : mondayOnOrAfter(addDays(decidedOn, 1));
    const starter = random.chance(0.6)
      ? { party: 'job_coach' as const, by: coach }
      : { party: 'employer' as const, by: employer };
    if (
      !writer.step('start', starter.party, starter.by, startedOn, () => ({
        startedOn,
        cohortYear: cohortYearOf(startedOn),
      }))
    )
      return { match: writer.doc, logs: [], reviews: [] };
    run.placesFilled += 1;

    const leavesEarly = random.chance(0.11);
    const lastDay = leavesEarly
      ? addDays(startedOn, random.int(3, Math.max(4, placement.durationWeeks - 2)) * 7 + random.int(0, 4))
      : addDays(startedOn, placement.durationWeeks * 7 - 3);
    let ended: boolean;
    if (leavesEarly) {
      const party = random.weighted([
        ['young_person', 50],
        ['job_coach', 30],
        ['employer', 20],
      ] as const);
      const by = party === 'employer' ? employer : party === 'job_coach' ? coach : youngPerson;
      ended = writer.step('withdraw', party, by, lastDay, (at) => ({
        withdrawal: { by, party, reason: random.pick(withdrawalReasons[party]), at, fromState: 'in_progress' },
      }));
      // Leaving early gives the place back.
      if (ended) run.placesFilled -= 1;
    } else {
      const outcome = pickOutcome(random);
      ended = writer.step('complete', 'job_coach', coach, lastDay, () => ({ endedOn: lastDay, outcome }));
      const checkedOn = addDays(addMonths(lastDay, 12), random.int(-20, 25));
      const stillEmployed = outcome.type === 'paid_employment' ? random.chance(0.78) : random.chance(0.15);
      const hoursPerWeek = outcome.type === 'paid_employment' ? outcome.hoursPerWeek : random.pick([12, 16, 20]);
      writer.step('record_follow_up', 'job_coach', coach, checkedOn, (at) => ({
        followUp: {
          checkedOn,
          stillEmployed,
          ...(stillEmployed ? { hoursPerWeek } : {}),
          recordedAt: at,
          recordedBy: coach,
        },
      }));
    }
    if (!ended) run.running += 1;
    const until = ended ? lastDay : today;
    this.#rotations(writer, random, placement, coach, startedOn, until);
    return { match: writer.doc, ...this.#progress(random, writer.doc, placement, coach, employer, until, ended) };
  }

  #rotations(
    writer: JourneyWriter,
    random: Random,
    placement: PlacementFacts,
    coach: Actor,
    startedOn: string,
    until: string,
  ): void {
    let weeks = 0;
    for (const rotation of placement.rotations) {
      const startDate = addDays(startedOn, weeks * 7);
      weeks += rotation.weeks;
      if (startDate > until) break;
      writer.doc.rotations.push({
        department: rotation.department,
        tasks: rotation.tasks,
        startDate,
        endDate: addDays(startDate, rotation.weeks * 7 - 3),
        recordedAt: during(startDate, random),
        recordedBy: coach,
      });
    }
  }

  /**
   * A log for each week that is over (or the week it ended in), with one in twelve missed; job
   * coach support starts at about half the hours worked and fades week by week. Reviews every six weeks.
   */
  #progress(
    random: Random,
    match: JourneyDoc,
    placement: PlacementFacts,
    coach: Actor,
    employer: Actor,
    until: string,
    ended: boolean,
  ) {
    const scope = {
      matchId: match._id,
      youngPersonId: match.youngPersonId,
      providerId: match.providerId,
      ...(match.jobCoachId ? { jobCoachId: match.jobCoachId } : {}),
      employerId: match.employerId,
    };
    const startedOn = match.startedOn!;
    const initialSupport = placement.hoursPerWeek * (0.45 + random.next() * 0.4);
    const fadeRate = 0.05 + random.next() * 0.08;
    const keyTasks = random.sample(placement.tasks, Math.min(2, placement.tasks.length));
    const logs: WeeklyLogDoc[] = [];
    for (
      let week = weekStartOf(startedOn), number = 1;
      week <= until && (ended || addDays(week, 7) <= until);
      week = addDays(week, 7), number += 1
    ) {
      if (random.chance(1 / 12)) continue;
      const hoursWorked = random.chance(0.08)
        ? roundHalf(placement.hoursPerWeek * 0.6)
        : placement.hoursPerWeek - random.int(0, 2) * 0.5;
      const faded = initialSupport * Math.exp(-fadeRate * (number - 1)) + (random.next() - 0.5) * 2;
      const growth = 1 - Math.exp(-number / 8);
      logs.push({
        _id: this.#id('weeklyLog'),
        ...scope,
        weekStarting: week,
        weekNumber: number,
        hoursWorked,
        tasksDone: random.sample(placement.tasks, Math.min(placement.tasks.length, random.int(2, 4))),
        supportHours: Math.min(hoursWorked, Math.max(0.5, roundHalf(faded))),
        independence: keyTasks.map((task) => ({
          task,
          rating: Math.max(1, Math.min(5, Math.round(1 + 4 * growth + (random.next() - 0.5) * 1.2))),
        })),
        ...(random.chance(0.2) ? { notes: random.pick(logNotes) } : {}),
        recordedBy: random.chance(0.7) ? coach : employer,
        recordedAt: during(addDays(week, 4), random),
      });
    }
    const reviews: ReviewDoc[] = [];
    for (let heldOn = addDays(startedOn, 42); heldOn <= until; heldOn = addDays(heldOn, 42)) {
      const dueDate = addDays(heldOn, 42);
      reviews.push({
        _id: this.#id('review'),
        ...scope,
        heldOn,
        summary: random.pick(reviewSummaries),
        targets: keyTasks.map((task) => ({
          text: `Do "${task}" without prompts`,
          measure: 'Three shifts in a row with no reminders from the job coach',
          dueDate,
          status: random.weighted([
            ['achieved', 35],
            ['in_progress', 45],
            ['not_started', 10],
            ['not_achieved', 10],
          ] as const),
        })),
        nextReviewDue: dueDate,
        recordedBy: random.chance(0.8) ? coach : employer,
        recordedAt: during(heldOn, random),
      });
    }
    return { logs, reviews };
  }

  /**
   * A proposal for the coming year for generated young person `index`, at an open placement: most
   * are still with the young person or the employer. Sam (index 0) always has one to answer.
   */
  pipeline(generated: GeneratedYoungPerson, index: number): JourneyDoc | undefined {
    const { settings } = this;
    const { person } = generated;
    const random = new Random(settings.seed, 'pipeline', index);
    const isSam = index === 0;
    if (person.status !== 'active' || (!isSam && !random.chance(pipelineShare))) return undefined;
    // Sam's proposal is at the demo employer, so the demo accounts meet in it.
    const demoEmployerId = recordId(settings, 'employer', 0);
    const placement = isSam
      ? this.everywhere.find(
          (p) => p.employerId === demoEmployerId && p.status === 'open' && keepsHardLimits(limitsOf(person), p),
        )
      : this.#choosePlacement(random, person, (p) => p.status === 'open');
    if (!placement) return undefined;
    const coach: Actor = { accountId: oid(person.jobCoachId!), role: 'job_coach' };
    const employer: Actor = { accountId: oid(placement.employerAccountId), role: 'employer' };
    const responderAccount =
      generated.accounts.find((account) => account.role === 'young_person') ??
      generated.accounts.find((account) =>
        account.actsFor?.some((grant) => grant.rights.includes('respond_to_proposals')),
      );
    const proposedOn = addDays(settings.today, isSam ? -2 : -random.int(3, 42));
    const writer = new JourneyWriter(
      random,
      settings.today,
      {
        _id: this.#id('placementMatch'),
        ...this.#base(random, person, person.id, placement.id, placement, cohortYearOf(person.plannedStartDate)),
      },
      proposedOn,
      coach,
    );
    if (isSam || !responderAccount) return writer.doc;
    const responder: Actor = { accountId: oid(responderAccount.id), role: responderAccount.role };
    const answered = addDays(proposedOn, random.int(1, 6));
    const target = random.weighted([
      ['proposed', 40],
      ['awaiting_employer', 22],
      ['taster_arranged', 8],
      ['agreed', 8],
      ['declined_by_young_person', 12],
      ['declined_by_employer', 6],
      ['withdrawn', 4],
    ] as const);
    if (target === 'proposed') return writer.doc;
    if (target === 'withdrawn') {
      writer.step('withdraw', 'job_coach', coach, answered, (at) => ({
        withdrawal: {
          by: coach,
          party: 'job_coach',
          reason: random.pick(withdrawalReasons.job_coach),
          at,
          fromState: 'proposed',
        },
      }));
      return writer.doc;
    }
    if (target === 'declined_by_young_person') {
      writer.step('decline', 'young_person', responder, answered, (at) => ({
        youngPersonResponse: {
          accepted: false,
          at,
          by: responder,
          sharedSections: [],
          reason: random.pick(youngPersonDeclineReasons),
        },
      }));
      return writer.doc;
    }
    writer.step('accept', 'young_person', responder, answered, (at) => ({
      visibleToEmployer: true,
      youngPersonResponse: { accepted: true, at, by: responder, sharedSections: [] },
    }));
    if (target === 'awaiting_employer') return writer.doc;
    const decidedOn =
      target === 'taster_arranged'
        ? this.#taster(writer, random, employer, answered)
        : addDays(answered, random.int(2, 10));
    if (target === 'taster_arranged') return writer.doc;
    if (target === 'declined_by_employer') {
      writer.step('employer_decline', 'employer', employer, decidedOn, (at) => ({
        employerDecision: { accepted: false, at, by: employer, reason: random.pick(employerDeclineReasons) },
      }));
    } else {
      writer.step('employer_accept', 'employer', employer, decidedOn, (at) => ({
        employerDecision: { accepted: true, at, by: employer },
      }));
    }
    return writer.doc;
  }
}

function runKey(placement: Pick<PlacementFacts, 'index'>, year: number): string {
  return `${placement.index}:${year}`;
}

function pastPlacementId(settings: DatasetSettings, placement: PlacementFacts, yearsBack: number): string {
  return recordId(settings, 'pastPlacement', placement.index * (pastCohortYears + 1) + yearsBack);
}

/** The run of a generated placement in a past year: same employer, role and site, dates moved back. */
function pastPlacementDocument(settings: DatasetSettings, placement: GeneratedPlacement, run: PastRun): PlacementDoc {
  const yearsBack = settings.academicYear - run.year;
  const startDate = pastStartDate(settings, placement.startDate, run.year);
  // A run with interns still on it is full or paused; one not started yet is paused (its interns are lined up); the rest are over.
  const status =
    run.running > 0
      ? run.placesFilled >= run.placement.places
        ? 'filled'
        : 'paused'
      : startDate > settings.today
        ? 'paused'
        : 'closed';
  const posted = new Date(`${addDays(startDate, -150)}T09:00:00Z`);
  const doc = placementDocument(
    { ...placement, id: pastPlacementId(settings, run.placement, yearsBack), startDate, status },
    posted,
  );
  return { ...doc, placesFilled: run.placesFilled };
}

const factsMadeAt = new Date(0);

function limitsOf(person: GeneratedYoungPerson['person']): PersonFacts {
  return personFacts(toYoungPerson(youngPersonDocument(person, factsMadeAt)));
}

const clockTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The young person with their days, hours, environment and access limits eased just enough for `placement` (not travel). */
function easedTo(
  person: GeneratedYoungPerson['person'],
  placement: MatchingPlacementFacts,
): GeneratedYoungPerson['person'] {
  const { availability, conditionsForSuccess: conditions } = person;
  const earliest = Math.min(minutesOfDay(availability.earliestStart), placement.dayStartMinutes);
  const latest = Math.max(minutesOfDay(availability.latestFinish), placement.dayEndMinutes);
  const maxEnvironment = { ...conditions.maxEnvironment };
  for (const factor of environmentFactors) {
    const limit = maxEnvironment[factor];
    if (limit !== undefined && levelRank[limit] < placement.environment[factor])
      maxEnvironment[factor] = levels[placement.environment[factor]]!;
  }
  const dropped = conditions.requiredAdjustments.filter((category) => !placement.adjustmentsOffered.includes(category));
  return {
    ...person,
    availability: {
      days: weekdays.filter((day) => availability.days.includes(day) || placement.days.includes(day)),
      earliestStart: clockTime(earliest),
      latestFinish: clockTime(latest),
      maxHoursPerWeek: Math.max(availability.maxHoursPerWeek, Math.ceil(placement.hoursPerWeek)),
    },
    conditionsForSuccess: {
      ...conditions,
      maxEnvironment,
      stepFreeAccess: conditions.stepFreeAccess && placement.stepFreeAccess,
      requiredAdjustments: conditions.requiredAdjustments.filter((category) => !dropped.includes(category)),
      // What they had to have is still what they would like.
      preferredAdjustments: adjustmentCategories.filter(
        (category) => conditions.preferredAdjustments.includes(category) || dropped.includes(category),
      ),
    },
  };
}

/** About how many km one degree of latitude is, a little less, so a gap found with it is never more than the real one. */
const kmPerDegreeLatitude = 111.1;

/**
 * A quick first look, false only when `keepsHardLimits` would be false too (the same rules, less
 * the travel distance, which it only bounds by the difference in latitude): the choice of a
 * placement looks at every one within reach, and most fail one of these plain comparisons.
 */
function mayKeepHardLimits(person: PersonFacts, { matching }: PlacementFacts): boolean {
  if (
    matching.hoursPerWeek > person.maxHoursPerWeek ||
    matching.dayStartMinutes < person.earliestStartMinutes ||
    matching.dayEndMinutes > person.latestFinishMinutes ||
    (person.stepFreeRequired && !matching.stepFreeAccess) ||
    Math.abs(matching._geo.lat - person.coordinates.lat) * kmPerDegreeLatitude > person.maxDistanceKm
  )
    return false;
  for (const day of matching.days) if (!person.days.includes(day)) return false;
  for (const factor of environmentFactors) {
    const limit = person.environmentLimits[factor];
    if (limit !== undefined && matching.environment[factor] > limit) return false;
  }
  for (const category of person.requiredAdjustments) if (!matching.adjustmentsOffered.includes(category)) return false;
  return true;
}

/**
 * The seeded journeys are proposals a job coach made, so they keep the young person's hard limits
 * as the service checks them (whether the placement is open is the history's own business).
 */
function keepsHardLimits(person: PersonFacts, placement: PlacementFacts): boolean {
  return hardLimitViolations(person, placement.matching).every((limit) => limit === 'placement_open');
}

/**
 * Only what matching reads of a placement: the facts of every placement are kept for the whole
 * history, and the rest of its search document (the description above all) would only fill the heap.
 */
function matchingFactsOf(doc: PlacementSearchDoc): MatchingPlacementFacts {
  return {
    id: doc.id,
    employerId: doc.employerId,
    _geo: doc._geo,
    sector: doc.sector,
    title: doc.title,
    tasks: doc.tasks,
    departments: doc.departments,
    status: doc.status,
    employerVerified: doc.employerVerified,
    disabilityConfident: doc.disabilityConfident,
    placesFree: doc.placesFree,
    days: doc.days,
    dayStartMinutes: doc.dayStartMinutes,
    dayEndMinutes: doc.dayEndMinutes,
    hoursPerWeek: doc.hoursPerWeek,
    environment: doc.environment,
    adjustmentsOffered: doc.adjustmentsOffered,
    stepFreeAccess: doc.stepFreeAccess,
  };
}

/** Placements of one square of the map with the same working week, which a young person can keep or not. */
interface ScheduleGroup {
  days: MatchingPlacementFacts['days'];
  dayStartMinutes: number;
  dayEndMinutes: number;
  hoursPerWeek: number;
  placements: PlacementFacts[];
}

/**
 * Placements by square of the map (a tenth of a degree each way: about 11 by 7 km in England),
 * and within a square by working week, so finding those within someone's reach whose days and
 * hours they can keep looks at a few squares and a few dozen weeks, not at every placement.
 */
export class PlacementMap {
  static readonly squareDegrees = 0.1;
  readonly #squares = new Map<number, Map<string, ScheduleGroup>>();

  static #row(lat: number) {
    return Math.floor(lat / PlacementMap.squareDegrees);
  }
  static #column(lng: number) {
    return Math.floor(lng / PlacementMap.squareDegrees);
  }
  static #key(row: number, column: number) {
    return row * 10_000 + column;
  }

  add(placement: PlacementFacts): void {
    const { _geo, days, dayStartMinutes, dayEndMinutes, hoursPerWeek } = placement.matching;
    const key = PlacementMap.#key(PlacementMap.#row(_geo.lat), PlacementMap.#column(_geo.lng));
    let square = this.#squares.get(key);
    if (!square) {
      square = new Map();
      this.#squares.set(key, square);
    }
    const week = `${days.join(' ')}|${dayStartMinutes}|${dayEndMinutes}|${hoursPerWeek}`;
    const group = square.get(week);
    if (group) group.placements.push(placement);
    else square.set(week, { days, dayStartMinutes, dayEndMinutes, hoursPerWeek, placements: [placement] });
  }

  /** The squares that the bounding box of `km` around `centre` touches (1% wider), in the same order every time. */
  *#squaresAround(centre: { lat: number; lng: number }, km: number): Generator<Map<string, ScheduleGroup>> {
    const dLat = (km * 1.01) / 111.19;
    const dLng = dLat / Math.max(0.01, Math.cos((centre.lat * Math.PI) / 180));
    for (let row = PlacementMap.#row(centre.lat - dLat); row <= PlacementMap.#row(centre.lat + dLat); row++) {
      for (
        let column = PlacementMap.#column(centre.lng - dLng);
        column <= PlacementMap.#column(centre.lng + dLng);
        column++
      ) {
        const square = this.#squares.get(PlacementMap.#key(row, column));
        if (square) yield square;
      }
    }
  }

  /**
   * The placements on the squares that the bounding box of the person's reach touches, whose days
   * and hours they can keep (a superset of those within their reach: the hard-limit check
   * measures the distance), as lists to read one after another, always in the same order (not
   * copied into one list: at 100,000 placements that was most of the choosing's garbage).
   */
  near(person: PersonFacts): PlacementFacts[][] {
    const found: PlacementFacts[][] = [];
    for (const square of this.#squaresAround(person.coordinates, person.maxDistanceKm)) {
      for (const group of square.values()) {
        if (
          group.hoursPerWeek <= person.maxHoursPerWeek &&
          group.dayStartMinutes >= person.earliestStartMinutes &&
          group.dayEndMinutes <= person.latestFinishMinutes &&
          group.days.every((day) => person.days.includes(day))
        )
          found.push(group.placements);
      }
    }
    return found;
  }

  /** The placements on the squares that the bounding box of `km` around `centre` touches, in the same order every time. */
  within(centre: { lat: number; lng: number }, km: number): PlacementFacts[] {
    const found: PlacementFacts[] = [];
    for (const square of this.#squaresAround(centre, km)) {
      for (const group of square.values()) for (const placement of group.placements) found.push(placement);
    }
    return found;
  }
}

/** Facts about every placement of a verified employer, and a map of them. */
function placementFacts(dataset: Dataset) {
  const employers = new Map(dataset.employers.map((employer) => [employer.id, employer]));
  const everywhere: PlacementFacts[] = [];
  const map = new PlacementMap();
  // Each employer's record is made once, not once for each of its placements.
  const records = new Map<string, Employer>();
  const employerOf = (employer: GeneratedEmployer) => {
    let record = records.get(employer.id);
    if (!record) {
      record = toEmployer(employerDocument(employer, factsMadeAt));
      records.set(employer.id, record);
    }
    return record;
  };
  let index = 0;
  for (const placement of dataset.placements()) {
    const employer = employers.get(placement.employerId);
    const position = index++;
    // The provider that verified an employer is the one nearest to it.
    if (!employer?.verifiedBy) continue;
    const facts: PlacementFacts = {
      index: position,
      id: placement.id,
      employerId: employer.id,
      employerAccountId: employer.account.id,
      status: placement.status,
      sector: placement.sector,
      places: placement.places,
      startDate: placement.startDate,
      durationWeeks: placement.durationWeeks,
      hoursPerWeek: placement.schedule.hoursPerWeek,
      tasks: placement.tasks,
      rotations: placement.rotations,
      matching: matchingFactsOf(
        placementSearchDoc(toPlacement(placementDocument(placement, factsMadeAt)), employerOf(employer)),
      ),
    };
    everywhere.push(facts);
    map.add(facts);
  }
  return { everywhere, map };
}

/**
 * The load part (see seed/load.ts, `loadParts`): runs after young people, since the history
 * refers to the generated providers, coaches, employers, placements and young people.
 */
export const journeyHistory: LoadPart = {
  label: 'journey history',
  total: (dataset) => dataset.settings.youngPeople,
  async run(context, progress) {
    const { services, dataset, passwordHash, batchSize } = context;
    const { settings } = dataset;
    const { everywhere, map } = placementFacts(dataset);
    const builder = new HistoryBuilder(settings, map, everywhere);
    const unordered = { ordered: false };
    const queue = new WriteQueue();
    const batches = {
      youngPeople: new Batch<YoungPersonDoc>(batchSize, queue, (docs) => {
        context.searchFeed?.youngPeople(docs);
        return services.youngPeopleRepository.collection.insertMany(docs, unordered);
      }),
      accounts: new Batch<AccountDoc>(batchSize, queue, (docs) =>
        services.accounts.collection.insertMany(docs, unordered),
      ),
      placements: new Batch<PlacementDoc>(batchSize, queue, (docs) => {
        context.searchFeed?.placements(docs);
        return services.placementsRepository.collection.insertMany(docs, unordered);
      }),
      matches: new Batch<JourneyDoc>(batchSize, queue, (docs) =>
        services.journeysRepository.collection.insertMany(docs, unordered),
      ),
      logs: new Batch<WeeklyLogDoc>(batchSize, queue, (docs) =>
        services.progressRepository.logs.insertMany(docs, unordered),
      ),
      reviews: new Batch<ReviewDoc>(batchSize, queue, (docs) =>
        services.progressRepository.reviews.insertMany(docs, unordered),
      ),
    };
    const addJourney = async ({ match, logs, reviews }: JourneyRecords) => {
      await batches.matches.add([match]);
      await batches.logs.add(logs);
      await batches.reviews.add(reviews);
    };
    let index = 0;
    for (const generated of dataset.youngPeople()) {
      const position = index++;
      const year = builder.pastYearOf(position);
      if (year !== undefined) {
        const intern = builder.pastIntern(generated.person, position, year, passwordHash);
        await batches.youngPeople.add([intern.person]);
        await batches.accounts.add([intern.account]);
        for (const journey of intern.journeys) await addJourney(journey);
      }
      const proposal = builder.pipeline(generated, position);
      if (proposal) await addJourney({ match: proposal, logs: [], reviews: [] });
      progress.advance(1);
    }
    // Only the placements that ran in a past year are made again, in the order placements() makes them.
    const runs = [...builder.pastRuns.values()].sort(
      (a, b) => a.placement.index - b.placement.index || b.year - a.year,
    );
    for (const run of runs) {
      await batches.placements.add([pastPlacementDocument(settings, dataset.placement(run.placement.index), run)]);
    }
    for (const batch of Object.values(batches)) await batch.flush();
    await queue.drain();
  },
};
