import type { EnvironmentFactor, Level } from '../domain/vocabulary.js';
import type { PlacementInput } from './placements.schemas.js';

/** Ready-made placements an employer can start from, changing what differs. */
type Template = Omit<PlacementInput, 'site' | 'startDate' | 'status'> & { name: string; hint: string };

const calmEnvironment: Record<EnvironmentFactor, Level> = {
  noise: 'low',
  lighting: 'low',
  crowds: 'low',
  customerContact: 'low',
  standing: 'medium',
  walking: 'medium',
  lifting: 'low',
  outdoorWork: 'none',
  pace: 'low',
};

/** Starting points; an employer changes what does not fit. The first two follow DFN Project SEARCH: three rotations of 12 weeks. */
export const templates: Record<string, Template> = {
  hospital: {
    name: 'Hospital, three rotations',
    hint: 'Like DFN Project SEARCH: portering, catering and stores, 12 weeks each.',
    title: 'Hospital support assistant',
    description:
      'Learn three jobs in a hospital, one after another, with a job coach at first and then your colleagues.',
    tasks: ['moving patients and equipment', 'preparing meal trolleys', 'stock rotation'],
    sector: 'healthcare_support',
    schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], startTime: '09:00', endTime: '15:00', hoursPerWeek: 27.5 },
    durationWeeks: 36,
    rotations: [
      { department: 'Portering', tasks: ['moving patients and equipment'], weeks: 12 },
      { department: 'Catering', tasks: ['preparing meal trolleys'], weeks: 12 },
      { department: 'Stores', tasks: ['stock rotation'], weeks: 12 },
    ],
    places: 4,
    environment: {
      ...calmEnvironment,
      noise: 'medium',
      crowds: 'medium',
      walking: 'high',
      lifting: 'medium',
      pace: 'medium',
    },
    adjustmentsOffered: ['instructions', 'colleague_support', 'job_coach', 'hours_and_breaks'],
  },
  hotel: {
    name: 'Hotel, three rotations',
    hint: 'Housekeeping, kitchen and front of house, 12 weeks each.',
    title: 'Hotel assistant',
    description: 'Work in three parts of a hotel, one after another, with a named buddy in each.',
    tasks: ['cleaning rooms', 'washing up', 'greeting guests'],
    sector: 'hospitality_catering',
    schedule: { days: ['mon', 'tue', 'wed', 'thu'], startTime: '09:30', endTime: '15:00', hoursPerWeek: 20 },
    durationWeeks: 36,
    rotations: [
      { department: 'Housekeeping', tasks: ['cleaning rooms'], weeks: 12 },
      { department: 'Kitchen', tasks: ['washing up'], weeks: 12 },
      { department: 'Front of house', tasks: ['greeting guests'], weeks: 12 },
    ],
    places: 2,
    environment: { ...calmEnvironment, noise: 'medium', customerContact: 'medium', standing: 'high' },
    adjustmentsOffered: ['instructions', 'colleague_support', 'job_coach'],
  },
  blank: {
    name: 'Start from nothing',
    hint: 'An empty form.',
    title: '',
    description: '',
    tasks: [],
    sector: 'retail',
    schedule: { days: ['mon', 'tue', 'wed', 'thu'], startTime: '09:30', endTime: '14:30', hoursPerWeek: 16 },
    durationWeeks: 36,
    rotations: [],
    places: 1,
    environment: calmEnvironment,
    adjustmentsOffered: [],
  },
};
