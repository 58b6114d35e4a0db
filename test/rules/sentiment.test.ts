// rules/sentiment.yaml is derived from AFINN-165 by bin/derive-lexicons.mjs;
// a hand edit, or a new AFINN release, must not drift from what the script writes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain build script, without types
import { sentimentYaml } from '../../bin/derive-lexicons.mjs';

describe('rules/sentiment.yaml', () => {
  it('is what bin/derive-lexicons.mjs derives from AFINN-165', () => {
    expect(readFileSync(new URL('../../rules/sentiment.yaml', import.meta.url), 'utf8')).toBe(sentimentYaml());
  });
});
