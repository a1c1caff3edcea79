import type { Employer } from '../../src/employers/employers.repository.js';
import { type PersonFacts, type PlacementFacts, personFacts } from '../../src/matching/facts.js';
import type { Placement } from '../../src/placements/placements.repository.js';
import { placementSearchDoc } from '../../src/search-sync/documents.js';
import type { YoungPerson } from '../../src/young-people/young-people.repository.js';

/** Stored records as repositories return them, for the pure mapping and scoring tests. */

const at = new Date('2026-06-01T09:00:00Z');

export function employerRecord(overrides: Partial<Employer> = {}): Employer {
  return {
    id: 'e00000000000000000000001',
    name: 'Northern Kitchens Ltd',
    sector: 'hospitality_catering',
    address: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB' },
    coordinates: { lat: 53.7997, lng: -1.5492 },
    disabilityConfident: 'employer',
    verified: true,
    verifiedBy: { providerId: 'p00000000000000000000001', accountId: 'a00000000000000000000001', at },
    contacts: [{ name: 'Priya Shah', email: 'priya@northernkitchens.example', phone: '0113 496 0000' }],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function placementRecord(overrides: Partial<Placement> = {}): Placement {
  return {
    id: 'b00000000000000000000001',
    employerId: 'e00000000000000000000001',
    title: 'Kitchen assistant',
    description: 'Help the kitchen team prepare fresh food for the staff restaurant.',
    tasks: ['food preparation', 'washing up', 'stock rotation'],
    sector: 'hospitality_catering',
    site: {
      address: { line1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5AB' },
      coordinates: { lat: 53.7997, lng: -1.5492 },
      busRoutes: ['1'],
      parking: false,
      stepFreeAccess: true,
    },
    schedule: { days: ['mon', 'tue', 'wed', 'thu'], startTime: '09:30', endTime: '14:30', hoursPerWeek: 20 },
    startDate: '2026-09-14',
    durationWeeks: 36,
    rotations: [{ department: 'Kitchen', tasks: ['food preparation', 'baking'], weeks: 12 }],
    places: 2,
    placesFilled: 0,
    environment: {
      noise: 'medium',
      lighting: 'low',
      crowds: 'low',
      customerContact: 'low',
      standing: 'high',
      walking: 'medium',
      lifting: 'low',
      outdoorWork: 'none',
      pace: 'medium',
    },
    adjustmentsOffered: ['instructions', 'colleague_support', 'hours_and_breaks'],
    adjustmentNotes: 'Quiet room available.',
    status: 'open',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function youngPersonRecord(overrides: Partial<YoungPerson> = {}): YoungPerson {
  return {
    id: 'c00000000000000000000001',
    providerId: 'p00000000000000000000001',
    jobCoachId: 'a00000000000000000000002',
    preferredName: 'Sam',
    dateOfBirth: '2008-03-14',
    plannedStartDate: '2026-09-07',
    ehcPlan: 'ehc_plan',
    localAuthority: 'Leeds',
    homePostcode: 'LS6 2AB',
    coordinates: { lat: 53.8187, lng: -1.5742 },
    locationSource: 'given',
    travel: { independence: 'independent', modes: ['bus', 'walk'], maxJourneyMinutes: 45, maxDistanceKm: 12 },
    availability: {
      days: ['mon', 'tue', 'wed', 'thu'],
      earliestStart: '09:00',
      latestFinish: '15:30',
      maxHoursPerWeek: 24,
    },
    interests: ['hospitality_catering', 'retail'],
    strengths: ['friendly', 'punctual'],
    skills: ['food hygiene level 1'],
    tasksLiked: ['food preparation', 'stock rotation'],
    tasksDisliked: ['phone calls'],
    conditionsForSuccess: {
      maxEnvironment: { noise: 'medium', customerContact: 'low' },
      stepFreeAccess: false,
      requiredAdjustments: ['instructions'],
      preferredAdjustments: ['colleague_support'],
      notes: 'Panics when it gets loud; has epilepsy.',
    },
    communication: ['written_instructions'],
    status: 'active',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function placementFacts(overrides: Partial<Placement> = {}, employer: Partial<Employer> = {}): PlacementFacts {
  return placementSearchDoc(placementRecord(overrides), employerRecord(employer));
}

export function personFactsOf(overrides: Partial<YoungPerson> = {}): PersonFacts {
  return personFacts(youngPersonRecord(overrides));
}
