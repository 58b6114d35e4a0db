// Entry point for `rapport check` alone: the command people and editors run
// most, one reply at a time, where start-up is most of the wait. The build
// bundles it into one CommonJS file that bin/rapport compiles with a V8 code
// cache made at build time (ES modules have no code cache in Node 20). It is
// the same program as main.ts with only this command registered.
import { runCli } from './program.js';

runCli({ check: () => import('./commands/check.js') });
