import type { ClientSession } from 'mongodb';
import { decide } from '../auth/policy.js';
import type { ExportReader, PersonalDataHolder } from '../data-rights/data-rights.service.js';
import type { DocumentsRepository } from './documents.repository.js';

/**
 * The young person's documents: in the export each one whole, as base64 beside its metadata (the
 * export is one JSON document a person keeps, so a link that expires would leave them without
 * the file); all of it gone, files and chunks, on erasure.
 */
export function documentsPersonalData(records: DocumentsRepository): PersonalDataHolder {
  return {
    name: 'documents',
    async export({ actor, youngPerson }: ExportReader) {
      const resource = {
        type: 'document' as const,
        youngPersonId: youngPerson.id,
        providerId: youngPerson.providerId,
        consentingEmployerIds: [],
      };
      const readable = (await records.listOf(youngPerson.id)).filter(
        (document) => decide(actor, 'document.read', { ...resource, kind: document.kind }) === 'allow',
      );
      const documents = [];
      for (const document of readable) {
        const { youngPersonId: _owner, providerId: _provider, ...metadata } = document;
        documents.push({ ...metadata, contentBase64: (await records.bytesOf(document.id)).toString('base64') });
      }
      return documents;
    },
    async erase(youngPersonId: string, session: ClientSession) {
      await records.eraseAll(youngPersonId, session);
    },
  };
}
