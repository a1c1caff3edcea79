import { createRouter } from '../core/http/openapi.js';
import {
  accessLog,
  print,
  printPassport,
  read,
  readAccessLog,
  readPassport,
  save,
  savePassport,
  savePassportSection,
  saveSection,
} from './passport-content.routes.js';
import {
  acceptDraft,
  decidePassportDraft,
  listDrafts,
  listPassportDrafts,
  propose,
  proposePassportDraft,
  rejectDraft,
} from './passport-drafts.routes.js';
import {
  createShare,
  listPassportShares,
  listShares,
  renew,
  renewPassportShare,
  sharePassport,
  withdraw,
  withdrawPassportShare,
} from './passport-shares.routes.js';
import {
  listPassportVersions,
  readPassportVersion,
  restore,
  restorePassportVersion,
  version,
  versions,
} from './passport-versions.routes.js';
import {
  listSharedPassports,
  printSharedPassport,
  readSharedPassport,
  sharedList,
  sharedPrint,
  sharedRead,
} from './shared-passports.routes.js';

/**
 * The passport's operations, each beside its handler in the file of what it acts on. They are
 * registered here in one list because the order is the OpenAPI document's order.
 */
export function passportsRoutes() {
  return createRouter()
    .openapi(read, readPassport)
    .openapi(save, savePassport)
    .openapi(saveSection, savePassportSection)
    .openapi(restore, restorePassportVersion)
    .openapi(print, printPassport)
    .openapi(versions, listPassportVersions)
    .openapi(version, readPassportVersion)
    .openapi(listDrafts, listPassportDrafts)
    .openapi(propose, proposePassportDraft)
    .openapi(acceptDraft, decidePassportDraft(true))
    .openapi(rejectDraft, decidePassportDraft(false))
    .openapi(listShares, listPassportShares)
    .openapi(createShare, sharePassport)
    .openapi(withdraw, withdrawPassportShare)
    .openapi(renew, renewPassportShare)
    .openapi(accessLog, readAccessLog)
    .openapi(sharedList, listSharedPassports)
    .openapi(sharedRead, readSharedPassport)
    .openapi(sharedPrint, printSharedPassport);
}
