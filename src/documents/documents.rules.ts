import { addMonths } from '../core/dates.js';
import type { DocumentKind } from '../domain/vocabulary.js';

/** The only kinds of file kept, with the extension a download gets. */
export const acceptedContentTypes = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
} as const;
export type AcceptedContentType = keyof typeof acceptedContentTypes;

/** 10 MB: a scanned letter of a few pages fits; a phone photo of a form fits several times. */
export const maxDocumentBytes = 10 * 1024 * 1024;

/** Room for an upload form's other fields and the multipart boundaries around a file of the largest size. */
export const uploadBodyLimitBytes = maxDocumentBytes + 64 * 1024;

/**
 * What the file is, from its first bytes (its "magic number"), never from its name or the type
 * the browser claims: a renamed program or text file is not a PDF. Three fixed signatures
 * (PDF `%PDF-`, PNG's 8-byte header, JPEG's SOI marker followed by a marker byte) are all this
 * needs, so a package that knows hundreds of formats would not earn its place.
 */
export function sniffContentType(bytes: Uint8Array): AcceptedContentType | undefined {
  const startsWith = (signature: number[]) =>
    bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
  if (startsWith([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return undefined;
}

/** Kinds DWP may ask to see for years after a claim is paid. */
const financialKinds: readonly DocumentKind[] = ['award_letter', 'signed_claim'];

/**
 * How long a document is kept (to confirm with providers, see docs/documents.md): award letters
 * and signed claims 6 years after upload (HMRC/DWP's usual six years for financial records);
 * every other kind 1 year after the internship ended, or, when it has not ended yet, 2 years
 * after upload (a year-long internship plus that year).
 */
export function retainUntil(kind: DocumentKind, uploadedOn: string, internshipEndedOn: string | undefined): string {
  if (financialKinds.includes(kind)) return addMonths(uploadedOn, 72);
  return internshipEndedOn && internshipEndedOn >= uploadedOn
    ? addMonths(internshipEndedOn, 12)
    : addMonths(uploadedOn, 24);
}

/**
 * The title shown for a document: what the uploader typed, else the kind's name. Control
 * characters, path separators and anything outside letters, digits, spaces and a little
 * punctuation are dropped, so a crafted name cannot become markup, a path or a header.
 */
export function displayTitle(typed: string | undefined, kindLabel: string): string {
  const cleaned = (typed ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} .,()'’&-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  return cleaned === '' ? kindLabel : cleaned;
}

/** The file name a download gets: the kind and the upload day, never what the uploader's file was called. */
export function downloadName(kind: DocumentKind, uploadedOn: string, contentType: AcceptedContentType): string {
  return `${kind.replaceAll('_', '-')}-${uploadedOn}.${acceptedContentTypes[contentType]}`;
}
