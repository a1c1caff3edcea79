import { describe, expect, it } from 'vitest';
import { type Coordinates, distanceKm } from '../../src/geo/postcodes.js';
import {
  browseFilter,
  candidateFilterFor,
  geoBox,
  placementFilterFor,
  quote,
  relevanceQueryFor,
} from '../../src/matching/filters.js';
import { personFactsOf, placementFacts, youngPersonRecord } from '../helpers/matching-records.js';

/** The point `km` from `from` on the given bearing, on the sphere `distanceKm` measures on. */
function destination(from: Coordinates, km: number, bearingDegrees: number): Coordinates {
  const rad = Math.PI / 180;
  const angle = km / 6371.0088;
  const bearing = bearingDegrees * rad;
  const lat1 = from.lat * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing));
  const lng2 =
    from.lng * rad +
    Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1), Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / rad, lng: lng2 / rad };
}

const baseConditions = youngPersonRecord().conditionsForSuccess;

describe('placement filter from a young person’s hard limits', () => {
  it('asks for open places of verified employers within reach, on their days and hours, under their limits', () => {
    expect(placementFilterFor(personFactsOf())).toEqual([
      'status = "open"',
      'employerVerified = true',
      'placesFree > 0',
      '_geoRadius(53.8187, -1.5742, 12000)',
      'hoursPerWeek <= 24',
      'dayStartMinutes >= 540',
      'dayEndMinutes <= 930',
      'NOT days IN ["fri", "sat", "sun"]',
      'environment.noise <= 2',
      'environment.customerContact <= 1',
      'adjustmentsOffered = "instructions"',
    ]);
  });

  it('never looks further than the young person’s own travel limit', () => {
    expect(placementFilterFor(personFactsOf(), { radiusKm: 5 })).toContain('_geoRadius(53.8187, -1.5742, 5000)');
    expect(placementFilterFor(personFactsOf(), { radiusKm: 50 })).toContain('_geoRadius(53.8187, -1.5742, 12000)');
  });

  it('asks a nearest-first search for the box around the travel limit instead of the circle', () => {
    const filter = placementFilterFor(personFactsOf(), { reach: 'box' });
    expect(filter.filter((expression) => expression.startsWith('_geo'))).toEqual([
      '_geoBoundingBox([53.927698, -1.389565], [53.709702, -1.758835])',
    ]);
  });

  it('draws a box that holds every point of the circle', () => {
    const centre = { lat: 53.8187, lng: -1.5742 };
    for (const radiusKm of [0.5, 12, 102]) {
      const [, north, east, south, west] = geoBox(centre, radiusKm)
        .match(/\[(.+), (.+)\], \[(.+), (.+)\]/)!
        .map(Number);
      for (let bearing = 0; bearing < 360; bearing += 5) {
        const point = destination(centre, radiusKm, bearing);
        expect(point.lat, `${radiusKm} km at ${bearing}°`).toBeLessThanOrEqual(north!);
        expect(point.lat).toBeGreaterThanOrEqual(south!);
        expect(point.lng).toBeLessThanOrEqual(east!);
        expect(point.lng).toBeGreaterThanOrEqual(west!);
        expect(distanceKm(centre, point)).toBeCloseTo(radiusKm, 6);
      }
    }
  });

  it('requires step-free access and every required adjustment when the young person needs them', () => {
    const person = personFactsOf({
      conditionsForSuccess: {
        ...baseConditions,
        stepFreeAccess: true,
        requiredAdjustments: ['instructions', 'equipment'],
      },
    });
    expect(placementFilterFor(person)).toEqual(
      expect.arrayContaining([
        'stepFreeAccess = true',
        'adjustmentsOffered = "instructions"',
        'adjustmentsOffered = "equipment"',
      ]),
    );
  });

  it('leaves out limits the young person has not set (a limit of high allows everything)', () => {
    const person = personFactsOf({
      availability: {
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        earliestStart: '07:00',
        latestFinish: '20:00',
        maxHoursPerWeek: 40,
      },
      conditionsForSuccess: {
        maxEnvironment: { noise: 'high' },
        stepFreeAccess: false,
        requiredAdjustments: [],
        preferredAdjustments: [],
      },
    });
    const filter = placementFilterFor(person, { sector: 'retail' });
    expect(filter.some((part) => part.startsWith('NOT days'))).toBe(false);
    expect(filter.some((part) => part.startsWith('environment.'))).toBe(false);
    expect(filter.at(-1)).toBe('sector = "retail"');
  });
});

