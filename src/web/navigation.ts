import type { Actor } from '../auth/policy.js';

export interface NavigationItem {
  href: string;
  text: string;
}

/**
 * The links in the header for each role. Pages of every feature are reached from here, so a
 * feature adds its entry point to its role's list.
 */
export function navigationFor(actor: Actor, actingFor?: { youngPersonId: string }): NavigationItem[] {
  switch (actor.role) {
    case 'young_person':
      return [
        { href: '/', text: 'Home' },
        { href: `/young-people/${actor.youngPersonId}/passport`, text: 'My passport' },
        { href: `/young-people/${actor.youngPersonId}/placement`, text: 'My placement' },
        { href: '/search/placements', text: 'Find a placement' },
      ];
    case 'delegate':
      return [
        { href: '/', text: 'Home' },
        ...(actingFor
          ? [
              { href: `/young-people/${actingFor.youngPersonId}/passport`, text: 'Passport' },
              { href: `/young-people/${actingFor.youngPersonId}/placement`, text: 'Placement' },
            ]
          : []),
        { href: '/acting-for', text: 'Who you help' },
      ];
    case 'job_coach':
      return [
        { href: '/', text: 'Home' },
        { href: '/caseload', text: 'Caseload' },
        { href: '/inbox', text: 'Inbox' },
        { href: '/search/placements', text: 'Placements' },
        { href: '/reports', text: 'Reports' },
      ];
    case 'employer':
      return [
        { href: '/', text: 'Home' },
        { href: '/placements', text: 'Placements' },
        { href: '/proposals', text: 'Proposals' },
        { href: '/shared-passports', text: 'Shared passports' },
        { href: '/organisation', text: 'Organisation' },
        { href: '/reports', text: 'Reports' },
      ];
    case 'provider_admin':
      return [
        { href: '/', text: 'Home' },
        { href: '/caseload', text: 'Young people' },
        { href: '/staff', text: 'Staff' },
        { href: '/employers/verification', text: 'Employers' },
        { href: '/reports', text: 'Reports' },
      ];
  }
}
