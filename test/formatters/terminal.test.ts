// Carets sit under the words they point at, whatever comes before them on the line.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { underline, wrap } from '../../src/formatters/terminal.js';

/** The column (0-based, in terminal cells) where the carets start, and how many there are. */
function caretsOf(rendered: string): { column: number; count: number } {
  const marks = rendered.split('\n')[1]!;
  return { column: marks.indexOf('^'), count: (marks.match(/\^/g) ?? []).length };
}

describe('underline', () => {
  it('aligns the carets after emoji, CJK and combining marks', () => {
    for (const before of ['😀😀 ', '你好，', 'Cafe\u0301 👩‍👩‍👧 ', '\t']) {
      const text = `${before}calm down, please.`;
      const start = text.indexOf('calm');
      const rendered = underline(text, start, start + 'calm down'.length, 80);
      expect(caretsOf(rendered)).toEqual({ column: stringWidth(before.replace('\t', ' ')), count: 9 });
    }
  });

  it('counts the span itself in columns, and fits a long line into the width', () => {
    const text = `${'前'.repeat(60)} 冷静下来 ${'后'.repeat(60)}`;
    const start = text.indexOf('冷');
    const rendered = underline(text, start, start + 4, 40);
    const [shown] = rendered.split('\n');
    expect(stringWidth(shown!)).toBeLessThanOrEqual(40);
    const { column, count } = caretsOf(rendered);
    expect(count).toBe(8);
    expect(stringWidth(shown!.slice(0, shown!.indexOf('冷')))).toBe(column);
  });
});

describe('wrap', () => {
  it('wraps wide characters by the columns they take', () => {
    for (const line of wrap('你好你好 你好你好 你好你好 你好你好', 20).split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(20);
  });
});
