// Build step: run a CommonJS bundle once on a typical input, then store V8's
// code cache for it, holding every function that run compiled.
//   node bin/build-code-cache.mjs BUNDLE CACHE ARGS...
import { writeFileSync } from 'node:fs';
import { runCommonJs } from './commonjs.mjs';

const [bundle, cache, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], bundle, ...args];
const script = runCommonJs(bundle);
process.on('exit', () => writeFileSync(cache, script.createCachedData()));
