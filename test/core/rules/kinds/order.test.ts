// `type: order`: something said after (or with nothing before it) something else.
import { describe, expect, it } from 'vitest';
import { FILE, ID, lineOf, matched, packWith, problemWith } from './rule-file.js';

describe('order rules', () => {
  it('with `after`, fire on a target that comes after the reference, not before it', async () => {
    const pack = await packWith({ type: 'order', target: { patterns: ['but'] }, after: { patterns: ['sounds (hard|tough)'] } });
    expect(matched(pack, "That sounds hard, but you'll manage.")).toEqual(['but']);
    expect(matched(pack, 'But that sounds hard.')).toEqual([]);
  });

  it('with `notAfter`, fire once, on the first target with no reference before it', async () => {
    const pack = await packWith({ type: 'order', target: { patterns: ['you should'] }, notAfter: { patterns: ['would it be okay'] } });
    expect(matched(pack, 'You should try yoga. You should try walking.')).toEqual(['You should']);
    expect(matched(pack, 'Would it be okay if I shared an idea? You should try yoga.')).toEqual([]);
  });

  it('select by the behaviours the other rules found', async () => {
    const pack = await packWith({ type: 'order', target: { behaviours: ['advice'] }, notAfter: { behaviours: ['permission'] } });
    const advice = "I'd suggest writing down what you drink each day.";
    expect(matched(pack, advice)).toEqual([advice]);
    expect(matched(pack, `Would it be okay if I shared an idea? ${advice}`)).toEqual([]);
  });

  it('are refused at load unless exactly one of `after` and `notAfter` is given, at the rule’s line', async () => {
    const both = { type: 'order', target: { patterns: ['but'] }, after: { patterns: ['sorry'] }, notAfter: { patterns: ['sorry'] } };
    const expected = { file: FILE, line: lineOf(both, `id: ${ID}`), ruleId: ID, message: 'give exactly one of `after` and `notAfter`' };
    expect(await problemWith(both)).toEqual(expected);
    expect(await problemWith({ type: 'order', target: { patterns: ['but'] } })).toEqual(expected);
  });

  it('are refused at load with a behaviour code that does not exist, at its line', async () => {
    const fields = { type: 'order', target: { behaviours: ['advise'] }, after: { patterns: ['sorry'] } };
    expect(await problemWith(fields)).toMatchObject({ file: FILE, line: lineOf(fields, '- advise'), ruleId: ID, message: expect.stringMatching(/^behaviours: .*"advice"/) });
  });
});
