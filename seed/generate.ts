import type { DelegateGrant } from '../src/auth/accounts.js';
import type { CoachAccess } from '../src/auth/policy.js';
import { addDays, addYears, mondayOnOrAfter } from '../src/core/dates.js';
import {
  type AdjustmentCategory,
  adjustmentCategories,
  adjustmentCategoryLabels,
  type DelegateRight,
  type DisabilityConfidentLevel,
  type Level,
  levels,
  type Role,
  type Sector,
  sectorLabels,
  type Weekday,
} from '../src/domain/vocabulary.js';
import type { NewEmployer } from '../src/employers/employers.repository.js';
import { distanceKm, postcodeDirectory } from '../src/geo/postcodes.js';
import type { PassportSections } from '../src/passports/passports.schemas.js';
import type { NewPlacement, PlacementStatus } from '../src/placements/placements.repository.js';
import type { Provider } from '../src/providers/providers.js';
import type { NewYoungPerson } from '../src/young-people/young-people.repository.js';
import { ageOn } from '../src/young-people/young-people.service.js';
import { comingAcademicYear, epochSeconds, todayIso } from './dates.js';
import { demoAccounts } from './demo-accounts.js';
import { hash32, Random } from './random.js';
import { locatePostcode, phoneNumber, randomPostcode, type Town, townCentre, towns, townsNear } from './towns.js';
import {
  aboutMeExtras,
  accessToWorkNotes,
  adjustmentSentences,
  baseEnvironment,
  conditionNotes,
  contactPreferences,
  descriptionClosers,
  dislikedTasks,
  type EmployerKind,
  type EnvironmentProfile,
  employerKinds,
  firstNames,
  generalSkills,
  parentFirstNames,
  placeWords,
  type RoleTemplate,
  roles,
  type SupportProfile,
  skillsBySector,
  streets,
  strengths,
  supportProfiles,
  surnames,
  travelNotes,
} from './vocab.js';

/**
 * The demo data set: providers with admins and job coaches, employers in real English towns,
 * their placements, and young people with profiles, passports and accounts. Deterministic:
 * the same options give the same data, ids included. Dates follow `today`, so the data always
 * looks current (internships start in the coming academic year).
 *
 * Small parts (providers, staff, employers) are made up front; placements and young people are
 * made one at a time as the loader asks for them, so 100,000 placements never sit in memory.
 */

export interface GenerateOptions {
  seed?: number;
  employers?: number;
  placements?: number;
  youngPeople?: number;
  /** How many providers share the young people; by default one for every 120 (at least three). */
  providers?: number;
  /** The day the data is made on (YYYY-MM-DD). Defaults to today. */
  today?: string;
}

export const defaultSeed = 1;
export const defaultCounts = { placements: 360, youngPeople: 240 } as const;
/** Every employer gets at least one placement; large ones (and Project SEARCH-style hosts) more. */
const placementsPerEmployer = 6;
const minimumEmployers = 60;
/** Young people per provider organisation at scale; each provider has coaches with caseloads of 5 to 10. */
const youngPeoplePerProvider = 120;

export interface DatasetSettings {
  seed: number;
  employers: number;
  placements: number;
  youngPeople: number;
  providers: number;
  today: string;
  /** The year the coming academic year starts (2027 for September 2027 - July 2028). */
  academicYear: number;
  /** The usual first day of internships: the first Monday of September. */
  septemberStart: string;
  /** The first Monday after New Year, for the few that start mid-year. */
  januaryStart: string;
  /** The Mondays placements start on: September's first three, early October and November, and January. */
  intakes: string[];
}

export interface GeneratedAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  providerId?: string;
  employerId?: string;
  youngPersonId?: string;
  actsFor?: DelegateGrant[];
}

export type GeneratedProvider = Omit<Provider, 'createdAt'>;

export type GeneratedEmployer = NewEmployer & {
  id: string;
  verified: boolean;
  verifiedBy?: { providerId: string; accountId: string };
  /** The employer's staff account (its first contact). */
  account: GeneratedAccount;
};

export type GeneratedPlacement = NewPlacement & { id: string };

export interface GeneratedPassport {
  sections: PassportSections;
  coachAccess: CoachAccess;
  savedBy: { accountId: string; role: Role };
}

export interface GeneratedYoungPerson {
  person: NewYoungPerson & { id: string };
  passport?: GeneratedPassport;
  /** The young person's own account and their delegate's, where they have them. */
  accounts: GeneratedAccount[];
}

export interface Dataset {
  settings: DatasetSettings;
  providers: GeneratedProvider[];
  /** Provider admins and job coaches. */
  staff: GeneratedAccount[];
  employers: GeneratedEmployer[];
  placements(): Iterable<GeneratedPlacement>;
  /** The placement `placements()` yields in position `index`, made on its own. */
  placement(index: number): GeneratedPlacement;
  youngPeople(): Iterable<GeneratedYoungPerson>;
}

/**
 * Record ids are ObjectIds made from the data set rather than the clock: the day (4 bytes),
 * the kind of record (1), the seed (3) and the record's number (4). Another generator part
 * (past cohorts, for example) adds its own kinds here so its ids never collide.
 */
export const recordKinds = {
  provider: 1,
  staff: 2,
  employer: 3,
  employerAccount: 4,
  placement: 5,
  youngPerson: 6,
  youngPersonAccount: 7,
  delegateAccount: 8,
  // Journey history (seed/history.ts).
  pastYoungPerson: 9,
  pastYoungPersonAccount: 10,
  pastPlacement: 11,
  placementMatch: 12,
  weeklyLog: 13,
  review: 14,
} as const;
export type RecordKind = keyof typeof recordKinds;

