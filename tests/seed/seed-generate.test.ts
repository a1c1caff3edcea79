import { describe, expect, it } from 'vitest';
import { comingAcademicYear } from '../../seed/dates.js';
import { demoAccounts, demoPassword } from '../../seed/demo-accounts.js';
import { allocate, type Dataset, generate, recordId } from '../../seed/generate.js';
import { Random } from '../../seed/random.js';
import { inwardLetters, townCentre, towns } from '../../seed/towns.js';
import { passwordProblem } from '../../src/auth/passwords.js';
import { addDays, mondayOnOrAfter } from '../../src/core/dates.js';
import { employerInputSchema } from '../../src/employers/employers.schemas.js';
import { distanceKm, isValidPostcode, postcodeDirectory, postcodeParts } from '../../src/geo/postcodes.js';
import { passportSectionsSchema } from '../../src/passports/passports.schemas.js';
import { placementInputSchema } from '../../src/placements/placements.schemas.js';
import { youngPersonInputSchema } from '../../src/young-people/young-people.schemas.js';
import { ageOn } from '../../src/young-people/young-people.service.js';

const today = '2026-11-27';

/** Everything a data set holds, made concrete, so two data sets can be compared. */
function materialise(dataset: Dataset) {
  return {
    ...dataset,
    // A function made for each data set; what it makes is compared in its own test.
    placement: undefined,
    placements: [...dataset.placements()],
    youngPeople: [...dataset.youngPeople()],
  };
}

const dataset = materialise(generate({ today }));
const { settings, providers, staff, employers, placements, youngPeople } = dataset;
const people = youngPeople.map(({ person }) => person);
const allAccounts = [
  ...staff,
  ...employers.map((employer) => employer.account),
  ...youngPeople.flatMap(({ accounts }) => accounts),
];

/** Postcode areas (the letters before the first digit) outside England: Scotland, Wales and Northern Ireland. */
const nonEnglishAreas = new Set([
  'AB',
  'BT',
  'CF',
  'DD',
  'DG',
  'EH',
  'FK',
  'G',
  'HS',
  'IV',
  'KA',
  'KW',
  'KY',
  'LD',
  'LL',
  'ML',
  'NP',
  'PA',
  'PH',
  'SA',
  'TD',
  'ZE',
]);

function expectPlacedInEngland(postcode: string, coordinates: { lat: number; lng: number }) {
  expect(isValidPostcode(postcode), postcode).toBe(true);
  expect(
    postcode
      .slice(-2)
      .split('')
      .every((letter) => inwardLetters.includes(letter)),
    postcode,
  ).toBe(true);
  expect(nonEnglishAreas.has(postcode.match(/^[A-Z]+/)![0]), postcode).toBe(false);
  const found = postcodeDirectory().lookup(postcode);
  expect(found?.precision, postcode).toBe('sector');
  expect(coordinates).toEqual({ lat: found!.lat, lng: found!.lng });
  // England's extent (Scilly to Berwick, Land's End to Lowestoft).
  expect(coordinates.lat).toBeGreaterThan(49.8);
  expect(coordinates.lat).toBeLessThan(55.82);
  expect(coordinates.lng).toBeGreaterThan(-6.45);
  expect(coordinates.lng).toBeLessThan(1.77);
}

