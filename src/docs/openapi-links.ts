/**
 * OpenAPI links from each operation that creates something to the operations that take the new
 * record's id, so that a client (or a stateful tester such as Schemathesis) can walk the API:
 * create a young person, save their passport, share it, read the share.
 */

type Link = { operationId: string; parameters: Record<string, string>; description?: string };

const each = (operationIds: string[], parameters: Record<string, string>) =>
  Object.fromEntries(operationIds.map((operationId) => [operationId, { operationId, parameters } satisfies Link]));

const youngPerson = { youngPersonId: '$response.body#/id' };
const employer = { employerId: '$response.body#/employer/id' };
const placement = { placementId: '$response.body#/id' };
const share = { youngPersonId: '$request.path.youngPersonId', shareId: '$response.body#/id' };
const draft = { youngPersonId: '$request.path.youngPersonId', draftId: '$response.body#/id' };
const match = { matchId: '$response.body#/id' };

export const openApiLinks: Record<string, Record<string, Link>> = {
  createYoungPerson: each(
    [
      'getYoungPerson',
      'updateYoungPerson',
      'listDelegates',
      'exportYoungPerson',
      'getPassport',
      'savePassport',
      'listPassportVersions',
      'listPassportDrafts',
      'proposePassportDraft',
      'listPassportShares',
      'sharePassport',
      'getPassportAccessLog',
      'listMatches',
    ],
    youngPerson,
  ),
  signUpEmployer: each(['getEmployer', 'updateEmployer', 'createPlacement', 'listEmployerPlacements'], employer),
  createPlacement: each(['getPlacement', 'updatePlacement', 'listCandidates'], placement),
  sharePassport: {
    ...each(['withdrawPassportShare'], share),
    ...each(['readSharedPassport'], { shareId: '$response.body#/id' }),
  },
  proposePassportDraft: each(['acceptPassportDraft', 'rejectPassportDraft'], draft),
  proposePlacementMatch: each(
    [
      'getPlacementMatch',
      'acceptPlacementMatch',
      'declinePlacementMatch',
      'employerAcceptPlacementMatch',
      'employerDeclinePlacementMatch',
      'tasterPlacementMatch',
      'withdrawPlacementMatch',
      'getPlacementProgress',
    ],
    match,
  ),
};
