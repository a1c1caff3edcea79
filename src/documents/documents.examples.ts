import type { OperationExamples } from '../docs/openapi-examples.js';
import type { components } from '../generated/openapi.js';

type Schemas = components['schemas'];

/** Examples of the documents operations for the OpenAPI document (see src/docs/openapi-examples.ts). */

const riskAssessment: Schemas['Document'] = {
  id: '6b0cc2a41fa60ec5b99a1490',
  kind: 'risk_assessment',
  kindLabel: 'Risk assessment',
  title: 'Risk assessment for the hotel kitchen',
  contentType: 'application/pdf',
  sizeBytes: 284_113,
  uploadedAt: '2026-11-20T10:12:00.000Z',
  retainUntil: '2028-11-20',
  mayDelete: true,
};

export const documentsExamples: OperationExamples = {
  listDocuments: { response: { items: [riskAssessment], total: 1, limit: 20, offset: 0 } },
  uploadDocument: { response: riskAssessment },
};
