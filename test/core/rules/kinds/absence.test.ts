// `type: absence`: nothing in the reply does this.
import { describe, expect, it } from 'vitest';
import { FILE, ID, lineOf, matched, packWith, problemWith } from './rule-file.js';

describe('absence rules', () => {
  it('fire at the first sentence when no behaviour of `of` occurs, once the reply is long enough', async () => {
    const pack = await packWith({ type: 'absence', of: { behaviours: ['question.open', 'question.closed'] }, minWords: 4 });
    expect(matched(pack, 'That sounds hard. I am here.')).toEqual(['That sounds hard.']);
    expect(matched(pack, 'That sounds hard. What happened?')).toEqual([]);
    expect(matched(pack, 'Okay then.')).toEqual([]);
  });

  it('fire when no pattern of `of` matches anywhere in the reply', async () => {
    const pack = await packWith({ type: 'absence', of: { patterns: ['@feelings'] } });
    expect(matched(pack, 'Tell me more. Go on.')).toEqual(['Tell me more.']);
    expect(matched(pack, 'Go on. You seem sad.')).toEqual([]);
  });

  it('are refused at load when `of` names nothing to look for, at its line', async () => {
    const fields = { type: 'absence', of: {} };
    expect(await problemWith(fields)).toEqual({ file: FILE, line: lineOf(fields, 'of:'), ruleId: ID, message: 'of: give `behaviours`, `patterns` or both' });
  });

  it('are refused at load with a pattern that does not parse, naming the rule', async () => {
    const fields = { type: 'absence', of: { patterns: ['(how are you'] } };
    expect(await problemWith(fields)).toEqual({ file: FILE, line: lineOf(fields, `id: ${ID}`), ruleId: ID, message: 'missing ")" in pattern "(how are you"' });
  });
});
