import { describe, expect, it } from 'vitest';
import type { PassportShare } from '../../src/passports/passports.repository.js';
import {
  consentStatement,
  otherActiveSharesWith,
  purposeClause,
  sectionsOnlyIn,
} from '../../src/passports/passports.rules.js';

describe('the consent statement', () => {
  const statement = (purpose: string) =>
    consentStatement({
      sections: ['aboutMe', 'whatHelps'],
      employerName: 'The Beckside Hotel',
      purpose,
      expiresAt: new Date('2027-08-13T10:00:00Z'),
    });

  it('reads as one sentence when the purpose already begins "So that"', () => {
    expect(statement('So that The Beckside Hotel can plan the adjustments I need.')).toBe(
      'I agree to share these parts of my adjustments passport: About me, What helps me at work, with The Beckside Hotel, ' +
        'so that The Beckside Hotel can plan the adjustments I need. This lasts until 2027-08-13 and I can stop it at any time.',
    );
  });

  it('never repeats "so that", whatever the purpose begins with', () => {
    for (const purpose of [
      'So that: So that my supervisor knows',
      'so my supervisor knows',
      'SO THAT my supervisor knows',
      'So, that my supervisor knows',
    ]) {
      const text = statement(purpose);
      expect(text.match(/so that/giu)).toHaveLength(1);
      expect(text).not.toMatch(/so that:/iu);
      expect(text).toContain('so that my supervisor knows. This lasts');
    }
  });

  it('joins a purpose that begins "To" or is a bare phrase without a colon after "so that"', () => {
    expect(purposeClause('To help my supervisor plan my first week.')).toBe('to help my supervisor plan my first week');
    expect(purposeClause('Induction')).toBe('for this purpose: Induction');
    expect(purposeClause('Soap making induction')).toBe('for this purpose: Soap making induction');
    expect(statement('Induction')).toContain('with The Beckside Hotel, for this purpose: Induction. This lasts until');
  });
});

describe('what stays shared when one share with an employer stops', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const share = (
    id: string,
    employerId: string,
    sections: PassportShare['sections'],
    extra: Partial<PassportShare> = {},
  ) =>
    ({
      id,
      youngPersonId: 'yp',
      providerId: 'provider',
      employerId,
      sections,
      purpose: 'Induction',
      consent: { givenBy: { accountId: 'yp', role: 'young_person' }, givenAt: now, statement: '' },
      expiresAt: new Date('2027-03-01T10:00:00Z'),
      ...extra,
    }) as PassportShare;
  const stopping = share('a', 'hotel', ['aboutMe', 'whatHelps']);
  const shares = [
    stopping,
    share('b', 'hotel', ['whatHelps']),
    share('c', 'hotel', ['myCondition'], { withdrawnAt: now }),
    share('d', 'hotel', ['accessToWork'], { expiresAt: new Date('2026-12-01T10:00:00Z') }),
    share('e', 'café', ['aboutMe']),
  ];

  it('counts only the other active shares with the same employer', () => {
    expect(otherActiveSharesWith(shares, stopping, now).map((other) => other.id)).toEqual(['b']);
  });

  it('takes away only the parts no other active share with them covers', () => {
    expect(sectionsOnlyIn(stopping, otherActiveSharesWith(shares, stopping, now))).toEqual(['aboutMe']);
    expect(sectionsOnlyIn(stopping, [])).toEqual(['aboutMe', 'whatHelps']);
  });
});
