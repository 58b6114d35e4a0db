#!/usr/bin/env node
// npm run eval -- FILE...: measure the rules against each coded file (AnnoMI's
// CSV, ESConv's dialogue TSV) and keep the README's agreement tables current,
// AnnoMI's between the eval:start/eval:end markers and ESConv's between
// eval-esconv:start/eval-esconv:end. Which table a file fills comes from the
// report's own summary heading, so the layout is detected once, by rapport.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The datasets are not shipped (only samples in their layouts, fixtures/eval/, whose figures mean nothing).
const WHERE = "AnnoMI's dev-full.csv from the public AnnoMI repository on GitHub (uccollab/AnnoMI), or ESConv's TSV";
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error(`eval: give the coded files to measure: npm run eval -- FILE..., each ${WHERE}`);
  process.exit(2);
}
const readme = join(root, 'README.md');
let text = readFileSync(readme, 'utf8');
for (const data of files) {
  if (!existsSync(data)) {
    console.error(`eval: ${data} not found: give the path to ${WHERE}; README left as it was`);
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
  const marker = start >= 0 && lines[start].includes('ESConv') ? 'eval-esconv' : 'eval';
  const marked = new RegExp(`(<!-- ${marker}:start -->\\n)[\\s\\S]*?(<!-- ${marker}:end -->)`);
  if (start < 0 || !marked.test(text)) {
    console.error(`eval: the ${marker} README markers or the summary table are missing; README left as it was`);
    process.exit(1);
  }
  const table = lines.slice(start + 1).filter((line) => line.trim() !== '').map((line) => line.trimEnd());
  // A blank line ends the Markdown table before the note under it.
  const rows = table.filter((line) => line.startsWith('|'));
  const notes = table.filter((line) => !line.startsWith('|'));
  text = text.replace(marked, (_, open, close) => `${open}${[...rows, '', ...notes].join('\n')}\n${close}`);
  console.error(`eval: README ${marker} table from ${data}`);
}
writeFileSync(readme, text);
