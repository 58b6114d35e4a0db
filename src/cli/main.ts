// Entry point. Only the command being run is imported (each is its own chunk
// in the bundle), so `rapport check` never pays for the practice UI or the
// Markdown parser. `--help` with no command imports them all to list them.
import { runCli } from './program.js';

runCli({
  check: () => import('./commands/check.js'),
  rules: () => import('./commands/rules.js'),
  batch: () => import('./commands/batch.js'),
  practice: () => import('./commands/practice.js'),
  lint: () => import('./commands/lint.js'),
  eval: () => import('./commands/eval.js'),
});
