import { describe, expect, it } from 'vitest';
import { phraseReader, readPersonWords } from '../../src/matching/phrases.js';

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

describe('reading what young people rule out when they say it their own way', () => {
  const ruledOut = (text: string) => read(text).ruledOut.map((r) => r.what);

  it('rules out what comes before “stresses me out”, “scares me” or “is not for me”', () => {
    expect(read('a supermarket is fine, the till part stresses me out')).toEqual({
      wanted: 'a supermarket is fine',
      ruledOut: [{ said: 'the till part stresses me out', what: 'the till part' }],
      tried: [],
    });
    expect(ruledOut('I like animals. Big dogs scare me')).toEqual(['Big dogs']);
    expect(ruledOut('kitchens are not for me')).toEqual(['kitchens']);
  });

  it('reads “not good with”, “rather not”, “apart from”, “other than” and a negation a few words away', () => {
    expect(read('I’m not good with phones').ruledOut).toEqual([{ said: 'not good with phones', what: 'phones' }]);
    expect(ruledOut('I’d rather not do the till')).toEqual(['do the till']);
    expect(ruledOut('any shop apart from the till')).toEqual(['the till']);
    expect(ruledOut('office work other than filing')).toEqual(['filing']);
    expect(ruledOut('I dont think I could do phones')).toEqual(['think I could do phones']);
    expect(ruledOut('a cafe as long as I don’t have to do the till')).toEqual(['have to do the till']);
    expect(ruledOut('anything that isn’t too loud')).toEqual(['too loud']);
    expect(ruledOut('Something with animals but I’m allergic to cats')).toEqual(['cats']);
    expect(ruledOut('retail but please keep me off the tills')).toEqual(['the tills']);
    expect(ruledOut('I’d prefer not to work weekends')).toEqual(['to work weekends']);
    expect(read('I don’t like getting my hands dirty').ruledOut).toEqual([
      { said: 'don’t like getting my hands dirty', what: 'getting my hands dirty' },
    ]);
  });

  it('reads the way young people write: “dont”, “cant”, “anythin”, “cos”, “tho”', () => {
    expect(ruledOut('i cant do early mornings')).toEqual(['do early mornings']);
    expect(ruledOut('anythin but cleaning')).toEqual(['cleaning']);
    expect(read('no heavy lifting cos of my back')).toMatchObject({
      ruledOut: [{ said: 'no heavy lifting', what: 'heavy lifting' }],
      wanted: 'of my back',
    });
    expect(read('a kitchen, no washing up tho I like cooking')).toMatchObject({
      ruledOut: [{ what: 'washing up' }],
      wanted: 'a kitchen i like cooking',
    });
  });

  it('rules out each thing of a list, but not a new clause after “and”', () => {
    expect(read('Never the strimmer or the mower, the noise hurts my ears').ruledOut).toEqual([
      { said: 'Never the strimmer', what: 'the strimmer' },
      { said: 'Never the strimmer or the mower', what: 'the mower' },
    ]);
    expect(read('no cooking and I like serving food')).toMatchObject({
      ruledOut: [{ what: 'cooking' }],
      wanted: 'i like serving food',
    });
  });

  it('does not rule out what they say they do not mind, or more than one thing they want', () => {
    expect(read('I don’t mind phones').ruledOut).toEqual([]);
    expect(read('not just tills but also stock')).toEqual({
      wanted: 'not just tills also stock',
      ruledOut: [],
      tried: [],
    });
    expect(read('I can’t wait to work with animals').ruledOut).toEqual([]);
    expect(read('I don’t know, maybe a cafe').ruledOut).toEqual([]);
    expect(read('I have never had a job, I like computers').ruledOut).toEqual([]);
    expect(read('I want to try a cafe, I’ve never worked before').ruledOut).toEqual([]);
    expect(read('I don’t have any experience').ruledOut).toEqual([]);
    expect(read('lifting isn’t a problem').ruledOut).toEqual([]);
  });
});

describe('reading work they tried, and how it went', () => {
  it('attaches how it went, said in the next sentence, to the work just before', () => {
    expect(read('I did a week at Tesco. It was horrible.')).toEqual({
      wanted: '',
      ruledOut: [],
      tried: [{ said: 'I did a week at Tesco. It was horrible', what: 'i tesco it', went: 'badly' }],
    });
    const parcels = read(
      'did a week at a parcel depot last year. it was too loud and fast, the belt never stopped and I had a meltdown',
    );
    expect(parcels.tried.map((t) => t.went)).toEqual(['badly']);
    // Inside a story of past work "never" tells what happened; it rules nothing out.
    expect(parcels.ruledOut).toEqual([]);
  });

  it('keeps reading the rest of the next sentence for what they want', () => {
    expect(read('I volunteered at a kennels. It was brill, I want to work with dogs')).toMatchObject({
      tried: [{ went: 'well', said: 'I volunteered at a kennels. It was brill' }],
      wanted: 'i want to work with dogs',
    });
    expect(read('I worked in a cafe. I want to work in a shop')).toMatchObject({
      tried: [{ went: 'unsaid' }],
      wanted: 'i want to work in a shop',
    });
  });

  it('hears more ways of telling of past work', () => {
    const tried = (text: string) => read(text).tried;
    expect(tried('I was at Asda for two weeks and loved it')).toEqual([
      { said: 'I was at Asda for two weeks and loved it', what: 'asda and', went: 'well' },
    ]);
    expect(tried('did two weeks in an office doing the filing. It was so boring')[0]).toMatchObject({
      what: 'an office doing the filing it was',
      went: 'badly',
    });
    expect(tried('I had a placement at a nursery and got overwhelmed')[0]!.went).toBe('badly');
    expect(tried('volunteered at the food bank, never again')[0]!.went).toBe('badly');
    expect(tried('On my college placement I was on the help desk and people got angry at me')[0]!.went).toBe('badly');
    expect(tried('I did my work experience at a garage and it was brill')[0]!.went).toBe('well');
    expect(tried('Last summer I helped my nan at her cafe, I loved making the teas')[0]!.went).toBe('well');
    expect(tried('I had a Saturday job at Greggs but they let me go because I was too slow')[0]).toMatchObject({
      said: 'I had a Saturday job at Greggs but they let me go because I was too slow',
      went: 'badly',
    });
    expect(tried('I help out at the food bank every week and I love it')[0]!.went).toBe('well');
    expect(tried('Did my college placement in a care home and found it really hard')[0]).toMatchObject({
      what: 'in a care home and',
      went: 'badly',
    });
    expect(tried('Went to a farm for a week with school, best week ever')[0]!.went).toBe('well');
  });

  it('reads the clauses before the story of past work as any other', () => {
    expect(read('I want to work with animals, I volunteered at a kennels and loved it')).toEqual({
      wanted: 'i want to work with animals',
      ruledOut: [],
      tried: [{ said: 'I volunteered at a kennels and loved it', what: 'at a kennels and', went: 'well' }],
    });
    expect(read('I love shops but I worked in a cafe and hated it').wanted).toBe('i love shops');
  });

  it('reads “I’d like to do work experience at a vet” as a wish, not past work', () => {
    expect(read('I’d like to do work experience at a vet')).toEqual({
      wanted: 'id like to do work experience at a vet',
      ruledOut: [],
      tried: [],
    });
  });

  it('takes “didn’t enjoy” and “never liked” as going badly, not well', () => {
    expect(read('I worked in a kitchen and didn’t enjoy it').tried[0]!.went).toBe('badly');
    expect(read('I helped at a farm but never liked it').tried[0]!.went).toBe('badly');
  });
});
