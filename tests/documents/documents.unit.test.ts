import { describe, expect, it } from 'vitest';
import { displayTitle, downloadName, retainUntil, sniffContentType } from '../../src/documents/documents.rules.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('what a file is, from its first bytes', () => {
  it('recognises PDF, PNG and JPEG signatures', () => {
    expect(sniffContentType(new TextEncoder().encode('%PDF-1.4\n'))).toBe('application/pdf');
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it('refuses programs, text, truncated signatures and empty files', () => {
    expect(sniffContentType(new TextEncoder().encode('MZ\x90\x00'))).toBeUndefined();
    expect(sniffContentType(new TextEncoder().encode('PDF-1.4 hello'))).toBeUndefined();
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeUndefined();
    expect(sniffContentType(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffContentType(bytes())).toBeUndefined();
  });
});

describe('how long a document is kept', () => {
  it('keeps award letters and signed claims 6 years after upload', () => {
    expect(retainUntil('award_letter', '2026-11-20', '2027-07-16')).toBe('2032-11-20');
    expect(retainUntil('signed_claim', '2026-02-28', undefined)).toBe('2032-02-28');
  });

  it('keeps the rest 1 year after the internship ended, or 2 years after upload while it has not', () => {
    expect(retainUntil('risk_assessment', '2026-11-20', '2027-07-16')).toBe('2028-07-16');
    expect(retainUntil('certificate', '2026-11-20', undefined)).toBe('2028-11-20');
    // An internship that ended before the upload (a certificate sent afterwards) does not shorten it.
    expect(retainUntil('certificate', '2027-09-01', '2027-07-16')).toBe('2029-09-01');
  });
});

describe('names', () => {
  it('keeps letters, digits and plain punctuation of a title, else uses the kind’s name', () => {
    expect(displayTitle('  Risk assessment: kitchen <b>v2</b> ', 'Risk assessment')).toBe(
      'Risk assessment kitchen b v2 b',
    );
    expect(displayTitle('../../etc/passwd\r\nX-Header: 1', 'Certificate')).toBe('.. .. etc passwd X-Header 1');
    expect(displayTitle('<>/', 'Certificate')).toBe('Certificate');
    expect(displayTitle(undefined, 'Certificate')).toBe('Certificate');
  });

  it('names a download by kind and upload day, never by the uploaded file', () => {
    expect(downloadName('award_letter', '2026-11-20', 'application/pdf')).toBe('award-letter-2026-11-20.pdf');
    expect(downloadName('induction_checklist', '2027-01-04', 'image/jpeg')).toBe('induction-checklist-2027-01-04.jpg');
  });
});
