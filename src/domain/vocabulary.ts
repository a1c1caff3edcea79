/**
 * The shared words of the service. Passports (what helps me), placements (what the workplace
 * can offer) and matching all use these lists, so a need and an offer are always comparable.
 */

export const roles = ['young_person', 'delegate', 'job_coach', 'employer', 'provider_admin'] as const;
export type Role = (typeof roles)[number];

/** Adjustment categories from the DWP Health Adjustment Passport "what helps" section. */
export const adjustmentCategories = [
  'environment',
  'equipment',
  'hours_and_breaks',
  'communication',
  'instructions',
  'meetings',
  'travel',
  'colleague_support',
  'job_coach',
] as const;
export type AdjustmentCategory = (typeof adjustmentCategories)[number];

export const adjustmentCategoryLabels: Record<AdjustmentCategory, string> = {
  environment: 'Environment (for example a quiet space, lighting)',
  equipment: 'Equipment and assistive technology',
  hours_and_breaks: 'Hours and breaks (for example a flexible start)',
  communication: 'Communication (for example BSL, easy read)',
  instructions: 'Instructions (written, visual, step by step)',
  meetings: 'Meetings',
  travel: 'Travel to and at work',
  colleague_support: 'Support from colleagues (a named buddy)',
  job_coach: 'Job coach support at work',
};

/** What a workplace asks of the body and senses; each rated none, low, medium or high. */
export const environmentFactors = [
  'noise',
  'lighting',
  'crowds',
  'customerContact',
  'standing',
  'walking',
  'lifting',
  'outdoorWork',
  'pace',
] as const;
export type EnvironmentFactor = (typeof environmentFactors)[number];

export const environmentFactorLabels: Record<EnvironmentFactor, string> = {
  noise: 'noise',
  lighting: 'bright or changing lighting',
  crowds: 'crowds',
  customerContact: 'customer contact',
  standing: 'standing',
  walking: 'walking',
  lifting: 'lifting',
  outdoorWork: 'outdoor work',
  pace: 'pace of work',
};

export const levels = ['none', 'low', 'medium', 'high'] as const;
export type Level = (typeof levels)[number];
export const levelRank: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** The sectors supported internships commonly use. */
export const sectors = [
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
  'education_support',
  'animal_care',
  'manufacturing',
  'creative_media',
] as const;
export type Sector = (typeof sectors)[number];

export const sectorLabels: Record<Sector, string> = {
  hospitality_catering: 'Hospitality and catering',
  retail: 'Retail',
  healthcare_support: 'Healthcare support',
  administration: 'Administration',
  logistics_warehouse: 'Logistics and warehouse',
  horticulture: 'Horticulture',
  it_support: 'IT support',
  leisure: 'Leisure',
  facilities: 'Facilities',
  libraries: 'Libraries',
  education_support: 'Education support',
  animal_care: 'Animal care',
  manufacturing: 'Manufacturing',
  creative_media: 'Creative and media',
};

export const disabilityConfidentLevels = ['none', 'committed', 'employer', 'leader'] as const;
export type DisabilityConfidentLevel = (typeof disabilityConfidentLevels)[number];

export const transportModes = ['walk', 'bus', 'train', 'tram', 'cycle', 'car_lift', 'taxi'] as const;
export type TransportMode = (typeof transportModes)[number];

export const communicationPreferences = [
  'easy_read',
  'bsl',
  'written_instructions',
  'visual',
  'plain_english',
  'verbal',
] as const;
export type CommunicationPreference = (typeof communicationPreferences)[number];

/** The sections of an adjustments passport; the owner shares them one by one. */
export const passportSections = ['aboutMe', 'myCondition', 'whatHelps', 'accessToWork', 'review'] as const;
export type PassportSection = (typeof passportSections)[number];

/** What a young person can let a delegate (parent, carer, appointee) do for them. */
export const delegateRights = [
  'view_profile',
  'edit_profile',
  'view_passport',
  'edit_passport',
  'share_passport',
  'respond_to_proposals',
] as const;
export type DelegateRight = (typeof delegateRights)[number];

/** The passport's sections by the names the young person reads. */
export const sectionLabels: Record<PassportSection, string> = {
  aboutMe: 'About me',
  myCondition: 'My condition',
  whatHelps: 'What helps me at work',
  accessToWork: 'Access to Work',
  review: 'Review',
};

/** The papers of an internship that can be kept on a young person's record. */
export const documentKinds = [
  'award_letter',
  'signed_claim',
  'employer_agreement',
  'risk_assessment',
  'induction_checklist',
  'certificate',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentKindLabels: Record<DocumentKind, string> = {
  award_letter: 'Access to Work award letter',
  signed_claim: 'Signed Access to Work claim',
  employer_agreement: 'Employer agreement',
  risk_assessment: 'Risk assessment',
  induction_checklist: 'Induction checklist',
  certificate: 'Certificate',
};
