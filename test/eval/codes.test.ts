import { describe, expect, it } from 'vitest';
import { CodingError, combineAnnotators, makeCoder, parseValueMap, predictedFacets, type GoldLabel } from '../../src/eval/codes.js';

const set = (...labels: GoldLabel[]): Set<GoldLabel> => new Set(labels);

describe('combining annotators', () => {
  it('keeps a code at least half of the annotators gave (ties count as present)', () => {
    const two = combineAnnotators([set('reflection', 'reflection.simple'), set()]);
    expect(two.reflection).toBe('simple');
    const three = combineAnnotators([set('advice', 'input'), set(), set()]);
    expect(three.advice).toBe(false);
    expect(combineAnnotators([set('advice'), set('advice'), set()]).advice).toBe(true);
  });

  it('takes the majority subtype, ties going to the simpler code', () => {
    expect(combineAnnotators([set('reflection', 'reflection.complex'), set('reflection', 'reflection.simple')]).reflection).toBe('simple');
    expect(combineAnnotators([set('question', 'question.open'), set('question', 'question.closed')]).question).toBe('closed');
    expect(
      combineAnnotators([set('question', 'question.open'), set('question', 'question.open'), set('question', 'question.closed')]).question,
    ).toBe('open');
  });

  it('says unspecified when the parent is coded without a subtype', () => {
    expect(combineAnnotators([set('question')]).question).toBe('unspecified');
    expect(combineAnnotators([]).question).toBeNull();
  });
});

describe('reading codes from columns', () => {
  it("reads AnnoMI's per-annotator columns", () => {
    const coder = makeCoder(['mi_quality', 'annotator_id', 'question_exists', 'question_subtype', 'reflection_exists', 'reflection_subtype', 'therapist_input_exists', 'therapist_input_subtype']);
    expect(coder.layout).toBe('annomi-full');
    const labels = coder.labels({ question_exists: 'True', question_subtype: 'open', reflection_exists: 'False', reflection_subtype: 'n/a', therapist_input_exists: 'True', therapist_input_subtype: 'advice' });
    expect([...labels].sort()).toEqual(['advice', 'input', 'question', 'question.open']);
    expect(coder.quality({ mi_quality: 'High' })).toBe('high');
  });

  it('reads a single code column, with MITI-style values and --map entries', () => {
    const coder = makeCoder(['Behaviour Code', 'rating'], { code: 'behaviour code', quality: 'rating' }, parseValueMap(['Rx=reflection.complex', 'chat=none']));
    expect(coder.layout).toBe('code-column');
    expect([...coder.labels({ 'Behaviour Code': 'SR' })].sort()).toEqual(['reflection', 'reflection.simple']);
    expect([...coder.labels({ 'Behaviour Code': 'rx;OQ' })].sort()).toEqual(['question', 'question.open', 'reflection', 'reflection.complex']);
    expect(coder.labels({ 'Behaviour Code': 'chat' }).size).toBe(0);
    expect(() => coder.labels({ 'Behaviour Code': 'mystery' })).toThrow(CodingError);
  });

  it('reads a + inside a code name (Q+) as part of the name, and a + between codes as a join', () => {
    const coder = makeCoder(['code'], { code: 'code' }, parseValueMap(['Q+=question.open', 'Q-=question.closed']));
    expect([...coder.labels({ code: 'Q+' })].sort()).toEqual(['question', 'question.open']);
    expect([...coder.labels({ code: 'Q-' })].sort()).toEqual(['question', 'question.closed']);
    expect([...coder.labels({ code: 'SR+Q+' })].sort()).toEqual(['question', 'question.open', 'reflection', 'reflection.simple']);
    expect([...coder.labels({ code: 'SR+OQ' })].sort()).toEqual(['question', 'question.open', 'reflection', 'reflection.simple']);
  });

  it("falls back to AnnoMI's main_therapist_behaviour column", () => {
    const coder = makeCoder(['mi_quality', 'main_therapist_behaviour']);
    expect([...coder.labels({ main_therapist_behaviour: 'question' })]).toEqual(['question']);
    expect(coder.labels({ main_therapist_behaviour: 'other' }).size).toBe(0);
  });

  it('rejects a column that is not there and a malformed map', () => {
    expect(() => makeCoder(['a', 'b'])).toThrow(/no behaviour code columns/);
    expect(() => makeCoder(['a'], { code: 'codes' })).toThrow(/no column named "codes"/);
    expect(() => parseValueMap(['SR'])).toThrow(/VALUE=CODE/);
    expect(() => parseValueMap(['SR=reflexion'])).toThrow(/must be one of/);
  });
});

describe("rapport's codes as facets", () => {
  it('counts one question per turn, open over closed, and complex over simple', () => {
    expect(predictedFacets(['question.closed', 'question.open'])).toMatchObject({ question: 'open' });
    expect(predictedFacets(['reflection.simple', 'reflection.complex'])).toMatchObject({ reflection: 'complex' });
    expect(predictedFacets(['directive'])).toMatchObject({ advice: true, question: null, reflection: null });
  });
});
