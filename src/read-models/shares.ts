import type { PassportShare, PassportsRepository } from '../passports/passports.repository.js';

/** When a share ends and whose it is: enough to tell its owner, and nothing of what was shared. */
export type ShareEnding = Pick<
  PassportShare,
  'id' | 'youngPersonId' | 'providerId' | 'employerId' | 'expiresAt' | 'withdrawnAt' | 'withdrawnBy'
>;

/**
 * Passport shares as the daily notifications see them: no sections, purpose or consent text, so the
 * notifications feature never holds what a young person chose to share.
 */
export class ShareEndingsReadModel {
  private readonly passports: PassportsRepository;

  constructor(options: { passports: PassportsRepository }) {
    this.passports = options.passports;
  }

  /** Shares that end by `endingBy`, or were withdrawn or expired after `endedAfter`. */
  async endingOrEnded(endedAfter: Date, endingBy: Date): Promise<ShareEnding[]> {
    return (await this.passports.sharesEndingOrEnded(endedAfter, endingBy)).map((share) => ({
      id: share.id,
      youngPersonId: share.youngPersonId,
      providerId: share.providerId,
      employerId: share.employerId,
      expiresAt: share.expiresAt,
      ...(share.withdrawnAt ? { withdrawnAt: share.withdrawnAt } : {}),
      ...(share.withdrawnBy ? { withdrawnBy: share.withdrawnBy } : {}),
    }));
  }
}
