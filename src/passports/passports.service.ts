import type { Actor } from '../auth/policy.js';
import {
  documentKindLabels,
  documentKinds,
  type PassportSection,
  passportSections,
  type Role,
} from '../domain/vocabulary.js';
import { PassportShares } from './passport-shares.service.js';
import { passportReadActions, type ReadsOnADay, readersAtWork } from './passports.rules.js';

/**
 * The adjustments passport: owned by the young person, saved in versions, edited by coaches only
 * through drafts the owner accepts, shared section by section with explicit consent, and every
 * read by anyone but the owner written to the audit log.
 *
 * Built in layers, one file a concern, each adding methods to the one before: versions
 * (passport-versions.service.ts), drafts (passport-drafts.service.ts), shares and consent
 * (passport-shares.service.ts) and, here, the access log. The rules they share are in passports.rules.ts.
 */
export class PassportsService extends PassportShares {
  /**
   * The access log for reading on a page: one row per person per day with how many times, the
   * people at work first (what the owner most needs to know), then the family, each newest first.
   */
  async readsByDay(
    actor: Actor,
    youngPersonId: string,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; items: ReadsOnADay[] }> {
    await this.load(actor, youngPersonId, 'passport.read_history');
    const { items, total } = await this.audit.perAccountPerDay(youngPersonId, {
      actions: passportReadActions,
      firstRoles: readersAtWork,
      timeZone: 'Europe/London',
      ...page,
    });
    const { readers, employerNames } = await this.#readers(items.map((row) => row.accountId));
    return {
      total,
      items: items.map((row) => {
        const reader = row.accountId ? readers.get(row.accountId) : undefined;
        return {
          group: row.role && readersAtWork.includes(row.role as Role) ? 'work' : 'family',
          by: {
            ...(row.accountId ? { accountId: row.accountId } : {}),
            ...(row.role ? { role: row.role } : {}),
            ...(reader ? { name: reader.name } : {}),
            ...(reader?.employerId && employerNames.has(reader.employerId)
              ? { organisation: employerNames.get(reader.employerId) }
              : {}),
          },
          day: row.day,
          times: row.count,
          lastAt: row.lastAt.toISOString(),
          actions: row.actions,
          sections: passportSections.filter((section) => row.sections.includes(section)),
          documents: documentKinds
            .filter((kind) => row.documentKinds.includes(kind))
            .map((kind) => documentKindLabels[kind]),
        };
      }),
    };
  }

  /** The names (and employers' names) of the accounts that read a passport. */
  async #readers(ids: (string | undefined)[]) {
    const accountIds = [...new Set(ids.filter((id): id is string => !!id && /^[0-9a-f]{24}$/.test(id)))];
    const readers = await this.names.accountSummaries(accountIds);
    const employerIds = [...readers.values()].map((a) => a.employerId).filter((id): id is string => !!id);
    const employerNames = await this.names.employerNames(employerIds);
    return { readers, employerNames };
  }

  /** Who read the passport, what, and when: for the owner (and delegates allowed to view it). */
  async accessLog(actor: Actor, youngPersonId: string, page: { limit: number; offset: number }) {
    await this.load(actor, youngPersonId, 'passport.read_history');
    const { items, total } = await this.audit.forSubject(youngPersonId, { actions: passportReadActions, ...page });
    const { readers, employerNames } = await this.#readers(items.map((entry) => entry.actor.accountId));
    const describe: Record<string, string> = {
      'passport.read': 'Read your passport',
      'passport.read_version': 'Read an earlier version of your passport',
      'passport.print': 'Opened the printable passport',
      'passport_share.read': 'Read the sections you shared with them',
      'passport_share.print': 'Printed the sections you shared with them',
      'young_person.export': 'Downloaded everything held about you',
    };
    const downloaded = (entry: { details?: Record<string, unknown> }) => {
      const kind = documentKinds.find((known) => known === entry.details?.documentKind);
      return kind ? `Downloaded a document: ${documentKindLabels[kind]}` : 'Downloaded a document';
    };
    return {
      total,
      items: items.map((entry) => {
        const reader = entry.actor.accountId ? readers.get(entry.actor.accountId) : undefined;
        const sections = (entry.details?.sections as PassportSection[] | undefined) ?? undefined;
        return {
          at: entry.at.toISOString(),
          action: entry.action,
          description:
            entry.action === 'document.download' ? downloaded(entry) : (describe[entry.action] ?? entry.action),
          by: {
            accountId: entry.actor.accountId,
            role: entry.actor.role,
            ...(reader ? { name: reader.name } : {}),
            ...(reader?.employerId && employerNames.has(reader.employerId)
              ? { organisation: employerNames.get(reader.employerId) }
              : {}),
          },
          ...(sections ? { sections } : {}),
        };
      }),
    };
  }
}
