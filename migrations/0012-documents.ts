import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/** GridFS's files document, with the metadata every document must have. */
const filesJsonSchema = {
  bsonType: 'object',
  required: ['_id', 'length', 'chunkSize', 'uploadDate', 'filename', 'metadata'],
  properties: {
    length: { bsonType: ['int', 'long', 'double'], minimum: 0, maximum: 10 * 1024 * 1024 },
    metadata: {
      bsonType: 'object',
      required: [
        'youngPersonId',
        'providerId',
        'kind',
        'title',
        'contentType',
        'uploadedBy',
        'uploadedAt',
        'retainUntil',
      ],
      properties: {
        youngPersonId: { bsonType: 'objectId' },
        providerId: { bsonType: 'objectId' },
        kind: {
          enum: [
            'award_letter',
            'signed_claim',
            'employer_agreement',
            'risk_assessment',
            'induction_checklist',
            'certificate',
          ],
        },
        title: { bsonType: 'string', maxLength: 200 },
        contentType: { enum: ['application/pdf', 'image/png', 'image/jpeg'] },
        uploadedBy: { bsonType: 'object', required: ['accountId', 'role'] },
        uploadedAt: { bsonType: 'date' },
        retainUntil: { bsonType: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      },
    },
  },
};

const chunksJsonSchema = {
  bsonType: 'object',
  required: ['_id', 'files_id', 'n', 'data'],
  properties: { files_id: { bsonType: 'objectId' }, n: { bsonType: ['int', 'long'] }, data: { bsonType: 'binData' } },
};

/** The declarations as this migration applies them: a copy (see README.md). */
const collections: CollectionSpec[] = [
  {
    name: 'documents.files',
    jsonSchema: filesJsonSchema,
    indexes: [
      { key: { filename: 1, uploadDate: 1 }, name: 'filename_1_uploadDate_1' },
      { key: { 'metadata.youngPersonId': 1, 'metadata.uploadedAt': -1 }, name: 'young_person_uploaded' },
      { key: { 'metadata.retainUntil': 1 }, name: 'retain_until' },
    ],
  },
  {
    name: 'documents.chunks',
    jsonSchema: chunksJsonSchema,
    indexes: [{ key: { files_id: 1, n: 1 }, name: 'files_id_1_n_1', unique: true }],
  },
];

export default {
  description: 'documents: the GridFS bucket of internship papers, with indexes by young person and retention date',
  async up(db) {
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
