import { type Actor, decide, type Resource } from '../auth/policy.js';
import { addMonths } from '../core/dates.js';
import { type AccessToWorkAccess, latestStarted, placementStartOf } from './access-to-work.access.js';
import type { AccessToWorkCase, Award } from './access-to-work.repository.js';
import {
  applicationIsLate,
  applicationOpensOn,
  claimDue,
  discretionaryCoachingWeeks,
  intensiveCoaching,
  intensiveCoachingWeeks,
  monthOf,
  reconsiderationDeadline,
  renewalOpensOn,
} from './access-to-work.rules.js';

/** The last day any line of the award pays for. */
export function fundedUntil(award: Award | undefined): string | null {
  if (!award) return null;
  return award.lines.reduce((latest, line) => (line.endsOn > latest ? line.endsOn : latest), award.lines[0]!.endsOn);
}

/** The case as its readers see it: the application, the award and the dates DWP's rules give from them. */
export function caseView(
  youngPersonId: string,
  found: AccessToWorkCase | undefined,
  placementStart: string | null,
  today: string,
) {
  const until = fundedUntil(found?.award);
  const coaching = placementStart ? intensiveCoaching(placementStart) : undefined;
  return {
    youngPersonId,
    application: found?.application ?? null,
    award: found?.award ?? null,
    dates: {
      placementStart,
      applicationOpensOn: placementStart ? applicationOpensOn(placementStart) : null,
      applicationLate:
        !!placementStart &&
        !found?.award &&
        applicationIsLate({
          placementStart,
          today,
          ...(found?.application?.sentOn ? { sentOn: found.application.sentOn } : {}),
        }),
      reconsiderationDeadline: found?.award ? reconsiderationDeadline(found.award.letterDate) : null,
      fundedUntil: until,
      renewalOpensOn: until ? renewalOpensOn(until) : null,
      intensiveCoachingUntil: coaching?.intensiveUntil ?? null,
      discretionaryCoachingUntil: coaching?.discretionaryUntil ?? null,
    },
    updatedAt: found?.updatedAt.toISOString() ?? null,
  };
}

/** The months from the internship's first to this one, newest first, the last 12 at most, not yet claimed. */
function unclaimedMonths(startedOn: string, today: string, claimed: Set<string>): string[] {
  const months: string[] = [];
  const first = monthOf(startedOn);
  for (let month = monthOf(today); month >= first && months.length < 12; ) {
    if (!claimed.has(month)) months.push(month);
    month = monthOf(addMonths(`${month}-01`, -1));
  }
  return months;
}

/** Reading a young person's Access to Work case: for its page, its API, the journey page and a hosting employer. */
export class AccessToWorkCases {
  readonly #access: AccessToWorkAccess;

  constructor(access: AccessToWorkAccess) {
    this.#access = access;
  }

  /**
   * Everything the Access to Work page shows its reader: the case, the claims, the name, and for
   * the provider's staff the months that may still be claimed (from the internship's first month to
   * this one, newest first, the last 12 at most).
   */
  async overview(actor: Actor, youngPersonId: string) {
    const { person, internship, mayWrite } = await this.#access.authorized(actor, youngPersonId, 'read');
    const [found, claims] = await Promise.all([
      this.#access.records.caseOf(youngPersonId),
      this.#access.records.claimsOf(youngPersonId),
    ]);
    const claimed = new Set(claims.map((claim) => claim.month));
    const claimableMonths =
      mayWrite && internship?.startedOn ? unclaimedMonths(internship.startedOn, this.#access.today(), claimed) : [];
    return {
      preferredName: person.preferredName,
      mayWrite,
      case: caseView(youngPersonId, found, placementStartOf(person, internship), this.#access.today()),
      reference: found?.application?.reference ?? null,
      claims,
      claimableMonths,
    };
  }

  /**
   * The Access to Work dates a job coach or provider admin needs beside an intern's journey: the
   * case's dates, the claim due next (and whether it is late), and the weeks of intensive coaching
   * to mark on the support chart. Nothing for anyone else (an employer hosting the intern included).
   */
  async journeyDates(actor: Actor, youngPersonId: string) {
    const person = await this.#access.internships.intern(youngPersonId);
    if (!person) return null;
    const resource: Resource = {
      type: 'access_to_work',
      youngPersonId,
      providerId: person.providerId,
      hostEmployerIds: [],
    };
    if (decide(actor, 'access_to_work.write', resource) !== 'allow') return null;
    const [matches, found, claims] = await Promise.all([
      this.#access.internships.internships(youngPersonId),
      this.#access.records.caseOf(youngPersonId),
      this.#access.records.claimsOf(youngPersonId),
    ]);
    const internship = latestStarted(matches);
    const view = caseView(youngPersonId, found, placementStartOf(person, internship), this.#access.today());
    const due = found?.award
      ? claimDue({
          today: this.#access.today(),
          coachingLines: found.award.lines.filter((line) => line.kind === 'job_coach'),
          claims: new Map(claims.map((claim) => [claim.month, claim.state])),
          ...(internship?.startedOn ? { startedOn: internship.startedOn } : {}),
          ...(internship?.endedOn ? { endedOn: internship.endedOn } : {}),
        })
      : null;
    return {
      path: `/young-people/${youngPersonId}/access-to-work`,
      applicationSentOn: found?.application?.sentOn ?? null,
      awarded: !!found?.award,
      dates: view.dates,
      claimDue: due,
      coachingWeeks: {
        intensiveUntilWeek: intensiveCoachingWeeks,
        discretionaryUntilWeek: intensiveCoachingWeeks + discretionaryCoachingWeeks,
      },
    };
  }

  async caseOf(actor: Actor, youngPersonId: string) {
    const { person, internship } = await this.#access.authorized(actor, youngPersonId, 'read');
    const found = await this.#access.records.caseOf(youngPersonId);
    return caseView(youngPersonId, found, placementStartOf(person, internship), this.#access.today());
  }

  async funding(actor: Actor, youngPersonId: string): Promise<{ youngPersonId: string; fundedUntil: string | null }> {
    await this.#access.authorized(actor, youngPersonId, 'read_funded_until');
    return { youngPersonId, fundedUntil: fundedUntil((await this.#access.records.caseOf(youngPersonId))?.award) };
  }
}
