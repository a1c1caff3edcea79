import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, decide, isOwner, type Resource } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { londonDayAndHour } from '../core/dates.js';
import { ApiError, notFound } from '../core/errors.js';
import { type DocumentKind, documentKindLabels } from '../domain/vocabulary.js';
import type { DocumentAudience } from '../read-models/document-audience.js';
import type { DocumentsRepository, StoredDocument } from './documents.repository.js';
import {
  type AcceptedContentType,
  displayTitle,
  downloadName,
  maxDocumentBytes,
  retainUntil,
  sniffContentType,
} from './documents.rules.js';

/** A document as its reader sees it: what it is, never its bytes. */
export interface DocumentView {
  id: string;
  kind: DocumentKind;
  kindLabel: string;
  title: string;
  contentType: AcceptedContentType;
  sizeBytes: number;
  uploadedAt: string;
  retainUntil: string;
  /** Only for the provider's staff, who may remove documents. */
  mayDelete: boolean;
}

export interface UploadInput {
  kind: DocumentKind;
  title?: string | undefined;
  bytes: Uint8Array;
}

/** What a download sends: the bytes, what they are, and a name the service made up. */
export interface DocumentDownload {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

type DocumentAction = 'list' | 'read' | 'upload' | 'delete';

/**
 * The papers of an internship kept on a young person's record, in GridFS: uploaded and removed
 * by the provider's staff, read by the young person and a delegate with `view_profile`, and by a
 * hosting employer with an active share only for the workplace's papers. Every download by
 * someone other than the young person goes into the access log they see. No title, kind or
 * byte of a document goes to a log line, a search index or an email.
 */
export class DocumentsService {
  private readonly records: DocumentsRepository;
  private readonly audience: DocumentAudience;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

  constructor(options: { records: DocumentsRepository; audience: DocumentAudience; audit: AuditLog; clock: Clock }) {
    this.records = options.records;
    this.audience = options.audience;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  async #resource(youngPersonId: string) {
    const person = await this.audience.intern(youngPersonId);
    if (!person) throw notFound('Young person');
    const consentingEmployerIds = await this.audience.consentingEmployerIds(youngPersonId, this.clock.now());
    return {
      person,
      resource: { type: 'document', youngPersonId, providerId: person.providerId, consentingEmployerIds } as const,
    };
  }

  #authorize(actor: Actor, action: DocumentAction, resource: Extract<Resource, { type: 'document' }>) {
    const decision = decide(actor, `document.${action}`, resource);
    // Asked about the record as a whole, "not found" is about the young person, not a document.
    if (decision === 'not_found' && resource.kind === undefined) throw notFound('Young person');
    authorize(actor, `document.${action}`, resource);
  }

  #view(actor: Actor, resource: Extract<Resource, { type: 'document' }>, document: StoredDocument): DocumentView {
    return {
      id: document.id,
      kind: document.kind,
      kindLabel: documentKindLabels[document.kind],
      title: document.title,
      contentType: document.contentType,
      sizeBytes: document.sizeBytes,
      uploadedAt: document.uploadedAt.toISOString(),
      retainUntil: document.retainUntil,
      mayDelete: decide(actor, 'document.delete', { ...resource, kind: document.kind }) === 'allow',
    };
  }

  /** The documents the reader may download, newest first, with the young person's name for the page. */
  async list(actor: Actor, youngPersonId: string) {
    const { person, resource } = await this.#resource(youngPersonId);
    this.#authorize(actor, 'list', resource);
    const documents = (await this.records.listOf(youngPersonId)).filter(
      (document) => decide(actor, 'document.read', { ...resource, kind: document.kind }) === 'allow',
    );
    return {
      preferredName: person.preferredName,
      mayUpload: decide(actor, 'document.upload', resource) === 'allow',
      items: documents.map((document) => this.#view(actor, resource, document)),
    };
  }

  /** Checks the upload before anything is stored: the policy, then the size, then what the bytes are. */
  async upload(actor: Actor, youngPersonId: string, input: UploadInput, requestId?: string): Promise<DocumentView> {
    const { resource } = await this.#resource(youngPersonId);
    this.#authorize(actor, 'upload', resource);
    if (input.bytes.byteLength > maxDocumentBytes) {
      throw new ApiError('payload_too_large', 'The file is larger than 10 MB. Send a smaller file.', {
        details: [{ path: 'file', in: 'body', message: 'must be 10 MB or smaller' }],
      });
    }
    const contentType = sniffContentType(input.bytes);
    if (!contentType) {
      throw new ApiError(
        'unsupported_media_type',
        'The file must be a PDF, PNG or JPEG. Its contents are checked, not its name.',
        { details: [{ path: 'file', in: 'body', message: 'must be a PDF, PNG or JPEG file' }] },
      );
    }
    const now = this.clock.now();
    const uploadedOn = londonDayAndHour(now).day;
    const saved = await this.records.save(
      {
        youngPersonId,
        providerId: resource.providerId,
        kind: input.kind,
        title: displayTitle(input.title, documentKindLabels[input.kind]),
        contentType,
        uploadedBy: { accountId: actor.accountId, role: actor.role },
        uploadedAt: now,
        retainUntil: retainUntil(input.kind, uploadedOn, await this.audience.internshipEndedOn(youngPersonId)),
      },
      input.bytes,
    );
    await this.audit.success('document.upload', actor, {
      target: { type: 'document', id: saved.id },
      subjectId: youngPersonId,
      requestId,
      details: { documentKind: saved.kind, sizeBytes: saved.sizeBytes },
    });
    return this.#view(actor, resource, saved);
  }

  async #document(actor: Actor, youngPersonId: string, documentId: string, action: 'read' | 'delete') {
    const { resource } = await this.#resource(youngPersonId);
    this.#authorize(actor, action === 'read' ? 'list' : 'delete', resource);
    const document = await this.records.byId(youngPersonId, documentId);
    if (!document) throw notFound('Document');
    authorize(actor, `document.${action}`, { ...resource, kind: document.kind });
    return document;
  }

  /** The file, for anyone allowed to read it; a read by anyone but the young person is in their access log. */
  async download(
    actor: Actor,
    youngPersonId: string,
    documentId: string,
    requestId?: string,
  ): Promise<DocumentDownload> {
    const document = await this.#document(actor, youngPersonId, documentId, 'read');
    const bytes = await this.records.bytesOf(document.id);
    if (!isOwner(actor, youngPersonId)) {
      await this.audit.success('document.download', actor, {
        target: { type: 'document', id: document.id },
        subjectId: youngPersonId,
        requestId,
        details: { documentKind: document.kind },
      });
    }
    return {
      bytes,
      contentType: document.contentType,
      fileName: downloadName(document.kind, londonDayAndHour(document.uploadedAt).day, document.contentType),
    };
  }

  /** One document's metadata, for the page that asks to confirm its deletion. */
  async document(actor: Actor, youngPersonId: string, documentId: string): Promise<DocumentView> {
    const document = await this.#document(actor, youngPersonId, documentId, 'delete');
    const { resource } = await this.#resource(youngPersonId);
    return this.#view(actor, resource, document);
  }

  async remove(actor: Actor, youngPersonId: string, documentId: string, requestId?: string): Promise<void> {
    const document = await this.#document(actor, youngPersonId, documentId, 'delete');
    if (!(await this.records.delete(document.id))) throw notFound('Document');
    await this.audit.success('document.delete', actor, {
      target: { type: 'document', id: document.id },
      subjectId: youngPersonId,
      requestId,
      details: { documentKind: document.kind },
    });
  }
}
