// A path the user gave as relative is printed as given, in every format and in errors: never made
// absolute, even when it leads out of the working folder.
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { expectClean, run } from './helpers.js';

const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'rapport-rel-')));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cwd = join(tmp, 'here');
mkdirSync(cwd);
mkdirSync(join(tmp, 't'));
writeFileSync(join(tmp, 't', 's.txt'), 'Client: I feel stuck.\nTherapist: You need to calm down.\n');
writeFileSync(join(tmp, 't', 'bad.csv'), 'nothing,useful\n1,2\n');
writeFileSync(join(tmp, 'h.md'), 'Counsellor: You need to calm down.\n');
mkdirSync(join(tmp, 'm'));
writeFileSync(join(tmp, 'm', 'g.md'), 'Counsellor: Why don’t you just relax?\n');
copyFileSync(join(ROOT, 'fixtures/eval/coded.csv'), join(tmp, 'coded.csv'));

/** The output names the files as given and holds no absolute path into the test's folder. */
function asGiven(args: string[], names: string[], codes: number[]): void {
  const result = run(args, { cwd });
  expectClean(result, codes);
  const all = result.stdout + result.stderr;
  for (const name of names) expect(all, `${args.join(' ')}: ${name}`).toContain(name);
  expect(all, args.join(' ')).not.toContain(tmp);
}

describe('relative paths as given', () => {
  it.each(['text', 'json', 'jsonl', 'csv', 'markdown', 'html'])('batch --format %s', (format) => {
    asGiven(['batch', '../t', '--format', format], ['../t/s.txt', '../t/bad.csv'], [2]);
  });

  it('batch of a file and of a glob', () => {
    asGiven(['batch', '../t/s.txt', '--format', 'jsonl'], ['"../t/s.txt"'], [0]);
    asGiven(['batch', '../t/*.txt', '--format', 'json'], ['"../t/s.txt"'], [0]);
  });

  it.each(['text', 'json', 'sarif', 'junit', 'github'])('lint --format %s', (format) => {
    asGiven(['lint', '../h.md', '../m/*.md', '--format', format], ['../h.md', '../m/g.md'], [0, 1]);
  });

  it('lint of a folder', () => {
    asGiven(['lint', '../m', '--format', 'json'], ['"../m/g.md"'], [0, 1]);
  });

  it('check, eval and rule files, in their output and their errors', () => {
    asGiven(['check', '--file', '../nothing.txt'], ['../nothing.txt'], [2]);
    asGiven(['check', '--client-file', '../t/bad.csv', '--file', '../nothing.txt'], ['../nothing.txt'], [2]);
    asGiven(['eval', '../coded.csv', '--format', 'json'], ['"../coded.csv"'], [0]);
    mkdirSync(join(tmp, 'pk'), { recursive: true });
    writeFileSync(join(tmp, 'pk', 'r.yaml'), 'rules:\n  - id: x.y\n    bad: [\n');
    asGiven(['rules', 'validate', '../pk'], ['../pk/r.yaml'], [2]);
    asGiven(['check', '--rules', '../pk', 'hi'], ['../pk/r.yaml'], [2]);
  });
});
