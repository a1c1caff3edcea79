import { describe, expect, it } from 'vitest';
import { epochDay, isoDateOfEpochDay } from '../../src/core/dates.js';
import {
  candidateSearchDoc,
  coarseCoordinates,
  hoursBandOf,
  placementSearchDoc,
} from '../../src/search-sync/documents.js';
import { employerRecord, placementRecord, youngPersonRecord } from '../helpers/matching-records.js';

describe('placement search documents', () => {
  it('carries what search filters and ranks on, with numeric levels and dates', () => {
    const doc = placementSearchDoc(placementRecord({ placesFilled: 1 }), employerRecord());
    expect(doc).toEqual({
      id: 'b00000000000000000000001',
      employerId: 'e00000000000000000000001',
      employerName: 'Northern Kitchens Ltd',
      employerVerified: true,
      disabilityConfident: 'employer',
      title: 'Kitchen assistant',
      tasks: ['food preparation', 'washing up', 'stock rotation', 'baking'],
      departments: ['Kitchen'],
      sector: 'hospitality_catering',
      sectorName: 'Hospitality and catering',
      description: 'Help the kitchen team prepare fresh food for the staff restaurant.',
      town: 'Leeds',
      status: 'open',
      _geo: { lat: 53.7997, lng: -1.5492 },
      days: ['mon', 'tue', 'wed', 'thu'],
      dayStartMinutes: 570,
      dayEndMinutes: 870,
      hoursPerWeek: 20,
      hoursBand: '16_to_20',
      startDate: epochDay('2026-09-14'),
      durationWeeks: 36,
      placesFree: 1,
      environment: {
        noise: 2,
        lighting: 1,
        crowds: 1,
        customerContact: 1,
        standing: 3,
        walking: 2,
        lifting: 1,
        outdoorWork: 0,
        pace: 2,
      },
      adjustmentsOffered: ['instructions', 'colleague_support', 'hours_and_breaks'],
      stepFreeAccess: true,
    });
  });

  it('leaves out the employer’s contacts, the street address and adjustment notes', () => {
    const text = JSON.stringify(placementSearchDoc(placementRecord(), employerRecord()));
    for (const secret of ['Priya', 'priya@', '0113', '1 Park Row', 'LS1 5AB', 'Quiet room'])
      expect(text).not.toContain(secret);
  });

  it('follows the employer: name, verification and Disability Confident level', () => {
    const doc = placementSearchDoc(
      placementRecord(),
      employerRecord({ name: 'Renamed Ltd', verified: false, disabilityConfident: 'leader' }),
    );
    expect(doc).toMatchObject({ employerName: 'Renamed Ltd', employerVerified: false, disabilityConfident: 'leader' });
  });

  it('never reports fewer than zero places free', () => {
    expect(placementSearchDoc(placementRecord({ places: 1, placesFilled: 3 }), employerRecord()).placesFree).toBe(0);
  });
});

describe('candidate search documents', () => {
  const person = youngPersonRecord();
  const doc = candidateSearchDoc(person);

  it('holds only what matching needs', () => {
    expect(Object.keys(doc).sort()).toEqual(
      [
        'id',
        'providerId',
        'jobCoachId',
        'status',
        'interests',
        'interestNames',
        'strengths',
        'skills',
        'likedTasks',
        '_geo',
        'days',
        'earliestStartMinutes',
        'latestFinishMinutes',
        'maxHoursPerWeek',
        'maxTravelKm',
        'limits',
        'stepFreeRequired',
        'requiredAdjustments',
        'preferredAdjustments',
      ].sort(),
    );
    expect(doc).toMatchObject({
      interestNames: ['Hospitality and catering', 'Retail'],
      earliestStartMinutes: 540,
      latestFinishMinutes: 930,
      maxTravelKm: 12,
      // Unlimited factors are "high" (3), so `limits.x >= level` works for every factor.
      limits: {
        noise: 2,
        customerContact: 1,
        lighting: 3,
        crowds: 3,
        standing: 3,
        walking: 3,
        lifting: 3,
        outdoorWork: 3,
        pace: 3,
      },
      stepFreeRequired: false,
    });
  });

  it('holds nothing sensitive: no name, birth date, postcode, notes, condition or exact home', () => {
    const text = JSON.stringify(doc);
    for (const secret of [
      person.preferredName,
      person.dateOfBirth,
      person.homePostcode,
      'LS6',
      'epilepsy',
      'Panics',
      'Leeds',
      'phone calls',
      'ehc_plan',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(doc).not.toHaveProperty('conditionsForSuccess');
    expect(doc._geo).toEqual({ lat: 53.82, lng: -1.57 });
    expect(doc._geo).not.toEqual(person.coordinates);
  });
});

describe('helpers', () => {
  it('rounds coordinates to about a kilometre', () => {
    expect(coarseCoordinates({ lat: 51.50135, lng: -0.14189 })).toEqual({ lat: 51.5, lng: -0.14 });
  });

  it('turns dates into whole days and back', () => {
    expect(epochDay('1970-01-02')).toBe(1);
    expect(isoDateOfEpochDay(epochDay('2026-09-14'))).toBe('2026-09-14');
  });

  it('puts hours into the bands of the browse menu', () => {
    expect([10, 16, 20, 21, 30, 32.5].map(hoursBandOf)).toEqual([
      'under_16',
      '16_to_20',
      '16_to_20',
      '21_to_30',
      '21_to_30',
      'over_30',
    ]);
  });
});
