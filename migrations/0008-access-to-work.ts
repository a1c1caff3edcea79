import {
  accessToWorkCasesCollection,
  accessToWorkClaimsCollection,
} from '../src/access-to-work/access-to-work.repository.js';
import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import { weeklyLogsCollection } from '../src/journey/progress.repository.js';

/**
 * Access to Work: a case per young person and their monthly claims. Weekly logs now keep study
 * time (English, maths, employability) apart from job coaching, because Access to Work never pays
 * for study; every log written before kept only coaching in `supportHours`, so its study time is 0.
 */
export default {
  description: 'access to work cases and claims; weekly logs keep study hours apart (0 on existing logs)',
  async up(db) {
    await applyCollectionSpecs(db, [accessToWorkCasesCollection, accessToWorkClaimsCollection, weeklyLogsCollection]);
    await db
      .collection(weeklyLogsCollection.name)
      .updateMany({ studyHours: { $exists: false } }, { $set: { studyHours: 0 } });
  },
} satisfies Migration;
