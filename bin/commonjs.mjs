// Running a CommonJS bundle through V8's code cache. Node 20 keeps no code
// cache for ES modules, so bin/rapport runs `rapport check`, the command whose
// wait is mostly start-up, from dist/check.cjs, compiled with the cache the
// build made (dist/check.cjs.cache). A cache V8 rejects (another Node version,
// other V8 flags) only costs the compile it would have saved.
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Compiles and runs `file` as a CommonJS module (with `cacheFile`'s code cache when there is one); returns its script. */
export function runCommonJs(file, cacheFile = null) {
  let cachedData;
  try {
    cachedData = cacheFile === null ? undefined : readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return script;
}
