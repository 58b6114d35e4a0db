// Entry point for `rapport rules` alone, built like main-check.ts into one CommonJS
// file with a V8 code cache (see bin/rapport): the same program as main.ts with
// only this command registered.
import { runCli } from './program.js';

runCli({ rules: () => import('./commands/rules.js') });
