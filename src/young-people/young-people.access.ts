import type { Resource } from '../auth/policy.js';
import type { YoungPerson } from './young-people.repository.js';

/** The facts about a young person that the policy decides on. */
export function youngPersonResource(
  person: Pick<YoungPerson, 'id' | 'providerId'>,
): Extract<Resource, { type: 'young_person' }> {
  return { type: 'young_person', id: person.id, providerId: person.providerId };
}
