import type { JourneysRepository } from '../journey/journey.repository.js';
import type { PassportsRepository } from '../passports/passports.repository.js';
import type { YoungPeopleRepository } from '../young-people/young-people.repository.js';

/** States in which an employer hosts the intern. */
const hostingStates = new Set(['agreed', 'in_progress']);

/**
 * What the documents feature reads of others: the young person's provider and name, which
 * employers host them now with an active passport share (the owner's consent), and when their
 * internship ended. Never a passport's contents.
 */
export class DocumentAudience {
  private readonly youngPeople: YoungPeopleRepository;
  private readonly matches: JourneysRepository;
  private readonly passports: PassportsRepository;

  constructor(options: {
    youngPeople: YoungPeopleRepository;
    matches: JourneysRepository;
    passports: PassportsRepository;
  }) {
    this.youngPeople = options.youngPeople;
    this.matches = options.matches;
    this.passports = options.passports;
  }

  async intern(youngPersonId: string): Promise<{ id: string; providerId: string; preferredName: string } | undefined> {
    const person = await this.youngPeople.byId(youngPersonId);
    return person ? { id: person.id, providerId: person.providerId, preferredName: person.preferredName } : undefined;
  }

  /** Employers hosting the young person now that also hold an active share of their passport. */
  async consentingEmployerIds(youngPersonId: string, now: Date): Promise<string[]> {
    const [matches, shares] = await Promise.all([
      this.matches.allOf(youngPersonId),
      this.passports.sharesOf(youngPersonId),
    ]);
    const sharedWith = new Set(
      shares.filter((share) => !share.withdrawnAt && share.expiresAt > now).map((share) => share.employerId),
    );
    return [
      ...new Set(
        matches
          .filter(
            (match) => hostingStates.has(match.state) && match.visibleToEmployer && sharedWith.has(match.employerId),
          )
          .map((match) => match.employerId),
      ),
    ];
  }

  /** The day the young person's latest internship ended, if one has. */
  async internshipEndedOn(youngPersonId: string): Promise<string | undefined> {
    const ended = (await this.matches.allOf(youngPersonId))
      .map((match) => match.endedOn)
      .filter((day): day is string => !!day)
      .sort();
    return ended.at(-1);
  }
}
