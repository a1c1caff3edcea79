import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/** The declarations as this migration applies them: a copy (see README.md). */
const collections: CollectionSpec[] = [
  {
    name: 'documents.files',
    indexes: [
      { key: { filename: 1, uploadDate: 1 }, name: 'filename_1_uploadDate_1' },
      { key: { 'metadata.youngPersonId': 1, 'metadata.uploadedAt': -1 }, name: 'young_person_uploaded' },
      { key: { 'metadata.retainUntil': 1 }, name: 'retain_until' },
    ],
  },
  {
    name: 'documents.chunks',
    indexes: [{ key: { files_id: 1, n: 1 }, name: 'files_id_1_n_1', unique: true }],
  },
];

export default {
  description: 'documents: the GridFS bucket of internship papers, with indexes by young person and retention date',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
