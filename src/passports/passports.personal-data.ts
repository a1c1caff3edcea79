import type { ClientSession } from 'mongodb';
import { type Actor, decide, type Resource, readableSections } from '../auth/policy.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import { passportSections } from '../domain/vocabulary.js';
import type { PassportsRepository } from './passports.repository.js';
import { defaultCoachAccess, pickSections } from './passports.rules.js';

const may = (
  actor: Actor,
  action: 'passport.read_history' | 'passport.decide_draft' | 'passport.propose',
  resource: Resource,
) => decide(actor, action, resource) === 'allow';

/**
 * The passport, every version, coach drafts and shares belong in an export and go on erasure.
 * An export carries the sections its reader may read (the owner and a delegate with
 * `view_passport` all of them; a job coach what the owner's `coachAccess` allows; anyone else
 * none), and versions, drafts and shares only to those who may see them through the passport routes.
 */
export function passportPersonalData(passports: PassportsRepository): PersonalDataHolder {
  return {
    name: 'passport',
    async export({ actor, youngPerson }: ExportReader) {
      const current = await passports.current(youngPerson.id);
      const resource: Extract<Resource, { type: 'passport' }> = {
        type: 'passport',
        youngPersonId: youngPerson.id,
        providerId: youngPerson.providerId,
        coachAccess: current?.coachAccess ?? defaultCoachAccess,
      };
      const visible = readableSections(actor, resource, passportSections);
      const history = may(actor, 'passport.read_history', resource);
      const drafts = may(actor, 'passport.decide_draft', resource) || may(actor, 'passport.propose', resource);
      const [versions, draftList, shares] = await Promise.all([
        history ? passports.allVersions(youngPerson.id) : [],
        drafts ? passports.listDrafts(youngPerson.id) : [],
        history ? passports.sharesOf(youngPerson.id) : [],
      ]);
      return {
        visibleSections: visible,
        current:
          current && visible.length > 0 ? { ...current, sections: pickSections(current.sections, visible) } : null,
        versions: versions.map((version) => ({ ...version, sections: pickSections(version.sections, visible) })),
        drafts: draftList.map((draft) => ({ ...draft, sections: pickSections(draft.sections, visible) })),
        shares,
      };
    },
    erase: (youngPersonId: string, session: ClientSession) => passports.eraseAll(youngPersonId, session),
  };
}
