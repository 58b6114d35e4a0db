// `type: pattern`: token patterns, scoped to sentences, questions or the whole reply.
import { describe, expect, it } from 'vitest';
import { FILE, ID, lineOf, matched, packWith, problemWith } from './rule-file.js';

describe('pattern rules', () => {
  it('fire on every sentence a pattern matches, at the words it matched', async () => {
    const pack = await packWith({ type: 'pattern', patterns: ['you need to', '(calm|settle) down'] });
    expect(matched(pack, 'You need to calm down. Then you need to rest.')).toEqual(['You need to', 'calm down', 'you need to']);
    expect(matched(pack, 'What would help you rest?')).toEqual([]);
  });

  it('stay quiet in a sentence where an `unless` pattern matches, and only there', async () => {
    const pack = await packWith({ type: 'pattern', patterns: ['you need to'], unless: ['only if'] });
    expect(matched(pack, 'You need to rest, only if you want to. You need to eat.')).toEqual(['You need to']);
  });

  it('look only where the scope says', async () => {
    const questions = await packWith({ type: 'pattern', scope: 'question', patterns: ['you (should|could)'] });
    expect(matched(questions, 'You should rest. Could you rest, or do you think you should work?')).toEqual(['you should']);
    const first = await packWith({ type: 'pattern', scope: 'first-sentence', patterns: ['sorry'] });
    expect(matched(first, "I'm sorry. That's hard.")).toEqual(['sorry']);
    expect(matched(first, "That's hard. I'm sorry.")).toEqual([]);
    const reply = await packWith({ type: 'pattern', scope: 'reply', patterns: ['you need to'] });
    expect(matched(reply, 'You need to rest. You need to eat.')).toEqual(['You need to']);
  });

  it('with `carries`, count a frame only when what it carries follows it', async () => {
    const pack = await packWith({ type: 'pattern', patterns: ['it sounds like'], carries: ['@feelings'] });
    expect(matched(pack, 'It sounds like you are scared.')).toEqual(['It sounds like']);
    expect(matched(pack, 'It sounds like a plan.')).toEqual([]);
    expect(matched(pack, 'Scared, it sounds like.')).toEqual([]);
  });

  it('are refused at load when a pattern does not parse, naming the file, the rule and its line', async () => {
    const fields = { type: 'pattern', patterns: ['(you need'] };
    expect(await problemWith(fields)).toEqual({ file: FILE, line: lineOf(fields, `id: ${ID}`), ruleId: ID, message: 'missing ")" in pattern "(you need"' });
  });

  it('are refused at load with a misspelt or missing key, at the line of the key', async () => {
    const misspelt = { type: 'pattern', paterns: ['you need to'] };
    expect(await problemWith(misspelt)).toEqual({ file: FILE, line: lineOf(misspelt, 'paterns:'), ruleId: ID, message: 'unknown key "paterns"' });
    const scope = { type: 'pattern', scope: 'paragraph', patterns: ['you need to'] };
    expect(await problemWith(scope)).toMatchObject({ file: FILE, line: lineOf(scope, 'scope:'), ruleId: ID, message: expect.stringMatching(/^scope: .*"question"/) });
  });
});
