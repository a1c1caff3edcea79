/**
 * Where each email sends its reader: paths of the web app from the agreed URL map. Emails link
 * only through these, so a test can check every link against the pages that exist.
 */
export const webPaths = {
  home: () => '/',
  signIn: () => '/sign-in',
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  passwordReset: (token: string) => `/password-reset/${encodeURIComponent(token)}`,
  proposal: (youngPersonId: string, matchId: string) => `/young-people/${youngPersonId}/proposals/${matchId}`,
  journey: (matchId: string) => `/journeys/${matchId}`,
  adjustments: (matchId: string) => `/journeys/${matchId}/adjustments`,
  passportDrafts: (youngPersonId: string) => `/young-people/${youngPersonId}/passport/drafts`,
  passportShares: (youngPersonId: string) => `/young-people/${youngPersonId}/passport/shares`,
  accessToWork: (youngPersonId: string) => `/young-people/${youngPersonId}/access-to-work`,
  ehcOutcomes: (youngPersonId: string) => `/young-people/${youngPersonId}/outcomes`,
  afterInternship: (matchId: string) => `/journeys/${matchId}/after`,
  notificationSettings: () => '/settings/notifications',
};

/** The URL map's patterns for the paths above, for checking links. */
export const webPathPatterns: RegExp[] = [
  /^\/$/,
  /^\/sign-in$/,
  /^\/invitations\/[A-Za-z0-9_-]+$/,
  /^\/password-reset\/[A-Za-z0-9_-]+$/,
  /^\/young-people\/[0-9a-f]{24}\/proposals\/[0-9a-f]{24}$/,
  /^\/journeys\/[0-9a-f]{24}$/,
  /^\/journeys\/[0-9a-f]{24}\/adjustments$/,
  /^\/young-people\/[0-9a-f]{24}\/passport\/(drafts|shares)$/,
  /^\/young-people\/[0-9a-f]{24}\/access-to-work$/,
  /^\/young-people\/[0-9a-f]{24}\/outcomes$/,
  /^\/journeys\/[0-9a-f]{24}\/after$/,
  /^\/settings\/notifications$/,
];

/** An absolute URL on the service's public address. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return new URL(path, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString();
}
