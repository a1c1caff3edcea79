import type { Role } from '../src/domain/vocabulary.js';

/**
 * Fixed sign-ins for trying the service, one for each role. Development only: the loader
 * refuses to run when NODE_ENV=production. Listed in README.md ("Demo accounts").
 */
export const demoPassword = 'kettle-orchard-lantern';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** What the account is for, as the README describes it. */
  about: string;
}

export const demoAccounts = {
  providerAdmin: {
    email: 'admin@demo.example',
    name: 'Helen Okafor',
    role: 'provider_admin',
    about: 'runs Aire Valley College (Leeds): staff, caseloads, employer verification',
  },
  jobCoach: {
    email: 'coach@demo.example',
    name: 'Daniel Hughes',
    role: 'job_coach',
    about: 'a job coach at Aire Valley College with a caseload that includes Sam',
  },
  youngPerson: {
    email: 'sam@demo.example',
    name: 'Sam Taylor',
    role: 'young_person',
    about: 'Sam, an intern-to-be in Leeds, with a profile and a full adjustments passport',
  },
  delegate: {
    email: 'parent@demo.example',
    name: 'Alex Taylor',
    role: 'delegate',
    about: 'Sam’s parent, with every delegate right for Sam',
  },
  employer: {
    email: 'employer@demo.example',
    name: 'Priya Shah',
    role: 'employer',
    about: 'staff of a verified Leeds hotel with open placements',
  },
  unverifiedEmployer: {
    email: 'new.employer@demo.example',
    name: 'Tom Baker',
    role: 'employer',
    about: 'staff of a Leeds café that is waiting for a provider to verify it',
  },
} as const satisfies Record<string, DemoAccount>;