describe('the seeded random generator', () => {
  it('gives the same numbers for the same key and different numbers for another', () => {
    const draw = (random: Random) => Array.from({ length: 5 }, () => random.next());
    expect(draw(new Random(1, 'placement', 7))).toEqual(draw(new Random(1, 'placement', 7)));
    expect(draw(new Random(1, 'placement', 7))).not.toEqual(draw(new Random(2, 'placement', 7)));
    expect(draw(new Random(1, 'placement', 7))).not.toEqual(draw(new Random(1, 'placement', 8)));
  });

  it('keeps whole numbers within their bounds and picks by weight', () => {
    const random = new Random('bounds');
    const ints = Array.from({ length: 2000 }, () => random.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
    const heavy = Array.from({ length: 2000 }, () =>
      random.weighted([
        ['rare', 1],
        ['common', 9],
      ] as const),
    ).filter((x) => x === 'common').length;
    expect(heavy).toBeGreaterThan(1700);
    expect(heavy).toBeLessThan(1900);
    expect(new Set(random.sample([1, 2, 3, 4, 5], 5))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});

describe('sharing placements among employers', () => {
  it('gives every employer one and the rest by weight, adding up exactly', () => {
    expect(allocate([1, 1, 4], 15)).toEqual([3, 3, 9]);
    expect(allocate([1, 2, 4], 10)).toEqual([2, 3, 5]);
    expect(allocate([1, 1, 1], 2)).toEqual([1, 1, 0]);
    const counts = allocate(
      Array.from({ length: 16_667 }, (_, i) => (i % 5 === 0 ? 4 : 1)),
      100_000,
    );
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(100_000);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
  });
});

describe('dates', () => {
  it('starts the coming academic year on the first Monday of September', () => {
    expect(comingAcademicYear('2026-11-27')).toBe(2027);
    expect(comingAcademicYear('2027-03-01')).toBe(2027);
    expect(comingAcademicYear('2027-09-01')).toBe(2028);
    expect(mondayOnOrAfter('2027-09-01')).toBe('2027-09-06');
    expect(mondayOnOrAfter('2027-09-06')).toBe('2027-09-06');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('determinism', () => {
  it('makes the same data set, ids included, from the same seed and day', () => {
    expect(materialise(generate({ today }))).toEqual(dataset);
  });

  it('makes a different data set from a different seed', () => {
    const other = materialise(generate({ today, seed: 2 }));
    expect(other.placements.map((p) => p.title)).not.toEqual(placements.map((p) => p.title));
    expect(other.youngPeople.map(({ person }) => person.homePostcode)).not.toEqual(
      people.map((person) => person.homePostcode),
    );
    expect(recordId({ seed: 2, today }, 'placement', 0)).not.toBe(recordId({ seed: 1, today }, 'placement', 0));
  });

  it('makes any one placement on its own exactly as placements() makes it in that position', () => {
    const fresh = generate({ today });
    for (const index of [0, 1, 7, placements.length - 1, ...Array.from({ length: 20 }, (_, n) => n * 17)])
      expect(fresh.placement(index)).toEqual(placements[index]);
    expect(() => fresh.placement(placements.length)).toThrow(RangeError);
  });

  it('gives valid, unique ObjectId hex ids', () => {
    const ids = [...providers, ...allAccounts, ...employers, ...placements, ...people].map((record) => record.id);
    expect(ids.every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the default data set', () => {
  it('meets the minimum counts', () => {
    expect(providers.length).toBeGreaterThanOrEqual(2);
    expect(employers.length).toBeGreaterThanOrEqual(50);
    expect(placements.length).toBeGreaterThanOrEqual(300);
    expect(people.length).toBeGreaterThanOrEqual(200);
    expect(placements.length).toBe(settings.placements);
    expect(youngPeople.filter(({ passport }) => passport).length).toBeGreaterThan(people.length / 2);
  });

  it('gives each provider an admin and job coaches with caseloads of 5 to 10', () => {
    for (const provider of providers) {
      const ofProvider = staff.filter((account) => account.providerId === provider.id);
      expect(ofProvider.filter((account) => account.role === 'provider_admin')).toHaveLength(1);
      const coaches = ofProvider.filter((account) => account.role === 'job_coach');
      expect(coaches.length).toBeGreaterThanOrEqual(2);
      for (const coach of coaches) {
        const caseload = people.filter((person) => person.jobCoachId === coach.id).length;
        expect(caseload, coach.name).toBeGreaterThanOrEqual(5);
        expect(caseload, coach.name).toBeLessThanOrEqual(10);
      }
    }
  });

  it('places every employer at a real postcode in an English town', () => {
    const townNames = new Set(towns.map((town) => town.name));
    for (const employer of employers) {
      expect(townNames.has(employer.address.town)).toBe(true);
      expectPlacedInEngland(employer.address.postcode, employer.coordinates);
    }
    expect(new Set(employers.map((employer) => employer.address.town)).size).toBeGreaterThanOrEqual(10);
  });

  it('only lists real English districts for its towns', () => {
    for (const town of towns) {
      for (const district of town.districts) {
        expect(postcodeDirectory().district(district), district).toBeDefined();
        expect(nonEnglishAreas.has(district.match(/^[A-Z]+/)![0]), district).toBe(false);
        expect(
          distanceKm(townCentre(town), postcodeDirectory().district(district)!),
          `${district} in ${town.name}`,
        ).toBeLessThan(15);
      }
    }
  });

  it('has most employers verified by a provider admin, and a few waiting', () => {
    const verified = employers.filter((employer) => employer.verified);
    expect(verified.length / employers.length).toBeGreaterThan(0.75);
    expect(verified.length).toBeLessThan(employers.length);
    for (const employer of verified) {
      const verifier = staff.find((account) => account.id === employer.verifiedBy?.accountId);
      expect(verifier).toMatchObject({ role: 'provider_admin', providerId: employer.verifiedBy!.providerId });
    }
    expect(new Set(employers.map((employer) => employer.disabilityConfident))).toEqual(
      new Set(['none', 'committed', 'employer', 'leader']),
    );
  });

  it('never opens a placement of an unverified employer', () => {
    const unverified = new Set(employers.filter((employer) => !employer.verified).map((employer) => employer.id));
    const ofUnverified = placements.filter((placement) => unverified.has(placement.employerId));
    expect(ofUnverified.length).toBeGreaterThan(0);
    expect(ofUnverified.every((placement) => placement.status === 'draft')).toBe(true);
  });

  it('has placements the service would accept, mostly open, across the supported-internship sectors', () => {
    for (const { id: _id, employerId: _employer, ...placement } of placements) {
      expect(() => placementInputSchema.parse(placement), placement.title).not.toThrow();
      expect(placement.schedule.hoursPerWeek).toBeGreaterThanOrEqual(16);
      expect(placement.schedule.hoursPerWeek).toBeLessThanOrEqual(30);
      expect(placement.places).toBeGreaterThanOrEqual(1);
      expect(placement.places).toBeLessThanOrEqual(4);
      expect(
        placement.startDate >= `${settings.academicYear}-09-01` &&
          placement.startDate < `${settings.academicYear + 1}-08-01`,
      ).toBe(true);
      expect(settings.intakes).toContain(placement.startDate);
      expect(placement.rotations.reduce((weeks, rotation) => weeks + rotation.weeks, 0)).toBeLessThanOrEqual(
        placement.durationWeeks,
      );
      expectPlacedInEngland(placement.site.address.postcode, placement.site.coordinates);
    }
    expect(placements.filter((placement) => placement.status === 'open').length / placements.length).toBeGreaterThan(
      0.6,
    );
    const sectorsUsed = new Set(placements.map((placement) => placement.sector));
    for (const sector of [
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
    ]) {
      expect(sectorsUsed.has(sector as never), sector).toBe(true);
    }
    expect(placements.some((placement) => placement.rotations.length === 3)).toBe(true);
  });

  it('fits each workplace’s environment to its kind of work', () => {
    const warehouses = placements.filter((placement) => placement.title === 'Warehouse operative');
    const libraries = placements.filter((placement) => placement.title === 'Library assistant');
    expect(warehouses.length).toBeGreaterThan(0);
    expect(libraries.length).toBeGreaterThan(0);
    expect(
      warehouses.every(
        (placement) => placement.environment.noise !== 'none' && placement.environment.lifting !== 'none',
      ),
    ).toBe(true);
    expect(
      libraries.every((placement) => placement.environment.noise === 'none' || placement.environment.noise === 'low'),
    ).toBe(true);
  });

  it('has young people aged 16 to 24 at their planned start, who the service would accept, living near their provider', () => {
    const providerTown = new Map(
      providers.map((provider) => [
        provider.id,
        towns.find((town) => town.localAuthority === provider.localAuthority)!,
      ]),
    );
    for (const { id: _id, providerId, locationSource: _source, eligibilityException, ...person } of people) {
      const age = ageOn(person.dateOfBirth, person.plannedStartDate);
      expect(age, person.preferredName).toBeGreaterThanOrEqual(16);
      expect(age, person.preferredName).toBeLessThanOrEqual(24);
      // No EHC plan only by a provider admin's recorded exception, as the service requires.
      expect(eligibilityException !== undefined, person.preferredName).toBe(person.ehcPlan === 'none');
      const input = {
        ...person,
        ...(eligibilityException ? { eligibilityExceptionReason: eligibilityException.reason } : {}),
      };
      expect(() => youngPersonInputSchema.parse(input), person.preferredName).not.toThrow();
      expectPlacedInEngland(person.homePostcode, person.coordinates!);
      expect(distanceKm(person.coordinates!, townCentre(providerTown.get(providerId)!))).toBeLessThan(40);
      expect(person.travel.maxDistanceKm).toBeGreaterThanOrEqual(3);
      expect(person.travel.maxDistanceKm).toBeLessThanOrEqual(20);
      expect(person.travel.maxJourneyMinutes).toBeGreaterThanOrEqual(20);
      expect(person.travel.maxJourneyMinutes).toBeLessThanOrEqual(60);
    }
    expect(people.filter((person) => person.status === 'active').length / people.length).toBeGreaterThan(0.9);
    expect(people.some((person) => person.conditionsForSuccess.stepFreeAccess)).toBe(true);
    expect(people.some((person) => person.travel.independence === 'travel_training')).toBe(true);
    expect(
      new Set(people.map((person) => ageOn(person.dateOfBirth, person.plannedStartDate))).size,
    ).toBeGreaterThanOrEqual(7);
  });

  it('has employers the service would accept', () => {
    for (const { id: _id, verified: _verified, verifiedBy: _by, account: _account, ...employer } of employers) {
      expect(() => employerInputSchema.parse(employer), employer.name).not.toThrow();
    }
  });

  it('writes passports in the passport schema, some with "my condition" and some without', () => {
    const passports = youngPeople.flatMap(({ passport }) => (passport ? [passport] : []));
    for (const passport of passports)
      expect(passportSectionsSchema.parse(passport.sections)).toEqual(passport.sections);
    expect(passports.some((passport) => passport.sections.myCondition)).toBe(true);
    expect(passports.some((passport) => !passport.sections.myCondition)).toBe(true);
    const overdue = passports.filter((passport) => passport.sections.review!.nextReviewDue! < today);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(passports.length / 2);
  });

  it('lets only the owner or a delegate with the right author a passport', () => {
    for (const { person, passport, accounts } of youngPeople.filter(({ passport }) => passport)) {
      const author = accounts.find((account) => account.id === passport!.savedBy.accountId);
      expect(
        author?.role === 'young_person'
          ? author.youngPersonId
          : author?.actsFor?.[0]?.rights.includes('edit_passport') && author.actsFor[0].youngPersonId,
      ).toBe(person.id);
    }
  });

  it('has a fixed demo account for every role, with a password the service would accept, and unique emails', () => {
    const emails = allAccounts.map((account) => account.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const demo of Object.values(demoAccounts)) {
      expect(allAccounts.find((account) => account.email === demo.email)).toMatchObject({
        role: demo.role,
        name: demo.name,
      });
      expect(passwordProblem(demoPassword, demo)).toBeUndefined();
    }
    const sam = youngPeople[0]!;
    expect(sam.person.preferredName).toBe('Sam Taylor');
    expect(sam.passport?.sections.myCondition).toBeDefined();
    expect(staff.find((account) => account.id === sam.person.jobCoachId)?.email).toBe(demoAccounts.jobCoach.email);
    const demoEmployer = employers.find((employer) => employer.account.email === demoAccounts.employer.email)!;
    expect(demoEmployer.verified).toBe(true);
    expect(
      placements
        .filter((placement) => placement.employerId === demoEmployer.id)
        .every((placement) => placement.status === 'open'),
    ).toBe(true);
    expect(
      employers.find((employer) => employer.account.email === demoAccounts.unverifiedEmployer.email)?.verified,
    ).toBe(false);
  });
});

describe('a data set at benchmark scale', () => {
  it('plans 100,000 placements without making them, and makes them one at a time', () => {
    const large = generate({ today, placements: 100_000, youngPeople: 20_000 });
    expect(large.employers.length).toBe(16_667);
    expect(large.settings.providers).toBeGreaterThan(100);
    const first = large.placements()[Symbol.iterator]().next();
    expect(first.done).toBe(false);
    expect(postcodeParts(first.value!.site.address.postcode).district).toMatch(/^[A-Z]+\d+$/);
  });
});
