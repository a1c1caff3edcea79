import { type Actor, authorize, decide, readableSections } from '../auth/policy.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, notFound } from '../core/errors.js';
import { type PassportSection, passportSections } from '../domain/vocabulary.js';
import { PassportVersions } from './passport-versions.service.js';
import type { PassportDraft } from './passports.repository.js';
import { emptyPassport, ownedOrActedFor } from './passports.rules.js';
import type { PassportSections } from './passports.schemas.js';

/** PassportsService's layer for drafts: changes a job coach proposes and the owner accepts or rejects. */
export class PassportDrafts extends PassportVersions {
  async proposeDraft(
    actor: Actor,
    youngPersonId: string,
    input: { sections: PassportSections; note?: string },
    requestId: string,
  ) {
    const { person, passport, resource } = await this.load(actor, youngPersonId, 'passport.propose');
    const visible = readableSections(actor, resource, passportSections);
    const hidden = Object.keys(input.sections).filter((name) => !visible.includes(name as PassportSection));
    if (hidden.length > 0) {
      throw new ApiError('forbidden', 'You can only propose changes to sections you are allowed to read.', {
        details: hidden.map((name) => ({
          path: `sections.${name}`,
          in: 'body' as const,
          message: 'is not shared with job coaches',
        })),
      });
    }
    return inTransaction(this.mongo, async (session) => {
      const draft = await this.passports.insertDraft(
        {
          youngPersonId,
          baseVersion: passport.version,
          sections: input.sections,
          ...(input.note ? { note: input.note } : {}),
          proposedBy: actor.accountId,
          proposedAt: this.clock.now(),
        },
        session,
      );
      await this.audit.success(
        'passport.draft_propose',
        actor,
        {
          target: { type: 'passport_draft', id: draft.id },
          subjectId: youngPersonId,
          requestId,
          details: { sections: Object.keys(input.sections) },
        },
        session,
      );
      await this.notifications.draftProposed(
        { youngPersonId, providerId: person.providerId, proposedBy: actor.accountId },
        session,
      );
      return draft;
    });
  }

  async drafts(actor: Actor, youngPersonId: string, status?: PassportDraft['status']) {
    const person = await this.people.person(youngPersonId);
    if (!person) throw notFound('Young person');
    const passport = (await this.passports.current(youngPersonId)) ?? emptyPassport(person);
    const resource = {
      type: 'passport' as const,
      youngPersonId,
      providerId: person.providerId,
      coachAccess: passport.coachAccess,
    };
    // Owners (and delegates with the right) decide on drafts; coaches see the ones they can propose.
    try {
      authorize(actor, 'passport.decide_draft', resource);
    } catch {
      authorize(actor, 'passport.propose', resource);
    }
    return this.passports.listDrafts(youngPersonId, status);
  }

  async decideDraft(
    actor: Actor,
    youngPersonId: string,
    draftId: string,
    decision: { accept: boolean; reason?: string },
    requestId: string,
  ) {
    const { passport } = await this.load(actor, youngPersonId, 'passport.decide_draft');
    const draft = await this.passports.draft(youngPersonId, draftId);
    if (!draft) throw notFound('Draft');
    if (draft.status !== 'pending') {
      throw new ApiError('conflict', `This draft was already ${draft.status}.`, { details: { status: draft.status } });
    }
    return inTransaction(this.mongo, async (session) => {
      let resultingVersion: number | undefined;
      if (decision.accept) {
        const saved = await this.passports.saveVersion(
          {
            youngPersonId,
            providerId: passport.providerId,
            expectedVersion: passport.version,
            sections: { ...passport.sections, ...draft.sections },
            coachAccess: passport.coachAccess,
            savedBy: { accountId: actor.accountId, role: actor.role },
            source: 'draft',
            draftId,
          },
          this.clock.now(),
          session,
        );
        if (!saved) throw this.staleVersion(passport.version);
        resultingVersion = saved.version;
      }
      const decided = await this.passports.decideDraft(
        draftId,
        {
          status: decision.accept ? 'accepted' : 'rejected',
          decidedBy: actor.accountId,
          decidedAt: this.clock.now(),
          reason: decision.reason,
          resultingVersion,
        },
        session,
      );
      if (!decided) throw new ApiError('conflict', 'This draft has just been decided.');
      await this.audit.success(
        decision.accept ? 'passport.draft_accept' : 'passport.draft_reject',
        actor,
        {
          target: { type: 'passport_draft', id: draftId },
          subjectId: youngPersonId,
          requestId,
          details: {
            sections: Object.keys(draft.sections),
            ...(resultingVersion ? { version: resultingVersion } : {}),
          },
        },
        session,
      );
      return (await this.passports.draft(youngPersonId, draftId, session))!;
    });
  }

  /** Names of the job coaches who proposed these drafts, for showing beside them. */
  async proposerNames(drafts: PassportDraft[]): Promise<Map<string, string>> {
    return this.names.accountNames(drafts.map((draft) => draft.proposedBy));
  }

  /**
   * Passport changes a job coach proposed that the caller may accept or reject: the young person's
   * own, and those of whom a delegate acts for with `edit_passport` (the policy decides who). Oldest first.
   */
  async draftsToDecide(actor: Actor): Promise<PassportDraft[]> {
    const drafts = await this.passports.pendingDraftsOf(ownedOrActedFor(actor));
    if (drafts.length === 0) return [];
    const owners = [...new Set(drafts.map((draft) => draft.youngPersonId))];
    const passports = await Promise.all(owners.map((id) => this.passports.current(id)));
    const passportOf = new Map(
      passports.filter((passport) => passport).map((passport) => [passport!.youngPersonId, passport!]),
    );
    return drafts.filter((draft) => {
      const passport = passportOf.get(draft.youngPersonId);
      if (!passport) return false;
      const resource = {
        type: 'passport' as const,
        youngPersonId: draft.youngPersonId,
        providerId: passport.providerId,
        coachAccess: passport.coachAccess,
      };
      return decide(actor, 'passport.decide_draft', resource) === 'allow';
    });
  }
}
