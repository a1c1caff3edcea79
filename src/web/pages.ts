import { accessToWorkPages } from '../access-to-work/access-to-work.pages.js';
import { awardPages } from '../access-to-work/award.pages.js';
import { claimPages } from '../access-to-work/claims.pages.js';
import { adjustmentPages } from '../adjustments/adjustments.pages.js';
import { adjustmentAnswerPages } from '../adjustments/answer.pages.js';
import { adjustmentCheckPages } from '../adjustments/check.pages.js';
import { adjustmentReviewPages } from '../adjustments/review.pages.js';
import { rewordPages } from '../adjustments/reword.pages.js';
import { reportPages } from '../dashboards/reports.pages.js';
import { documentPages } from '../documents/documents.pages.js';
import { employerPages } from '../employers/employer.pages.js';
import { organisationPages } from '../employers/organisation.pages.js';
import { journeyPages } from '../journey/journey.pages.js';
import { progressPages } from '../journey/progress.pages.js';
import { proposalPages } from '../journey/proposals.pages.js';
import { weeklyLogPages } from '../journey/weekly-log.pages.js';
import { matchingPages } from '../matching/matching.pages.js';
import { searchPages } from '../matching/search.pages.js';
import { notificationPages } from '../notifications/notifications.pages.js';
import { notificationSettingsPages } from '../notifications/settings.pages.js';
import { afterPages } from '../outcomes/after.pages.js';
import { jobOutcomesPages } from '../outcomes/job-outcomes.pages.js';
import { outcomesPages } from '../outcomes/outcomes.pages.js';
import { passportHistoryPages } from '../passports/passport-history.pages.js';
import { passportPages } from '../passports/passports.pages.js';
import { sharedPassportPages } from '../passports/shared.pages.js';
import { sharePages } from '../passports/shares.pages.js';
import { suggestionPages } from '../passports/suggestions.pages.js';
import { whatHelpsPages } from '../passports/what-helps.pages.js';
import { withdrawSharePages } from '../passports/withdraw-share.pages.js';
import { placementPages } from '../placements/placements.pages.js';
import { adminPages } from '../providers/admin.pages.js';
import { attendancePages } from '../study/attendance.pages.js';
import { programmePages } from '../study/programme.pages.js';
import { studyPages } from '../study/study.pages.js';
import { caseloadPages } from '../young-people/caseload.pages.js';
import { youngPersonPages } from '../young-people/young-people.pages.js';
import type { PageModule } from './web.app.js';

/**
 * Every feature's pages, mounted by the web app. Add a feature's module here. Two modules may
 * answer the same path for different roles: a handler that is not for the caller's role calls
 * `next()` (as `/young-people/{id}` does for staff).
 */
export const pageModules: PageModule[] = [
  youngPersonPages(),
  { routes: whatHelpsPages() },
  { routes: passportPages() },
  { routes: passportHistoryPages() },
  { routes: sharePages() },
  { routes: withdrawSharePages() },
  { routes: proposalPages() },
  caseloadPages(),
  { routes: matchingPages() },
  { routes: weeklyLogPages() },
  { routes: progressPages() },
  { routes: journeyPages() },
  { routes: accessToWorkPages() },
  { routes: studyPages() },
  { routes: programmePages() },
  { routes: attendancePages() },
  { routes: outcomesPages() },
  { routes: afterPages() },
  { routes: jobOutcomesPages() },
  { routes: adjustmentPages() },
  { routes: adjustmentAnswerPages() },
  { routes: adjustmentCheckPages() },
  { routes: adjustmentReviewPages() },
  { routes: rewordPages() },
  { routes: awardPages() },
  { routes: claimPages() },
  documentPages(),
  { routes: suggestionPages() },
  { routes: searchPages() },
  employerPages(),
  { routes: sharedPassportPages() },
  adminPages(),
  { routes: reportPages() },
  { routes: placementPages() },
  { routes: organisationPages() },
  notificationPages,
  { routes: notificationSettingsPages() },
];
