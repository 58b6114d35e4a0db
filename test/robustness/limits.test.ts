// Every read is bounded in bytes while reading: a device that never ends, or a file far past what its
// kind of input can be, gets one line naming it and exit 2, quickly and in little memory.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { expectClean, run } from './helpers.js';

describe('inputs that never end (/dev/zero and /dev/urandom, as on any Linux or macOS machine)', () => {
  it.each([
    [['check', '--file', '/dev/zero'], '/dev/zero', /larger than 1 MiB, the most rapport reads as a reply/],
    [['check', '--client-file', '/dev/urandom', 'It sounds hard.'], '/dev/urandom', /larger than 1 MiB/],
    [['check', '--config', '/dev/zero', 'It sounds hard.'], '/dev/zero', /larger than 2 MiB, the most rapport reads as a config file/],
    [['eval', '/dev/zero'], '/dev/zero', /larger than 64 MiB/],
    [['lint', '--baseline', '/dev/zero', `${ROOT}fixtures/lint/course`], '/dev/zero', /larger than 64 MiB, the most rapport reads as a lint baseline/],
  ])('rapport %j stops at the limit and names the input', (args, name, message) => {
    const result = run(args);
    expectClean(result, [2]);
    expect(result.stderr).toContain(name);
    expect(result.stderr).toMatch(message);
  });

  it('standard input is bounded too', () => {
    const result = run(['check'], { input: 'a'.repeat(2 * 1024 * 1024) });
    expectClean(result, [2]);
    expect(result.stderr).toMatch(/<stdin>: larger than 1 MiB/);
  });
});
