import { describe, expect, it } from 'vitest';
import type { MatchReasons } from '../../src/matching/scoring.js';
import { reasonSentences } from '../../src/web/match-reasons.js';

/** Reasons as `/matches` gives them, and as a proposal stores them. */
const reasons: MatchReasons = {
  distanceKm: 3.24,
  interests: {
    sectors: ['hospitality_catering'],
    firstChoice: true,
    likedTasks: ['folding towels'],
    strengths: ['reliable'],
    skills: [],
    wordMatches: [],
  },
  jobsWanted: {
    said: 'I want to work in a hotel.',
    matched: ['hotel'],
    message: 'You said: “I want to work in a hotel”.',
  },
  dislikedTasks: ['answering the phone'],
  ruledOut: [{ said: 'not the bar', found: 'serving drinks' }],
  triedBefore: [
    { said: 'I helped at my uncle’s barber shop and loved it', went: 'well', found: 'barber shop' },
    { said: 'I did work experience at a laundrette and it was too hot for me', went: 'badly', found: 'laundrette' },
  ],
  rotations: ['Housekeeping'],
  adjustments: { met: ['hours_and_breaks'], notMet: ['communication'] },
  environment: {
    pros: [{ factor: 'noise', level: 'low', limit: 'medium', message: 'Noise: low, below the limit (medium).' }],
    supportNeeded: [
      {
        factor: 'crowds',
        level: 'medium',
        limit: 'medium',
        message: 'Crowds: medium, at the limit; plan support for it.',
      },
    ],
    cons: [{ factor: 'standing', level: 'high', message: 'Standing: high. No limit was set for it; check it suits.' }],
  },
  hardLimitsChecked: [],
  scoreParts: {} as MatchReasons['scoreParts'],
};
const stored = reasons as unknown as Record<string, unknown>;

describe('the reasons a proposal shows', () => {
  it('speak to the young person in plain words, without the coach’s shorthand', () => {
    const { good, harder } = reasonSentences(stored);
    expect(good).toEqual([
      'It is hospitality and catering work, your first choice.',
      'You will do things you like: folding towels.',
      'It needs your strengths: reliable.',
      'You said: “I want to work in a hotel”. This placement has “hotel” in its title or tasks.',
      'One of its rotations is Housekeeping: work you said you want.',
      'You said: “I helped at my uncle’s barber shop and loved it”. This placement is that kind of work too: “barber shop”.',
      'They can give you this help: Hours and breaks (for example a flexible start).',
      'Noise: low. That suits you.',
      'It is about 3.2 km from home.',
    ]);
    expect(harder).toEqual([
      'You said: “I did work experience at a laundrette and it was too hot for me”. This placement is that kind of work too: “laundrette”.',
      'You said: “not the bar”. This placement has “serving drinks” in it.',
      'They do not offer this help yet: Communication (for example BSL, easy read). Your job coach can ask them.',
      'Crowds: medium. That is as much as you can manage, so you may need help with it.',
      'Standing: high. Check that it suits you.',
      'It includes things you said you do not like: answering the phone.',
    ]);
    expect([...good, ...harder].join(' ')).not.toMatch(/limit|plan support/);
  });

  it('speak about the young person, by name, to a parent or carer', () => {
    const { good, harder } = reasonSentences(stored, 'Sam');
    const all = [...good, ...harder].join(' ');
    expect(all).not.toMatch(/\byou(r)?\b/i);
    expect(good).toContain('It is hospitality and catering work, Sam’s first choice.');
    expect(good).toContain('Sam will do things they like: folding towels.');
    expect(good).toContain('Sam said: “I want to work in a hotel”. This placement has “hotel” in its title or tasks.');
    expect(good).toContain('Noise: low. That suits Sam.');
    expect(harder).toContain(
      'They do not offer this help yet: Communication (for example BSL, easy read). Sam’s job coach can ask them.',
    );
    expect(harder).toContain('It includes things Sam said they do not like: answering the phone.');
    expect(harder).toContain('Sam said: “not the bar”. This placement has “serving drinks” in it.');
    expect(good).toContain('One of its rotations is Housekeeping: work Sam said they want.');
  });

  it('give the employer’s record with adjustments as a fact: a reason when 4 in 5 or more were in time', () => {
    const withRecord = (agreed: number, inPlaceWithinTwoWeeks: number) =>
      reasonSentences({ ...stored, employerAdjustments: { agreed, inPlaceWithinTwoWeeks } });
    const sentence = 'This employer put 5 of 5 agreed adjustments in place within 2 weeks of the start.';
    expect(withRecord(5, 5).good).toContain(sentence);
    expect(withRecord(5, 4).good).toContain(
      'This employer put 4 of 5 agreed adjustments in place within 2 weeks of the start.',
    );
    expect(withRecord(1, 1).good).toContain(
      'This employer put 1 of 1 agreed adjustment in place within 2 weeks of the start.',
    );
    expect(withRecord(5, 3).harder).toContain(
      'This employer put 3 of 5 agreed adjustments in place within 2 weeks of the start.',
    );
    expect(withRecord(0, 0).good.join(' ')).not.toMatch(/employer put/);
    expect([...reasonSentences(stored).good, ...reasonSentences(stored).harder].join(' ')).not.toMatch(/employer put/);
  });

  it('show sentences a coach wrote as they are, and keep the words of reasons they cannot read', () => {
    expect(reasonSentences(['Close to home.'], 'Sam')).toEqual({ good: ['Close to home.'], harder: [] });
    const odd = {
      jobsWanted: { message: 'Wants hotel work.' },
      environment: { pros: [{ factor: 'smell', level: 'low', message: 'Smell: low.' }], cons: [], supportNeeded: [] },
    };
    expect(reasonSentences(odd).good).toEqual(['Wants hotel work.', 'Smell: low.']);
  });
});