describe('candidate filter from a placement’s demands', () => {
  it('asks for active young people of one provider whose limits the placement keeps', () => {
    expect(candidateFilterFor(placementFacts(), { providerId: 'p00000000000000000000001' })).toEqual([
      'providerId = "p00000000000000000000001"',
      'status = "active"',
      geoBox({ lat: 53.7997, lng: -1.5492 }, 102),
      'maxHoursPerWeek >= 20',
      'earliestStartMinutes <= 570',
      'latestFinishMinutes >= 870',
      'days = "mon"',
      'days = "tue"',
      'days = "wed"',
      'days = "thu"',
      'limits.noise >= 2',
      'limits.lighting >= 1',
      'limits.crowds >= 1',
      'limits.customerContact >= 1',
      'limits.standing >= 3',
      'limits.walking >= 2',
      'limits.lifting >= 1',
      'limits.pace >= 2',
      'NOT requiredAdjustments IN ["environment", "equipment", "communication", "meetings", "travel", "job_coach"]',
    ]);
  });

  it('excludes young people who need step-free access when the site has steps', () => {
    const steps = placementFacts();
    steps.stepFreeAccess = false;
    expect(candidateFilterFor(steps, { providerId: 'p1' })).toContain('stepFreeRequired = false');
  });
});

describe('browse filter', () => {
  it('always shows only open placements of verified employers', () => {
    expect(browseFilter({})).toEqual(['status = "open"', 'employerVerified = true', 'placesFree > 0']);
  });

  it('adds each menu the caller picked', () => {
    expect(
      browseFilter({
        near: { lat: 53.8, lng: -1.55 },
        radiusKm: 10,
        sectors: ['retail', 'libraries'],
        hoursBands: ['16_to_20'],
        adjustments: ['instructions', 'job_coach'],
        disabilityConfident: ['leader'],
      }),
    ).toEqual([
      'status = "open"',
      'employerVerified = true',
      'placesFree > 0',
      '_geoRadius(53.8, -1.55, 10000)',
      'sector IN ["retail", "libraries"]',
      'hoursBand IN ["16_to_20"]',
      'adjustmentsOffered = "instructions"',
      'adjustmentsOffered = "job_coach"',
      'disabilityConfident IN ["leader"]',
    ]);
  });
});

describe('filter values', () => {
  it('are quoted so that no value can change the filter', () => {
    expect(quote('a" OR status = "draft')).toBe('"a\\" OR status = \\"draft"');
  });
});

describe('relevance query', () => {
  it('puts the first choice first, then liked tasks, other interests and strengths, in at most ten words', () => {
    expect(relevanceQueryFor(personFactsOf())).toBe(
      'hospitality catering food preparation stock rotation retail friendly punctual',
    );
    const many = personFactsOf({ tasksLiked: ['one two three four five six seven eight nine ten eleven'] });
    expect(relevanceQueryFor(many).split(' ')).toHaveLength(10);
  });

  it('takes the ideas of what the young person said they would like to do, without filler words', () => {
    const person = personFactsOf({
      interests: ['hospitality_catering'],
      jobsWanted: 'I’d like to help in a kitchen and make food for people',
      tasksLiked: [],
      strengths: [],
    });
    expect(relevanceQueryFor(person)).toBe('hospitality catering kitchen food');
  });
});