export function recordId(settings: Pick<DatasetSettings, 'seed' | 'today'>, kind: RecordKind, index: number): string {
  const key = `${settings.today}|${settings.seed}`;
  let parts = idParts.get(key);
  if (!parts) {
    parts = {
      time: epochSeconds(settings.today).toString(16).padStart(8, '0'),
      seed: (hash32('seed', settings.seed) & 0xffffff).toString(16).padStart(6, '0'),
    };
    idParts.set(key, parts);
  }
  return `${parts.time}${recordKinds[kind].toString(16).padStart(2, '0')}${parts.seed}${index.toString(16).padStart(8, '0')}`;
}

/** The day and seed parts of ids, worked out once per data set rather than once per record. */
const idParts = new Map<string, { time: string; seed: string }>();

export function resolveSettings(options: GenerateOptions = {}): DatasetSettings {
  const placements = options.placements ?? defaultCounts.placements;
  const youngPeople = options.youngPeople ?? defaultCounts.youngPeople;
  const employers = options.employers ?? Math.max(minimumEmployers, Math.ceil(placements / placementsPerEmployer));
  for (const [name, value, minimum] of [
    ['placements', placements, 0],
    ['young people', youngPeople, 1],
    ['employers', employers, 2],
    ['providers', options.providers ?? 1, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < minimum)
      throw new RangeError(`the number of ${name} must be a whole number of at least ${minimum}`);
  }
  const today = options.today ?? todayIso();
  const academicYear = comingAcademicYear(today);
  const septemberStart = mondayOnOrAfter(`${academicYear}-09-01`);
  const januaryStart = mondayOnOrAfter(`${academicYear + 1}-01-04`);
  return {
    seed: options.seed ?? defaultSeed,
    employers,
    placements,
    youngPeople,
    providers: options.providers ?? Math.max(namedProviders.length, Math.ceil(youngPeople / youngPeoplePerProvider)),
    today,
    academicYear,
    septemberStart,
    januaryStart,
    intakes: [
      septemberStart,
      addDays(septemberStart, 7),
      addDays(septemberStart, 14),
      mondayOnOrAfter(`${academicYear}-10-01`),
      mondayOnOrAfter(`${academicYear}-11-01`),
      januaryStart,
    ],
  };
}

/** The providers of the default data set; at scale more are added in towns across England. */
const namedProviders: readonly { name: string; kind: Provider['kind']; town: string }[] = [
  { name: 'Aire Valley College', kind: 'college', town: 'Leeds' },
  { name: 'Pennine Pathways Supported Employment', kind: 'supported_employment', town: 'Manchester' },
  { name: 'Avonside Supported Internship Service', kind: 'local_authority', town: 'Bristol' },
];

const providerKinds = ['college', 'supported_employment', 'local_authority'] as const;
const providerWords = ['Horizons', 'Pathways', 'Bridges', 'Futures', 'Stepping Stones'] as const;
const providerKindNames: Record<Provider['kind'], string> = {
  college: 'College',
  supported_employment: 'Supported Employment',
  local_authority: 'Supported Internship Service',
  other: 'Training',
};

interface ProviderPlan {
  record: GeneratedProvider;
  town: Town;
  /** Towns young people on this provider's caseloads live in. */
  homeTowns: Town[];
  admin: GeneratedAccount;
  coaches: GeneratedAccount[];
}

interface EmployerPlan {
  record: GeneratedEmployer;
  town: Town;
  kind: EmployerKind;
  /** The adjustments this workplace can usually make; each placement varies it a little. */
  offers: AdjustmentCategory[];
  /** How the main site is reached and entered; every placement there shares it. */
  access: SiteAccess;
  placements: number;
}

type SiteAccess = Pick<GeneratedPlacement['site'], 'busRoutes' | 'parking' | 'stepFreeAccess'>;

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const emailPart = (name: string) => slug(name).replace(/-/g, '');

function townNamed(name: string): Town {
  const town = towns.find((candidate) => candidate.name === name);
  if (!town) throw new Error(`unknown town ${name}`);
  return town;
}

/** A name from the lists; repeats are possible, as in life. */
export function personName(random: Random): { first: string; last: string } {
  return { first: random.pick(firstNames), last: random.pick(surnames) };
}

function planProviders(settings: DatasetSettings): ProviderPlan[] {
  const plans: ProviderPlan[] = [];
  let staffIndex = 0;
  for (let p = 0; p < settings.providers; p++) {
    const random = new Random(settings.seed, 'provider', p);
    const named = namedProviders[p];
    const town = named ? townNamed(named.town) : towns[(p * 7) % towns.length]!;
    const kind = named?.kind ?? providerKinds[p % providerKinds.length]!;
    const round = Math.floor(p / towns.length);
    const name =
      named?.name ??
      `${town.name} ${providerWords[round % providerWords.length]} ${providerKindNames[kind]}${round >= providerWords.length ? ` ${round + 1}` : ''}`;
    const id = recordId(settings, 'provider', p);
    const domain = `${slug(name)}.example`;
    const usedEmails = new Set<string>();
    const staffAccount = (
      role: 'provider_admin' | 'job_coach',
      fixed?: { email: string; name: string },
    ): GeneratedAccount => {
      const person = personName(random);
      let email = fixed?.email ?? `${emailPart(person.first)}.${emailPart(person.last)}@${domain}`;
      for (let n = 2; usedEmails.has(email); n++)
        email = `${emailPart(person.first)}.${emailPart(person.last)}${n}@${domain}`;
      usedEmails.add(email);
      return {
        id: recordId(settings, 'staff', staffIndex++),
        email,
        name: fixed?.name ?? `${person.first} ${person.last}`,
        role,
        providerId: id,
      };
    };
    const admin = staffAccount('provider_admin', p === 0 ? demoAccounts.providerAdmin : undefined);
    const caseload = random.int(6, 9);
    const coachCount = Math.max(1, Math.round(youngPeopleOfProvider(settings, p) / caseload));
    const coaches = Array.from({ length: coachCount }, (_, c) =>
      staffAccount('job_coach', p === 0 && c === 0 ? demoAccounts.jobCoach : undefined),
    );
    plans.push({
      record: { id, name, kind, localAuthority: town.localAuthority },
      town,
      homeTowns: townsNear(town, 25),
      admin,
      coaches,
    });
  }
  return plans;
}

/** Young people are shared out round-robin: person i belongs to provider i mod P. */
function youngPeopleOfProvider(settings: DatasetSettings, provider: number): number {
  return provider < settings.youngPeople
    ? Math.floor((settings.youngPeople - provider - 1) / settings.providers) + 1
    : 0;
}

/**
 * Shares `total` placements among employers: one each first (while there are enough), the rest
 * in proportion to their weights by largest remainder, so the counts always add up exactly.
 */
export function allocate(weights: readonly number[], total: number): number[] {
  const counts = weights.map((_, index) => (index < total ? 1 : 0));
  const remaining = total - Math.min(total, weights.length);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (remaining <= 0 || weightSum === 0) return counts;
  const shares = weights.map((weight) => (remaining * weight) / weightSum);
  shares.forEach((share, index) => {
    counts[index]! += Math.floor(share);
  });
  const leftOver = remaining - shares.reduce((sum, share) => sum + Math.floor(share), 0);
  const byRemainder = shares
    .map((share, index) => ({ index, rest: share - Math.floor(share) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let k = 0; k < leftOver; k++) counts[byRemainder[k]!.index]! += 1;
  return counts;
}

const disabilityConfidentBySize: Record<
  EmployerKind['size'],
  readonly (readonly [DisabilityConfidentLevel, number])[]
> = {
  large: [
    ['none', 5],
    ['committed', 20],
    ['employer', 45],
    ['leader', 30],
  ],
  medium: [
    ['none', 15],
    ['committed', 35],
    ['employer', 35],
    ['leader', 15],
  ],
  small: [
    ['none', 30],
    ['committed', 40],
    ['employer', 25],
    ['leader', 5],
  ],
};
const offersByLevel: Record<DisabilityConfidentLevel, readonly [number, number]> = {
  none: [2, 3],
  committed: [3, 5],
  employer: [4, 6],
  leader: [6, 8],
};
const placementWeightBySize: Record<EmployerKind['size'], number> = { small: 1, medium: 2, large: 4 };

function fillName(pattern: string, place: string, town: Town): string {
  return pattern.replace('{place}', place).replace('{town}', town.name);
}

function uniqueEmployerName(random: Random, kind: EmployerKind, town: Town, takenSlugs: Set<string>): string {
  const tries = Array.from({ length: 6 }, () => fillName(random.pick(kind.names), random.pick(placeWords), town));
  let name = tries.find((candidate) => !takenSlugs.has(slug(candidate)));
  if (!name) {
    const base = tries[0]!.includes(town.name) ? tries[0]! : `${tries[0]} ${town.name}`;
    name = base;
    for (let n = 2; takenSlugs.has(slug(name)); n++) name = `${base} ${n}`;
  }
  takenSlugs.add(slug(name));
  return name;
}

function planEmployers(settings: DatasetSettings, providers: ProviderPlan[]): EmployerPlan[] {
  // Employers cluster where the providers are, so young people have placements within reach: each
  // provider draws an equal share, half in its own town and half spread over the towns near it.
  const townWeights = new Map<Town, number>();
  const addWeight = (town: Town, weight: number) => townWeights.set(town, (townWeights.get(town) ?? 0) + weight);
  for (const provider of providers) {
    const neighbours = townsNear(provider.town, 30).filter((town) => town !== provider.town);
    addWeight(provider.town, neighbours.length > 0 ? 0.5 : 1);
    for (const town of neighbours) addWeight(town, 0.5 / neighbours.length);
  }
  const weightedTowns = [...townWeights.entries()];
  const nearestProvider = new Map<Town, ProviderPlan>();
  const verifierFor = (town: Town) => {
    let found = nearestProvider.get(town);
    if (!found) {
      const centre = townCentre(town);
      found = providers.reduce((best, candidate) =>
        distanceKm(centre, townCentre(candidate.town)) < distanceKm(centre, townCentre(best.town)) ? candidate : best,
      );
      nearestProvider.set(town, found);
    }
    return found;
  };
  const kindChoices = employerKinds.map((kind) => [kind, kind.weight] as const);
  const demoKinds = [
    employerKinds.find((kind) => kind.rotation && kind.sector === 'hospitality_catering')!,
    employerKinds.find((kind) => kind.sector === 'hospitality_catering' && kind.size === 'small')!,
  ];
  const takenSlugs = new Set<string>();
  const plans: Omit<EmployerPlan, 'placements'>[] = [];
  for (let e = 0; e < settings.employers; e++) {
    const random = new Random(settings.seed, 'employer', e);
    const isDemo = e < demoKinds.length;
    const town = isDemo ? providers[0]!.town : random.chance(0.8) ? random.weighted(weightedTowns) : random.pick(towns);
    const kind = demoKinds[e] ?? random.weighted(kindChoices);
    const name = uniqueEmployerName(random, kind, town, takenSlugs);
    const domain = `${slug(name)}.example`;
    const contacts = Array.from({ length: random.int(1, 2) }, () => {
      const person = personName(random);
      return {
        name: `${person.first} ${person.last}`,
        jobTitle: random.pick(kind.contactTitles),
        email: `${emailPart(person.first)}.${emailPart(person.last)}@${domain}`,
        phone: phoneNumber(random, town),
      };
    });
    const demoStaff = e === 0 ? demoAccounts.employer : e === 1 ? demoAccounts.unverifiedEmployer : undefined;
    if (demoStaff) contacts[0] = { ...contacts[0]!, name: demoStaff.name, email: demoStaff.email };
    const postcode = randomPostcode(random, town);
    const disabilityConfident = random.weighted(disabilityConfidentBySize[kind.size]);
    const [fewest, most] = offersByLevel[disabilityConfident];
    const offers = [
      ...random.sample(
        adjustmentCategories.filter((category) => category !== 'job_coach'),
        random.int(fewest, most),
      ),
      'job_coach' as const,
    ];
    const verified = e === 0 || (e !== 1 && random.chance(0.88));
    const id = recordId(settings, 'employer', e);
    const verifier = verifierFor(town);
    const businessPark =
      kind.sector === 'logistics_warehouse' || kind.sector === 'manufacturing' || kind.sector === 'facilities';
    plans.push({
      town,
      kind,
      offers: adjustmentCategories.filter((category) => offers.includes(category)),
      access: siteAccess(random, kind),
      record: {
        id,
        name,
        sector: kind.sector,
        description: random.pick(kind.about),
        address: {
          line1: `${random.int(1, 240)} ${random.pick(streets)}`,
          ...(businessPark ? { line2: `${random.pick(placeWords)} Business Park` } : {}),
          town: town.name,
          postcode,
        },
        coordinates: locatePostcode(postcode),
        disabilityConfident,
        ...(random.chance(0.6) ? { website: `https://www.${domain}` } : {}),
        contacts,
        verified,
        ...(verified ? { verifiedBy: { providerId: verifier.record.id, accountId: verifier.admin.id } } : {}),
        account: {
          id: recordId(settings, 'employerAccount', e),
          email: contacts[0]!.email,
          name: contacts[0]!.name,
          role: 'employer',
          employerId: id,
        },
      },
    });
  }
  const counts = allocate(
    plans.map((plan) => placementWeightBySize[plan.kind.size]),
    settings.placements,
  );
  return plans.map((plan, e) => ({ ...plan, placements: counts[e]! }));
}

function shiftLevel(level: Level, by: number): Level {
  return levels[Math.max(0, Math.min(levels.length - 1, levels.indexOf(level) + by))]!;
}

/** A role's environment with a little variety: each factor moves one level up or down now and then. */
function environmentFor(random: Random, role: RoleTemplate): EnvironmentProfile {
  const profile = { ...baseEnvironment, ...role.environment };
  for (const factor of Object.keys(profile) as (keyof EnvironmentProfile)[]) {
    if (random.chance(0.15)) profile[factor] = shiftLevel(profile[factor], random.chance(0.5) ? 1 : -1);
  }
  return profile;
}

const weekdaysOf = (days: string) => days.split(' ') as Weekday[];

const placementDays: readonly (readonly [Weekday[], number])[] = [
  [weekdaysOf('mon tue wed thu fri'), 40],
  [weekdaysOf('mon tue wed thu'), 35],
  [weekdaysOf('tue wed thu fri'), 10],
  [weekdaysOf('mon tue wed'), 7],
  [weekdaysOf('wed thu fri sat sun'), 4],
  [weekdaysOf('tue wed thu fri sat'), 4],
];
const weekendSectors: readonly Sector[] = [
  'hospitality_catering',
  'retail',
  'leisure',
  'animal_care',
  'creative_media',
];

function timeAfter(start: string, hours: number): string {
  const minutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + Math.round(hours * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Working days, hours a day and an unpaid half-hour lunch, giving 16 to 30 hours a week. */
function scheduleFor(random: Random, sector: Sector, projectSearch: boolean): NewPlacement['schedule'] {
  if (projectSearch)
    return { days: weekdaysOf('mon tue wed thu fri'), startTime: '09:00', endTime: '15:30', hoursPerWeek: 30 };
  const choices = placementDays.filter(([days]) => weekendSectors.includes(sector) || !days.includes('sat'));
  const days = random.weighted(choices);
  const dailyHours = random.pick(
    [4, 4.5, 5, 5.5, 6, 6.5].filter((hours) => days.length * hours >= 16 && days.length * hours <= 30),
  );
  const startTime = random.weighted([
    ['08:30', 15],
    ['09:00', 45],
    ['09:30', 25],
    ['10:00', 15],
  ] as const);
  return { days, startTime, endTime: timeAfter(startTime, dailyHours + 0.5), hoursPerWeek: days.length * dailyHours };
}

/** How often placements start at each intake (settings.intakes, in order): most in early September. */
const intakeWeights = [70, 10, 5, 5, 3, 7];

function startDateFor(random: Random, settings: DatasetSettings): { startDate: string; midYear: boolean } {
  const startDate = random.weighted(settings.intakes.map((intake, k) => [intake, intakeWeights[k] ?? 1] as const));
  return { startDate, midYear: startDate === settings.januaryStart };
}

const placementStatusChoices: readonly (readonly [PlacementStatus, number])[] = [
  ['open', 86],
  ['paused', 4],
  ['draft', 6],
  ['closed', 4],
];

function siteAccess(random: Random, kind: EmployerKind): SiteAccess {
  const outdoors = kind.sector === 'horticulture' || kind.sector === 'animal_care';
  return {
    busRoutes: [
      ...new Set(
        Array.from({ length: random.int(1, 3) }, () =>
          random.chance(0.15) ? `X${random.int(1, 99)}` : String(random.int(1, 120)),
        ),
      ),
    ],
    parking: random.chance(kind.size === 'large' ? 0.7 : 0.4),
    stepFreeAccess: random.chance(outdoors ? 0.55 : 0.85),
  };
}

/** What each offered category means here, in the employer's words: two or three of them. */
function adjustmentText(random: Random, offered: AdjustmentCategory[], count: number): string {
  return random
    .sample(offered, count)
    .map((category) => random.pick(adjustmentSentences[category]))
    .join(' ');
}

function makePlacement(
  settings: DatasetSettings,
  employer: EmployerPlan,
  index: number,
  nth: number,
): GeneratedPlacement {
  const random = new Random(settings.seed, 'placement', index);
  const { kind, record } = employer;
  const isDemoEmployer = record.account.email === demoAccounts.employer.email;
  const projectSearch = kind.rotation !== undefined && (nth === 0 || random.chance(0.35));
  const role: RoleTemplate = roles[random.pick(kind.roles)];
  const { startDate, midYear } = startDateFor(random, settings);
  let title = role.title;
  let tasks = role.tasks.filter(() => random.chance(0.7)).slice(0, 6);
  if (tasks.length < 2) tasks = role.tasks.slice(0, 3);
  let rotations: GeneratedPlacement['rotations'] = [];
  let durationWeeks = midYear
    ? random.pick([20, 24, 26])
    : random.weighted([
        [36, 40],
        [30, 15],
        [26, 15],
        [38, 15],
        [40, 10],
        [20, 5],
      ] as const);
  if (projectSearch) {
    title = kind.rotation!.title;
    rotations = random.sample(kind.rotation!.departments, 3).map((department) => ({
      department: department.department,
      tasks: [...department.tasks],
      weeks: midYear ? 8 : random.pick([10, 11, 12]),
    }));
    tasks = [...new Set(rotations.flatMap((rotation) => rotation.tasks))];
    durationWeeks = rotations.reduce((sum, rotation) => sum + rotation.weeks, 0) + random.int(0, 2);
  }
  const sector = projectSearch ? kind.sector : role.sector;
  const adjustmentsOffered = employer.offers.filter((category) => category !== 'job_coach' || random.chance(0.95));
  if (random.chance(0.3)) {
    const extra = random.pick(adjustmentCategories);
    if (!adjustmentsOffered.includes(extra)) adjustmentsOffered.push(extra);
  }
  const offered = adjustmentCategories.filter((category) => adjustmentsOffered.includes(category));
  const secondSite = !projectSearch && random.chance(0.2);
  const sitePostcode = secondSite ? randomPostcode(random, employer.town) : record.address.postcode;
  const description = [
    projectSearch
      ? `A full-time supported internship in the style of DFN Project SEARCH: three ${rotations[0]!.weeks}-week rotations through ${rotations.map((r) => r.department.toLowerCase()).join(', ')}, with English and maths in a training room on site.`
      : role.summary,
    offered.length > 0 ? adjustmentText(random, offered, Math.min(2, offered.length)) : '',
    random.chance(0.5) ? random.pick(descriptionClosers) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const adjustmentNotes =
    offered.length > 0 && random.chance(0.6) ? adjustmentText(random, offered, Math.min(3, offered.length)) : undefined;
  const travelNote = random.chance(0.4) ? random.pick(travelNotes) : undefined;
  return {
    id: recordId(settings, 'placement', index),
    employerId: record.id,
    title,
    description,
    tasks,
    sector,
    site: {
      address: secondSite
        ? { line1: `${random.int(1, 240)} ${random.pick(streets)}`, town: employer.town.name, postcode: sitePostcode }
        : record.address,
      coordinates: secondSite ? locatePostcode(sitePostcode) : record.coordinates,
      ...(secondSite ? siteAccess(random, kind) : employer.access),
      ...(travelNote ? { travelNotes: travelNote } : {}),
    },
    schedule: scheduleFor(random, sector, projectSearch),
    startDate,
    durationWeeks,
    rotations,
    places: projectSearch
      ? random.int(2, 4)
      : random.weighted([
          [1, 40],
          [2, 35],
          [3, 15],
          [4, 10],
        ] as const),
    environment: environmentFor(random, projectSearch ? roles[kind.roles[0]!] : role),
    adjustmentsOffered: offered,
    ...(adjustmentNotes ? { adjustmentNotes } : {}),
    // A provider must verify an employer before its placements can be published.
    status: !record.verified ? 'draft' : isDemoEmployer ? 'open' : random.weighted(placementStatusChoices),
  };
}

const mainSectors: readonly Sector[] = [
  'hospitality_catering',
  'retail',
  'healthcare_support',
  'administration',
  'logistics_warehouse',
  'horticulture',
  'it_support',
  'leisure',
  'facilities',
  'libraries',
];
const interestChoices = (Object.keys(sectorLabels) as Sector[]).map(
  (sector) => [sector, mainSectors.includes(sector) ? 3 : 1] as const,
);

const tasksBySector = new Map<Sector, string[]>();
for (const role of Object.values(roles) as RoleTemplate[]) {
  tasksBySector.set(role.sector, [...new Set([...(tasksBySector.get(role.sector) ?? []), ...role.tasks])]);
}

const ageChoices = [
  [16, 5],
  [17, 22],
  [18, 25],
  [19, 18],
  [20, 12],
  [21, 8],
  [22, 5],
  [23, 3],
  [24, 2],
] as const;

/** A date of birth giving exactly `age` on `startDate`. */
function dateOfBirthFor(random: Random, age: number, startDate: string): string {
  const dateOfBirth = addDays(addYears(startDate, -age), -random.int(0, 360));
  if (ageOn(dateOfBirth, startDate) !== age)
    throw new Error(`date of birth ${dateOfBirth} does not give age ${age} on ${startDate}`);
  return dateOfBirth;
}

function travelFor(random: Random, profile: SupportProfile, town: Town): NewYoungPerson['travel'] {
  const independence = random.weighted(profile.travel);
  const modes: NewYoungPerson['travel']['modes'] = ['walk', 'bus'];
  if (independence === 'needs_support') {
    const escorted = random.weighted([
      [['car_lift'], 4],
      [['taxi'], 3],
      [['walk', 'bus'], 3],
    ] as const);
    const minutes = 5 * random.int(4, 9);
    return {
      independence,
      modes: [...escorted],
      maxJourneyMinutes: minutes,
      maxDistanceKm: clampKm(minutes / 3 + random.int(-2, 2)),
    };
  }
  if (town.tram && random.chance(independence === 'independent' ? 0.6 : 0.3)) modes.push('tram');
  if (independence === 'independent' && random.chance(0.3)) modes.push('train');
  if (independence === 'independent' && random.chance(0.1)) modes.push('cycle');
  const minutes = independence === 'independent' ? 5 * random.int(6, 12) : 5 * random.int(4, 8);
  return { independence, modes, maxJourneyMinutes: minutes, maxDistanceKm: clampKm(minutes / 3.5 + random.int(-2, 2)) };
}

function clampKm(km: number): number {
  return Math.max(3, Math.min(20, Math.round(km * 2) / 2));
}

function availabilityFor(random: Random): NewYoungPerson['availability'] {
  const days = random.weighted([
    [weekdaysOf('mon tue wed thu fri'), 55],
    [weekdaysOf('mon tue wed thu'), 25],
    [weekdaysOf('tue wed thu fri'), 8],
    [weekdaysOf('mon tue wed'), 5],
    [weekdaysOf('mon tue wed thu fri sat'), 7],
  ] as const);
  const earliestStart = random.weighted([
    ['08:30', 15],
    ['09:00', 45],
    ['09:30', 25],
    ['10:00', 15],
  ] as const);
  // Three-day weeks need long days to reach the 16 hours an internship asks for.
  const finishes =
    days.length === 3 ? (['16:00', '17:00'] as const) : (['14:30', '15:00', '15:30', '16:00', '17:00'] as const);
  const latestFinish = random.pick(finishes);
  const hoursADay =
    (Number(latestFinish.slice(0, 2)) * 60 +
      Number(latestFinish.slice(3)) -
      Number(earliestStart.slice(0, 2)) * 60 -
      Number(earliestStart.slice(3)) -
      30) /
    60;
  return {
    days: [...days],
    earliestStart,
    latestFinish,
    maxHoursPerWeek: Math.min(random.int(16, 30), Math.floor(days.length * hoursADay)),
  };
}

function conditionsFor(random: Random, profile: SupportProfile): NewYoungPerson['conditionsForSuccess'] {
  const maxEnvironment: NewYoungPerson['conditionsForSuccess']['maxEnvironment'] = {};
  profile.limits.forEach(([factor, allowed], index) => {
    if (random.chance(index === 0 ? 0.85 : 0.5)) maxEnvironment[factor] = random.pick(allowed);
  });
  const required = profile.required.filter((_, index) => index === 0 || random.chance(0.5));
  const preferred = random.sample(
    profile.preferred.filter((category) => !required.includes(category)),
    random.int(1, 3),
  );
  const note = random.chance(0.4) ? random.pick(conditionNotes) : undefined;
  return {
    maxEnvironment,
    stepFreeAccess: random.chance(profile.stepFreeChance),
    requiredAdjustments: adjustmentCategories.filter((category) => required.includes(category)),
    preferredAdjustments: adjustmentCategories.filter((category) => preferred.includes(category)),
    ...(note ? { notes: note } : {}),
  };
}

/** Sam, the demo young person: a profile that finds good matches in Leeds, fixed so the README can describe it. */
const samProfile = {
  interests: ['hospitality_catering', 'retail'] as Sector[],
  travel: {
    independence: 'independent',
    modes: ['walk', 'bus'],
    maxJourneyMinutes: 45,
    maxDistanceKm: 12,
  } as NewYoungPerson['travel'],
  availability: {
    days: weekdaysOf('mon tue wed thu fri'),
    earliestStart: '09:00',
    latestFinish: '15:30',
    maxHoursPerWeek: 30,
  },
  conditionsForSuccess: {
    maxEnvironment: { noise: 'medium', crowds: 'medium' },
    stepFreeAccess: false,
    requiredAdjustments: ['instructions'],
    preferredAdjustments: ['environment', 'hours_and_breaks', 'colleague_support'],
    notes: 'Please tell me about changes before they happen.',
  } as NewYoungPerson['conditionsForSuccess'],
};

function travelLimitsText(travel: NewYoungPerson['travel']): string {
  const how = travel.modes.filter((mode) => mode !== 'walk').join(' or ') || 'on foot';
  if (travel.independence === 'independent')
    return `I travel on my own by ${how}. I can travel for up to ${travel.maxJourneyMinutes} minutes.`;
  if (travel.independence === 'travel_training')
    return `I am learning to travel on my own (travel training). One ${how} journey of up to ${travel.maxJourneyMinutes} minutes is best.`;
  return `Someone needs to travel with me (${how.replace('car_lift', 'a lift in the car')}). Up to ${travel.maxJourneyMinutes} minutes.`;
}

function passportFor(
  random: Random,
  settings: DatasetSettings,
  person: NewYoungPerson,
  profile: SupportProfile,
  coachName: string,
  savedBy: GeneratedPassport['savedBy'],
  full: boolean,
): GeneratedPassport {
  const [strengthA, strengthB] = person.strengths;
  const wanted = person.interests.map((sector) => sectorLabels[sector].toLowerCase()).join(' or ');
  const categories = adjustmentCategories.filter(
    (category) =>
      person.conditionsForSuccess.requiredAdjustments.includes(category) ||
      person.conditionsForSuccess.preferredAdjustments.includes(category),
  );
  const atwStatus = random.weighted([
    ['approved', 45],
    ['applied', 25],
    ['not_applied', 25],
    ['declined', 5],
  ] as const);
  const funds = new Set<'job_coach' | 'travel' | 'equipment' | 'communication_support' | 'mental_health_support'>();
  if (atwStatus === 'approved' || atwStatus === 'applied') {
    if (random.chance(0.9)) funds.add('job_coach');
    if (person.travel.independence !== 'independent' && random.chance(0.6)) funds.add('travel');
    if (profile.key === 'physical' || profile.key === 'visual') funds.add('equipment');
    if (profile.key === 'hearing') funds.add('communication_support');
    if (profile.key === 'anxiety' && random.chance(0.4)) funds.add('mental_health_support');
  }
  const agreedOn = addDays(settings.today, -random.int(7, 230));
  const withCondition = full || random.chance(0.6);
  const { condition } = profile;
  return {
    savedBy,
    coachAccess: full
      ? 'without_condition'
      : random.weighted([
          ['without_condition', 70],
          ['all', 20],
          ['none', 10],
        ] as const),
    sections: {
      aboutMe: {
        summary: `I am ${strengthA ?? 'friendly'}${strengthB ? ` and ${strengthB}` : ''}. ${random.pick(aboutMeExtras)}`,
        workWanted: `I would like to work in ${wanted || 'a friendly team'}${person.tasksLiked[0] ? `, doing things like ${person.tasksLiked.slice(0, 2).join(' and ')}` : ''}.`,
        travelLimits: travelLimitsText(person.travel),
        contactPreferences: random.pick(contactPreferences),
      },
      ...(withCondition
        ? {
            myCondition: {
              description: random.pick(condition.description),
              effectOnWork: random.pick(condition.effectOnWork),
              goodDay: random.pick(condition.goodDay),
              harderDay: random.pick(condition.harderDay),
              ...(random.chance(0.7) ? { earlyWarningSigns: random.pick(condition.earlyWarningSigns) } : {}),
              ...(random.chance(0.7) ? { whatToDoIfUnwell: random.pick(condition.whatToDoIfUnwell) } : {}),
            },
          }
        : {}),
      whatHelps: {
        adjustments: categories.map((category) => ({
          category,
          details: random.pick(profile.whatHelps[category] ?? [adjustmentCategoryLabels[category]]),
          inPlace: false,
        })),
        supportInEducation: random.pick(profile.supportInEducation),
        whatColleaguesCanDo: random.sample(profile.whatColleaguesCanDo, 2).join(' '),
      },
      accessToWork: {
        status: atwStatus,
        funds: [...funds],
        ...(atwStatus === 'approved' ? { reference: `AtW${random.int(100000, 999999)}` } : {}),
        ...(random.chance(0.3) ? { notes: random.pick(accessToWorkNotes) } : {}),
      },
      review: {
        agreedBy: random.pick([`${coachName} (my job coach)`, 'Me and my job coach', 'Me, my mum and my job coach']),
        agreedOn,
        // Reviewed at least every six months: some are overdue, as in real life.
        nextReviewDue: addDays(agreedOn, 182),
      },
    },
  };
}

const delegateRelationships = [
  ['parent', 75],
  ['carer', 10],
  ['grandparent', 8],
  ['appointee', 7],
] as const;
const allDelegateRights: DelegateRight[] = [
  'view_profile',
  'edit_profile',
  'view_passport',
  'edit_passport',
  'share_passport',
  'respond_to_proposals',
];

function makeYoungPerson(settings: DatasetSettings, providers: ProviderPlan[], index: number): GeneratedYoungPerson {
  const random = new Random(settings.seed, 'young_person', index);
  const isSam = index === 0;
  const provider = providers[index % settings.providers]!;
  const coach = provider.coaches[Math.floor(index / settings.providers) % provider.coaches.length]!;
  const profile = isSam
    ? supportProfiles.find((candidate) => candidate.key === 'autism')!
    : random.weighted(supportProfiles.map((p) => [p, p.weight] as const));
  const name = isSam ? { first: 'Sam', last: 'Taylor' } : personName(random);
  const plannedStartDate = isSam || random.chance(0.92) ? settings.septemberStart : settings.januaryStart;
  const age = random.weighted(ageChoices);
  const homeTown = isSam || random.chance(0.65) ? provider.town : random.pick(provider.homeTowns);
  const homePostcode = randomPostcode(random, homeTown, isSam ? 'LS6' : undefined);
  const located = postcodeDirectory().lookup(homePostcode)!;
  const interests = isSam ? samProfile.interests : random.weightedSample(interestChoices, random.int(1, 3));
  const likedPool = [...new Set(interests.flatMap((sector) => tasksBySector.get(sector) ?? []))];
  const limits = isSam ? samProfile.conditionsForSuccess : conditionsFor(random, profile);
  const disliked = new Set(random.sample(dislikedTasks, random.int(1, 2)));
  if (limits.maxEnvironment.noise === 'low') disliked.add('noisy machines');
  if (limits.maxEnvironment.customerContact === 'none' || limits.maxEnvironment.customerContact === 'low')
    disliked.add('busy tills');
  const skills = [...new Set(interests.flatMap((sector) => random.sample(skillsBySector[sector], 1)))].concat(
    random.sample(generalSkills, random.int(0, 2)),
  );
  const person: NewYoungPerson & { id: string } = {
    id: recordId(settings, 'youngPerson', index),
    providerId: provider.record.id,
    jobCoachId: coach.id,
    preferredName: `${name.first} ${name.last}`,
    dateOfBirth: dateOfBirthFor(random, age, plannedStartDate),
    plannedStartDate,
    ehcPlan: random.weighted([
      ['ehc_plan', 85],
      ['assessment_in_progress', 7],
      ['sen_support', 6],
      ['none', 2],
    ] as const),
    localAuthority: homeTown.localAuthority,
    homePostcode,
    coordinates: { lat: located.lat, lng: located.lng },
    locationSource: located.precision,
    travel: isSam ? samProfile.travel : travelFor(random, profile, homeTown),
    availability: isSam ? samProfile.availability : availabilityFor(random),
    interests,
    strengths: random.sample(strengths, random.int(2, 4)),
    skills,
    tasksLiked: random.sample(likedPool, random.int(2, 4)),
    tasksDisliked: [...disliked],
    conditionsForSuccess: limits,
    communication: random.sample(profile.communication, random.int(1, 2)),
    status: isSam || random.chance(0.96) ? 'active' : 'withdrawn',
  };
  // Supported internships are for young people with an EHC plan; the few without one are there by
  // a provider admin's recorded exception (the 2023 pilot admits some on SEN support).
  if (person.ehcPlan === 'none') {
    person.eligibilityException = {
      reason: 'No EHC plan: admitted through the local authority’s supported internship pilot.',
      recordedBy: provider.admin.id,
      recordedAt: new Date(`${settings.today}T09:00:00Z`),
    };
  }

  const accounts: GeneratedAccount[] = [];
  const emailName = `${emailPart(name.first)}.${emailPart(name.last)}.${index + 1}`;
  if (isSam || random.chance(0.75)) {
    accounts.push({
      id: recordId(settings, 'youngPersonAccount', index),
      email: isSam ? demoAccounts.youngPerson.email : `${emailName}@people.example`,
      name: person.preferredName,
      role: 'young_person',
      providerId: provider.record.id,
      youngPersonId: person.id,
    });
  }
  if (isSam || random.chance(age < 18 ? 0.5 : 0.25)) {
    const parentFirst = isSam ? 'Alex' : random.pick(parentFirstNames);
    const relationship = isSam
      ? 'parent'
      : random.weighted(delegateRelationships.filter(([kind]) => kind !== 'appointee' || age >= 18));
    const rights: DelegateRight[] = isSam
      ? allDelegateRights
      : allDelegateRights.filter(
          (right) => ['view_profile', 'view_passport', 'respond_to_proposals'].includes(right) || random.chance(0.6),
        );
    accounts.push({
      id: recordId(settings, 'delegateAccount', index),
      email: isSam
        ? demoAccounts.delegate.email
        : `${emailPart(parentFirst)}.${emailPart(name.last)}.${index + 1}@family.example`,
      name: isSam ? demoAccounts.delegate.name : `${parentFirst} ${name.last}`,
      role: 'delegate',
      providerId: provider.record.id,
      actsFor: [{ youngPersonId: person.id, rights, relationship }],
    });
  }

  // Only the young person or their delegate writes a passport; a coach can only propose changes.
  const author =
    accounts.find((account) => account.role === 'young_person') ??
    accounts.find((account) => account.actsFor?.[0]?.rights.includes('edit_passport'));
  const passport =
    author && (isSam || random.chance(0.92))
      ? passportFor(random, settings, person, profile, coach.name, { accountId: author.id, role: author.role }, isSam)
      : undefined;
  return { person, accounts, ...(passport ? { passport } : {}) };
}

export function generate(options: GenerateOptions = {}): Dataset {
  const settings = resolveSettings(options);
  const providers = planProviders(settings);
  const employers = planEmployers(settings, providers);
  // The position of each employer's first placement, to find a placement's employer by its position.
  const firsts: number[] = [];
  let count = 0;
  for (const employer of employers) {
    firsts.push(count);
    count += employer.placements;
  }
  return {
    settings,
    providers: providers.map((plan) => plan.record),
    staff: providers.flatMap((plan) => [plan.admin, ...plan.coaches]),
    employers: employers.map((plan) => plan.record),
    *placements() {
      let index = 0;
      for (const employer of employers) {
        for (let nth = 0; nth < employer.placements; nth++) yield makePlacement(settings, employer, index++, nth);
      }
    },
    placement(index) {
      if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`no placement ${index}`);
      let low = 0;
      let high = firsts.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (firsts[middle]! <= index) low = middle;
        else high = middle - 1;
      }
      return makePlacement(settings, employers[low]!, index, index - firsts[low]!);
    },
    *youngPeople() {
      for (let index = 0; index < settings.youngPeople; index++) yield makeYoungPerson(settings, providers, index);
    },
  };
}
