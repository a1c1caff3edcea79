import { type ClientSession, type Collection, type Db, GridFSBucket, ObjectId } from 'mongodb';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { DocumentKind, Role } from '../domain/vocabulary.js';
import type { AcceptedContentType } from './documents.rules.js';

/** What is known about a stored document besides its bytes. */
export interface StoredDocument {
  id: string;
  youngPersonId: string;
  providerId: string;
  kind: DocumentKind;
  title: string;
  contentType: AcceptedContentType;
  sizeBytes: number;
  uploadedBy: { accountId: string; role: Role };
  uploadedAt: Date;
  /** YYYY-MM-DD: the daily retention run deletes the document after this day. */
  retainUntil: string;
}

type NewDocument = Omit<StoredDocument, 'id' | 'sizeBytes'>;

interface DocumentMetadata {
  youngPersonId: ObjectId;
  providerId: ObjectId;
  kind: DocumentKind;
  title: string;
  contentType: AcceptedContentType;
  uploadedBy: { accountId: ObjectId; role: Role };
  /** The service's clock, not GridFS's own `uploadDate` (the server's). */
  uploadedAt: Date;
  retainUntil: string;
}

interface FileDoc {
  _id: ObjectId;
  length: number;
  uploadDate: Date;
  filename: string;
  metadata: DocumentMetadata;
}

const bucketName = 'documents';

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

/**
 * GridFS's own collections, declared for their indexes: a young person's documents, and the
 * documents past their retention date. The chunks index is the one the driver would make itself
 * on the first upload; declaring it makes it exist before then (and in the migration).
 */
export const documentFilesCollection: CollectionSpec = {
  name: `${bucketName}.files`,
  jsonSchema: filesJsonSchema,
  indexes: [
    { key: { filename: 1, uploadDate: 1 }, name: 'filename_1_uploadDate_1' },
    { key: { 'metadata.youngPersonId': 1, 'metadata.uploadedAt': -1 }, name: 'young_person_uploaded' },
    { key: { 'metadata.retainUntil': 1 }, name: 'retain_until' },
  ],
};

export const documentChunksCollection: CollectionSpec = {
  name: `${bucketName}.chunks`,
  jsonSchema: chunksJsonSchema,
  indexes: [{ key: { files_id: 1, n: 1 }, name: 'files_id_1_n_1', unique: true }],
};

/** Documents in MongoDB GridFS, the bytes and their metadata together; nothing is kept anywhere else. */
export class DocumentsRepository {
  readonly #bucket: GridFSBucket;
  readonly #files: Collection<FileDoc>;
  readonly #chunks: Collection<{ files_id: ObjectId }>;

  constructor(db: Db) {
    this.#bucket = new GridFSBucket(db, { bucketName });
    this.#files = db.collection<FileDoc>(documentFilesCollection.name);
    this.#chunks = db.collection(documentChunksCollection.name);
  }

  /** Writes the bytes and the metadata; the files document (what lists read) is written last, after every chunk. */
  async save(document: NewDocument, bytes: Uint8Array): Promise<StoredDocument> {
    const id = new ObjectId();
    const metadata: DocumentMetadata = {
      youngPersonId: new ObjectId(document.youngPersonId),
      providerId: new ObjectId(document.providerId),
      kind: document.kind,
      title: document.title,
      contentType: document.contentType,
      uploadedBy: { accountId: new ObjectId(document.uploadedBy.accountId), role: document.uploadedBy.role },
      uploadedAt: document.uploadedAt,
      retainUntil: document.retainUntil,
    };
    // GridFS's filename is not the uploader's: the id, so nothing they typed is stored there.
    const upload = this.#bucket.openUploadStreamWithId(id, id.toHexString(), { metadata });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    const saved = await this.#files.findOne({ _id: id });
    return toDocument(saved!);
  }

  async listOf(youngPersonId: string): Promise<StoredDocument[]> {
    const docs = await this.#files
      .find({ 'metadata.youngPersonId': new ObjectId(youngPersonId) })
      .sort({ 'metadata.uploadedAt': -1, _id: -1 })
      .toArray();
    return docs.map(toDocument);
  }

  async byId(youngPersonId: string, documentId: string): Promise<StoredDocument | undefined> {
    if (!ObjectId.isValid(documentId)) return undefined;
    const doc = await this.#files.findOne({
      _id: new ObjectId(documentId),
      'metadata.youngPersonId': new ObjectId(youngPersonId),
    });
    return doc ? toDocument(doc) : undefined;
  }

  async bytesOf(documentId: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.#bucket.openDownloadStream(new ObjectId(documentId))) parts.push(part as Buffer);
    return Buffer.concat(parts);
  }

  /**
   * Removes the files document, then its chunks. Only the caller whose delete removed the files
   * document gets true, so that two runs deleting at once record the deletion once.
   */
  async delete(documentId: string): Promise<StoredDocument | undefined> {
    const _id = new ObjectId(documentId);
    const removed = await this.#files.findOneAndDelete({ _id });
    await this.#chunks.deleteMany({ files_id: _id });
    return removed ? toDocument(removed) : undefined;
  }

  /** Every document of the young person, files and chunks, inside the erasure's transaction. */
  async eraseAll(youngPersonId: string, session?: ClientSession): Promise<number> {
    const ids = (
      await this.#files
        .find({ 'metadata.youngPersonId': new ObjectId(youngPersonId) }, { projection: { _id: 1 }, session })
        .toArray()
    ).map((doc) => doc._id);
    if (ids.length === 0) return 0;
    await this.#files.deleteMany({ _id: { $in: ids } }, { session });
    await this.#chunks.deleteMany({ files_id: { $in: ids } }, { session });
    return ids.length;
  }

  /** Documents whose retention date is before `day` (YYYY-MM-DD), oldest first. */
  async expiredBefore(day: string, limit: number): Promise<StoredDocument[]> {
    const docs = await this.#files
      .find({ 'metadata.retainUntil': { $lt: day } })
      .sort({ 'metadata.retainUntil': 1 })
      .limit(limit)
      .toArray();
    return docs.map(toDocument);
  }
}

function toDocument(doc: FileDoc): StoredDocument {
  const meta = doc.metadata;
  return {
    id: doc._id.toHexString(),
    youngPersonId: meta.youngPersonId.toHexString(),
    providerId: meta.providerId.toHexString(),
    kind: meta.kind,
    title: meta.title,
    contentType: meta.contentType,
    sizeBytes: doc.length,
    uploadedBy: { accountId: meta.uploadedBy.accountId.toHexString(), role: meta.uploadedBy.role },
    uploadedAt: meta.uploadedAt,
    retainUntil: meta.retainUntil,
  };
}
