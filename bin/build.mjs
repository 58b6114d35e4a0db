#!/usr/bin/env node
// Build: bundle src/ into dist/ (one chunk per command, so a start loads only
// what it runs), then validate the built-in rule pack and store it compiled, so
// `rapport check` parses no YAML, and write the published JSON Schemas. Last,
// `rapport check` alone as one CommonJS file with a V8 code cache (bin/commonjs.mjs).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const outdir = join(root, 'dist');
const result = await build({
  entryPoints: { main: join(root, 'src/cli/main.ts'), build: join(root, 'src/io/build-assets.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: resolving dozens of files through node_modules
  // costs more at start-up than parsing one chunk, and an installed rapport then
  // needs no dependencies at all (package.json lists them as devDependencies).
  alias: { underscore: join(root, 'src/core/tokens/underscore-without.ts') },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});

// Chunk names carry content hashes: drop the ones this build no longer wrote.
const written = new Set(Object.keys(result.metafile.outputs).map((file) => join(root, file)));
for (const name of readdirSync(outdir)) {
  const file = join(outdir, name);
  if (name.endsWith('.js') && !written.has(file)) rmSync(file, { force: true });
}

const { builtinCache, ruleFileJsonSchema, configJsonSchema } = await import(join(root, 'dist/build.js'));
try {
  writeFileSync(join(root, 'dist/builtin-pack.json'), await builtinCache());
} catch (error) {
  console.error(`build: the built-in rule pack is invalid: ${error.message}`);
  process.exit(1);
}
writeFileSync(join(root, 'rules/schema.json'), `${JSON.stringify(ruleFileJsonSchema(), null, 2)}\n`);
writeFileSync(join(root, 'rules/config.schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

// `rapport check` as one CommonJS file. yaml and zod are needed only to parse a
// config file or a rule pack changed since the build: they are required then,
// from their own bundles beside it (dist/vendor/), so an installed rapport
// needs no node_modules of its own.
const vendored = ['yaml', 'zod'];
const requireHere = createRequire(import.meta.url);
await build({
  entryPoints: Object.fromEntries(vendored.map((name) => [name, requireHere.resolve(name)])),
  outdir: join(outdir, 'vendor'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
});
const requireVendored = {
  name: 'vendored',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${vendored.join('|')})$`) }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
  },
};
const check = join(outdir, 'check.cjs');
await build({
  entryPoints: { check: join(root, 'src/cli/main-check.ts') },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [requireVendored],
  // A script run through node:vm has no import(): load them with require.
  supported: { 'dynamic-import': false },
  alias: { underscore: join(root, 'src/core/tokens/underscore-without.ts') },
  define: { 'import.meta.url': '__moduleUrl' },
  banner: { js: "const __moduleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  legalComments: 'none',
});
// One typical check (a client statement, a reply with issues, a rewrite, the text
// report) compiles what most checks run; the cache keeps it compiled.
const warmed = spawnSync(
  process.execPath,
  [
    join(root, 'bin/build-code-cache.mjs'),
    check,
    `${check}.cache`,
    'check',
    '--client',
    "I can't sleep and my boss keeps shouting at me.",
    "You need to calm down. Why don't you just talk to him? Have you tried going to bed earlier?",
  ],
  { cwd: tmpdir(), stdio: ['ignore', 'ignore', 'inherit'] },
);
if (warmed.status !== 0 && warmed.status !== 1) {
  console.error('build: could not make the code cache for rapport check');
  process.exit(1);
}

