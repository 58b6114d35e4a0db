#!/usr/bin/env node
// npm run eval -- PATH: measure the rules against AnnoMI's expert codes in PATH and keep
// the README's agreement table current (between the eval:start/eval:end markers).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// AnnoMI is not shipped (only a sample in its layout, fixtures/eval/annomi-sample.csv, whose figures mean nothing).
const WHERE = "AnnoMI's dev-full.csv, from the public AnnoMI repository on GitHub (uccollab/AnnoMI)";
const data = process.argv[2];
if (data === undefined) {
  console.error(`eval: give the coded CSV to measure against: npm run eval -- PATH, with PATH ${WHERE}`);
  process.exit(2);
}
if (!existsSync(data)) {
  console.error(`eval: ${data} not found: give the path to ${WHERE}`);
  process.exit(2);
}
const report = execFileSync(process.execPath, [join(root, 'bin', 'rapport'), 'eval', data], {
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
  maxBuffer: 64 * 1024 * 1024,
});
process.stdout.write(report);

const lines = report.split('\n');
const start = lines.findIndex((line) => line.startsWith('Summary (Markdown'));
const table = lines.slice(start + 1).filter((line) => line.trim() !== '').map((line) => line.trimEnd());
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const marked = /(<!-- eval:start -->\n)[\s\S]*?(<!-- eval:end -->)/;
if (start < 0 || !marked.test(text)) {
  console.error('eval: README markers or the summary table are missing; README left as it was');
  process.exit(1);
}
// A blank line ends the Markdown table before the note on annotators.
const rows = table.filter((line) => line.startsWith('|'));
const notes = table.filter((line) => !line.startsWith('|'));
writeFileSync(readme, text.replace(marked, `$1${[...rows, '', ...notes].join('\n')}\n$2`));
console.error('eval: README agreement table updated');
