import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, lineColumn } from '../../src/core/tokens/analyse.js';
import { ASCII_TOKEN_PATTERN, TOKEN_PATTERN } from '../../src/core/tokens/natural.js';

const texts = (text: string) => analyse(text).tokens.map((token) => token.text);

describe('analyse: tokens', () => {
  it('keeps contractions whole, with straight or curly apostrophes', () => {
    expect(texts("You're sure you don’t want to?")).toEqual(["You're", 'sure', 'you', 'don’t', 'want', 'to', '?']);
    expect(analyse('don’t').tokens[0]!.norm).toBe("don't");
  });

  it('gives every token exact UTF-16 offsets through punctuation, quotes and emoji', () => {
    const text = 'I’m “fine” 😀, really… 👩‍👩‍👧 okay?';
    for (const token of analyse(text).tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    const okay = analyse(text).tokens.find((token) => token.text === 'okay')!;
    expect(okay.start).toBe(text.indexOf('okay'));
  });

  it('keeps combining marks inside their word', () => {
    const text = 'cafe\u0301 is open';
    expect(texts(text)[0]).toBe('cafe\u0301');
  });

  it('stems with natural so word families meet', () => {
    const [feel, feeling] = analyse('feel feeling').words;
    expect(feel!.stem).toBe(feeling!.stem);
  });
});

describe('analyse: sentences', () => {
  it('splits on terminal punctuation and marks questions', () => {
    const { sentences } = analyse('That sounds hard. What happened next? Tell me!');
    expect(sentences.map((s) => s.isQuestion)).toEqual([false, true, false]);
    expect(sentences).toHaveLength(3);
  });

  it('does not split on abbreviations, decimals or ellipses mid-thought', () => {
    expect(analyse('Dr. Patel said 2.5 mg was fine.').sentences).toHaveLength(1);
    expect(analyse('Well... maybe?').sentences).toHaveLength(1);
  });

  it('treats a blank line as a sentence break', () => {
    expect(analyse('first thought\n\nsecond thought').sentences).toHaveLength(2);
  });

  it('survives empty and punctuation-only text', () => {
    expect(analyse('').sentences).toEqual([]);
    expect(analyse('?!...').sentences).toEqual([]);
  });
});

describe('lineColumn', () => {
  it('is 1-based and counts UTF-16 units', () => {
    const text = 'one\ntwo 😀 three';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, text.indexOf('three'))).toEqual({ line: 2, column: 8 });
  });
});

describe('stammered words', () => {
  it('are read as the word the speaker arrived at', () => {
    const words = analyse("You-you're right, wh-what and-and so on, but a well-known half-hearted try").words.map((w) => w.norm);
    expect(words).toContain("you're");
    expect(words).toContain('what');
    expect(words).toContain('and');
    expect(words).toContain('well-known');
    expect(words).toContain('half-hearted');
  });
});

describe('tokenizer patterns', () => {
  it('the ASCII pattern finds exactly the Unicode pattern’s tokens in ASCII text', () => {
    const ascii = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '7', "'", '-', ' ', '.', '\n'), fc.string({ unit: 'binary-ascii', maxLength: 1 })), maxLength: 60 });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(text.match(ASCII_TOKEN_PATTERN)).toEqual(text.match(TOKEN_PATTERN));
      }),
      { numRuns: 2000 },
    );
  });

  it('non-ASCII text is tokenized with the Unicode pattern', () => {
    expect(texts('Café-crème, naïve’s ½ 😀')).toEqual(['Café-crème', ',', 'naïve’s', '½', '😀']);
  });
});


describe('line and column of an offset', () => {
  it('counts CRLF, a lone CR and LF each as one line break', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `one${eol}two${eol}three`;
      expect(lineColumn(text, text.indexOf('three') + 2), JSON.stringify(eol)).toEqual({ line: 3, column: 3 });
    }
  });
});
