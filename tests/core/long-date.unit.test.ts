import { describe, expect, it } from 'vitest';
import { longDate } from '../../src/core/dates.js';
import { longDate as pageDate } from '../../src/web/young-person.js';

/** One formatter for dates in words (issue 23): pages without the weekday, emails with it. */
describe('dates in words', () => {
  it('writes a calendar date as people say it, with the weekday for emails', () => {
    expect(longDate('2025-09-08')).toBe('8 September 2025');
    expect(longDate('2025-09-08', { weekday: true })).toBe('Monday 8 September 2025');
  });

  it("writes an instant as its day in England, where late evening in summer is already tomorrow in UTC's eyes", () => {
    expect(longDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
    expect(longDate(new Date('2026-06-30T23:30:00Z'), { weekday: true })).toBe('Wednesday 1 July 2026');
    expect(longDate('2026-06-30T23:30:00.000Z')).toBe('1 July 2026');
  });

  it('is the formatter pages use', () => {
    expect(pageDate).toBe(longDate);
  });
});
