import { csvField } from '../core/csv.js';
import type { AccessToWorkClaim } from './access-to-work.repository.js';
import type { ClaimWarning } from './access-to-work.rules.js';

export function warningMessage(warning: ClaimWarning): string {
  switch (warning.kind) {
    case 'missing_week':
      return `The week starting ${warning.weekStarting} has no weekly log.`;
    case 'over_award_hours':
      return `The week starting ${warning.weekStarting} has ${warning.loggedHours} hours of job coaching; the award pays for ${warning.awardedHours} a week.`;
    case 'outside_award':
      return `The week starting ${warning.weekStarting} is outside the award’s dates: its ${warning.loggedHours} hours are left out.`;
  }
}

export function claimView({ providerId: _provider, draftedBy: _by, draftedAt, warnings, ...claim }: AccessToWorkClaim) {
  return {
    ...claim,
    warnings: warnings.map((warning) => ({ ...warning, message: warningMessage(warning) })),
    draftedAt: draftedAt.toISOString(),
  };
}

export const claimCsvColumns = [
  'month',
  'first_day',
  'last_day',
  'weeks',
  'coaching_hours',
  'cost_per_hour_gbp',
  'total_gbp',
  'state',
  'signed_by',
  'signed_on',
  'sent_on',
  'paid_on',
  'paid_gbp',
  'queried_on',
  'question',
  'warnings',
] as const;

const pounds = (pence: number | undefined) => (pence === undefined ? undefined : (pence / 100).toFixed(2));

function claimFields(claim: AccessToWorkClaim): string[] {
  return [
    csvField(claim.month),
    csvField(claim.firstDay),
    csvField(claim.lastDay),
    csvField(claim.weeks.length, { text: false }),
    csvField(claim.coachingHours, { text: false }),
    csvField(pounds(claim.costPerHourPence), { text: false }),
    csvField(pounds(claim.totalPence), { text: false }),
    csvField(claim.state),
    csvField(claim.signed?.by),
    csvField(claim.signed?.on),
    csvField(claim.sent?.on),
    csvField(claim.paid?.on),
    csvField(pounds(claim.paid?.amountPence), { text: false }),
    csvField(claim.queried?.on),
    csvField(claim.queried?.question),
    csvField(claim.warnings.map(warningMessage).join(' ')),
  ];
}

const csvDocument = (header: readonly string[], rows: string[][]) =>
  `\ufeff${[header.join(','), ...rows.map((row) => row.join(','))].join('\r\n')}\r\n`;

/** Every claim of a young person as CSV: UTF-8 with a byte-order mark, CRLF line ends, a header row. */
export function claimsCsv(claims: AccessToWorkClaim[]): string {
  return csvDocument(claimCsvColumns, claims.map(claimFields));
}

/** Who each claim is for, as the DWP claim form names them, before the claim's own columns. */
export const providerClaimCsvColumns = ['young_person_id', 'name', 'atw_reference', ...claimCsvColumns] as const;

/** Every claim of a provider's young people as CSV, one row each, in the same form as claimsCsv. */
export function providerClaimsCsv(
  rows: { claim: AccessToWorkClaim; youngPersonName: string; reference: string | null }[],
): string {
  return csvDocument(
    providerClaimCsvColumns,
    rows.map((row) => [
      csvField(row.claim.youngPersonId),
      csvField(row.youngPersonName),
      csvField(row.reference ?? undefined),
      ...claimFields(row.claim),
    ]),
  );
}
