import { describe, expect, it } from 'vitest';
import { phraseReader, readPersonWords } from '../src/matching/phrases.js';

const read = phraseReader();

describe('reading a young person’s words with polarity', () => {
  it('takes what follows a negation, to the end of its clause, as ruled out', () => {
    expect(read('hair salon work, as long as I don’t have to wash hair')).toEqual({
      wanted: 'hair salon work',
      ruledOut: [{ said: 'as long as I don’t have to wash hair', what: 'have to wash hair' }],
      tried: [],
    });
    expect(read('a bowling alley, but not the bar').ruledOut).toEqual([{ said: 'not the bar', what: 'the bar' }]);
    expect(read('a bowling alley, but not the bar').wanted).toBe('a bowling alley');
  });

  it('ends the scope at a comma or a joining word, so what comes after is wanted again', () => {
    const words = read('not in an office, I would like to be outside');
    expect(words.ruledOut.map((r) => r.what)).toEqual(['in an office']);
    expect(words.wanted).toBe('i would like to be outside');
    expect(read('no cooking but I like serving food').wanted).toBe('i like serving food');
  });

  it('reads each cue: except, anything but, just not, never', () => {
    expect(read('anything but cleaning').ruledOut.map((r) => r.what)).toEqual(['cleaning']);
    expect(read('any shop work except the till').ruledOut.map((r) => r.what)).toEqual(['the till']);
    expect(read('animals, just not dogs').ruledOut.map((r) => r.what)).toEqual(['dogs']);
    expect(read('never night shifts').ruledOut.map((r) => r.what)).toEqual(['night shifts']);
  });

  it('does not take “I don’t mind” or “not sure” as ruling anything out', () => {
    expect(read('I don’t mind cleaning').ruledOut).toEqual([]);
    expect(read('I don’t mind cleaning').wanted).toBe('i dont mind cleaning');
    expect(read('not sure, maybe a shop').ruledOut).toEqual([]);
  });

  it('reads past work and how it went, and keeps it out of what they want', () => {
    expect(read('I helped at my uncle’s barber shop and loved it')).toEqual({
      wanted: '',
      ruledOut: [],
      tried: [
        { said: 'I helped at my uncle’s barber shop and loved it', what: 'my uncles barber shop and', went: 'well' },
      ],
    });
    const laundrette = read('I did work experience at a laundrette and it was too hot for me. I like folding');
    expect(laundrette.tried).toEqual([
      {
        said: 'I did work experience at a laundrette and it was too hot for me',
        what: 'at a laundrette and it was for me',
        went: 'badly',
      },
    ]);
    expect(laundrette.wanted).toBe('i like folding');
    expect(read('I tried a kitchen once').tried[0]!.went).toBe('unsaid');
  });

  it('leaves plain words as written, and reads liked tasks the same way', () => {
    expect(readPersonWords({ jobsWanted: 'I’d like to help in a kitchen', likedTasks: ['cooking'] })).toEqual({
      wish: 'I’d like to help in a kitchen',
      likedTasks: ['cooking'],
      ruledOut: [],
      tried: [],
    });
    expect(readPersonWords({ likedTasks: ['serving food but not washing up', 'never the till'] })).toEqual({
      likedTasks: ['serving food'],
      ruledOut: [
        { said: 'not washing up', what: 'washing up' },
        { said: 'never the till', what: 'the till' },
      ],
      tried: [],
    });
  });
});
