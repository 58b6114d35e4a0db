import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_OPTIONS, extractExamples } from '../../../src/readers/training/index.js';
import { charAt } from './helpers.js';

describe('extractExamples', () => {
  it('chooses the reader by extension', () => {
    const content = '# Notes\n\nCounsellor: **You** matter.\n';
    expect(extractExamples(content, 'a.md')[0]!.text).toBe('You matter.');
    expect(extractExamples(content, 'a.MARKDOWN')[0]!.text).toBe('You matter.');
    expect(extractExamples(content, 'a.mdx')[0]!.text).toBe('You matter.');
    expect(extractExamples(content, 'a.txt')[0]!.text).toBe('You matter.');
    expect(extractExamples('reply: hi there\n', 'a.yml')[0]!.text).toBe('hi there');
  });

  it('exports the documented defaults', () => {
    expect(DEFAULT_OPTIONS.counsellorLabels).toContain('T');
    expect(DEFAULT_OPTIONS.yamlKeys).toContain('model_replies');
  });

  it('counts columns without a byte-order mark', () => {
    const [e] = extractExamples('\uFEFFT: Hi.', 'a.txt');
    expect([e!.line, e!.column]).toEqual([1, 4]);
  });

  it('refuses a line longer than any reply before parsing it, naming the line, whatever the line endings', () => {
    const line = `Counsellor: ${'It is fine. '.repeat(30_000)}`;
    for (const eol of ['\n', '\r\n', '\r']) {
      for (const name of ['a.md', 'a.yaml', 'a.txt']) {
        expect(() => extractExamples(`# Notes${eol}${eol}${line}${eol}`, name)).toThrow(expect.objectContaining({ line: 3, message: expect.stringMatching(/a line of 360,012 characters is too long/) }));
      }
    }
    expect(extractExamples(`# Notes\n\nCounsellor: ${'It is fine. '.repeat(1_000)}\n`, 'a.md')).toHaveLength(1);
  });

  it('clamps offsets outside the text', () => {
    const [e] = extractExamples('T: Hi.', 'a.txt');
    expect(e!.map(-5)).toEqual({ line: 1, column: 4 });
    expect(e!.map(99)).toEqual({ line: 1, column: 7 });
  });

  const word = fc.stringMatching(/^[a-z]{1,8}$/);
  const reply = fc.array(fc.tuple(word, fc.constantFrom('', '**', '*', '_', '`')), { minLength: 1, maxLength: 6 });
  const wrap = ([w, m]: [string, string]) => (m ? `${m}${w}${m}` : w);

  it('markdown: every character of a generated reply maps to the same character in the file', () => {
    fc.assert(
      fc.property(
        reply,
        fc.constantFrom('', '> ', '- ', '> - ', '1. '),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (parts, prefix, eol, twoLines) => {
          const words = parts.map(wrap);
          const half = Math.ceil(words.length / 2);
          const body = twoLines
            ? words.slice(0, half).join(' ') + eol + ' '.repeat(prefix.length) + words.slice(half).join(' ')
            : words.join(' ');
          const src = `# Title${eol}${eol}${prefix}Counsellor: ${body}${eol}`;
          const examples = extractExamples(src, 'x.md');
          expect(examples).toHaveLength(1);
          const e = examples[0]!;
          expect(e.text).toBe(parts.map(([w]) => w).join(' '));
          for (let i = 0; i < e.text.length; i++) {
            if (e.text[i] !== ' ') expect(charAt(src, e.map(i))).toBe(e.text[i]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('yaml: every character of a generated plain or quoted reply maps to the same character', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('plain', 'double', 'single', 'literal'), (words, style) => {
        const text = words.join(' ');
        const value =
          style === 'plain' ? text : style === 'double' ? `"${text}"` : style === 'single' ? `'${text}'` : `|\n      ${text}`;
        const src = `items:\n  - client: hi\n    reply: ${value}\n`;
        const [e] = extractExamples(src, 'x.yaml');
        expect(e!.text).toBe(text);
        for (let i = 0; i < e!.text.length; i++) expect(charAt(src, e!.map(i))).toBe(e!.text[i]);
      }),
      { numRuns: 200 },
    );
  });
});
