// `type: mirror`: how the reply picks up, or merely repeats, the client's words.
import { describe, expect, it } from 'vitest';
import { FILE, ID, lineOf, matched, messageOf, packWith, problemWith } from './rule-file.js';

const SCARED = "I'm scared to drive.";
const SISTER = 'My sister never calls me back anymore.';

describe('mirror rules', () => {
  it('feeling-echo: fire on the client’s own feeling word, with {feeling}, and never without a client', async () => {
    const pack = await packWith({ type: 'mirror', measure: 'feeling-echo', min: 1, message: 'echoes “{feeling}”' });
    expect(matched(pack, "You've been so scared since then.", SCARED)).toEqual(['scared']);
    expect(messageOf(pack, "You've been so scared since then.", SCARED)).toBe('echoes “scared”');
    expect(matched(pack, 'What happened then?', SCARED)).toEqual([]);
    expect(matched(pack, "You've been so scared since then.")).toEqual([]);
  });

  it('verbatim: fire on runs of the client’s words copied whole, not on the same thing in other words', async () => {
    const pack = await packWith({ type: 'mirror', measure: 'verbatim', min: 0.5 });
    expect(matched(pack, 'My boss shouted at me.', 'My boss shouted at me again today.')).toEqual(['My boss shouted at me']);
    expect(matched(pack, 'Your manager raised his voice.', 'My boss shouted at me again today.')).toEqual([]);
  });

  it('content-overlap: fire when the reply shares none of what the client said, once the client said enough', async () => {
    const pack = await packWith({ type: 'mirror', measure: 'content-overlap', max: 0, minClientWords: 3 });
    expect(matched(pack, 'Have you tried yoga?', SISTER)).toEqual(['Have you tried yoga']);
    expect(matched(pack, 'Your sister has stopped calling.', SISTER)).toEqual([]);
    expect(matched(pack, 'Have you tried yoga?', 'No.')).toEqual([]);
  });

  it('feeling-mismatch: fire on a feeling put on the client that is not the one they named', async () => {
    const pack = await packWith({ type: 'mirror', measure: 'feeling-mismatch', min: 1 });
    expect(matched(pack, 'You sound angry.', "I'm anxious about it.")).toEqual(['angry']);
    expect(matched(pack, 'You sound anxious.', "I'm anxious about it.")).toEqual([]);
  });

  it('contradiction: fire on a feeling of `lexicon` put on a client who spoke only in `against`’s terms', async () => {
    const pack = await packWith({ type: 'mirror', measure: 'contradiction', lexicon: 'negative-feelings', against: 'positive', unlessClient: 'negative', min: 1 });
    const happy = "I'm so happy, I passed my driving test!";
    expect(matched(pack, "It sounds like you're anxious about driving alone now.", happy)).toEqual(['anxious']);
    expect(matched(pack, 'It sounds like you are really pleased.', happy)).toEqual([]);
  });

  it('stay quiet when an `unless` pattern occurs in the reply', async () => {
    const pack = await packWith({ type: 'mirror', measure: 'feeling-echo', min: 1, unless: ["don't be"] });
    expect(matched(pack, "Don't be scared.", SCARED)).toEqual([]);
    expect(matched(pack, 'You sound so scared.', SCARED)).toEqual(['scared']);
  });

  it('judge only short statements said to the client, with `maxWords`, `statementsOnly` and `requires`', async () => {
    const pack = await packWith({ type: 'mirror', measure: 'content-overlap', min: 0.2, maxWords: 8, statementsOnly: true, requires: ['(you|your)'] });
    expect(matched(pack, 'Your sister has stopped calling you.', SISTER)).toEqual(['sister has stopped calling']);
    expect(matched(pack, 'Has your sister stopped calling?', SISTER)).toEqual([]);
    expect(matched(pack, 'Sisters do stop calling, you know, when they get busy with their own lives.', SISTER)).toEqual([]);
    expect(matched(pack, 'Sisters stop calling sometimes.', SISTER)).toEqual([]);
  });

  it('are refused at load with an unknown measure or key, at the line of the key', async () => {
    const measure = { type: 'mirror', measure: 'echo', min: 1 };
    expect(await problemWith(measure)).toMatchObject({ file: FILE, line: lineOf(measure, 'measure:'), ruleId: ID, message: expect.stringMatching(/^measure: .*"feeling-echo"/) });
    const key = { type: 'mirror', measure: 'feeling-echo', lexicons: 'feelings' };
    expect(await problemWith(key)).toEqual({ file: FILE, line: lineOf(key, 'lexicons:'), ruleId: ID, message: 'unknown key "lexicons"' });
  });
});
