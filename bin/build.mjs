#!/usr/bin/env node
// Build: bundle src/ into dist/ (one chunk per command, so a start loads only
// what it runs), then validate the built-in rule pack and store it compiled, so
// `rapport check` parses no YAML, and write the published JSON Schemas. Last,
// each command but practice as one CommonJS file with a V8 code cache (bin/commonjs.mjs).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
// The commands other than practice get the same: one CommonJS file each, with a
// code cache warmed on a typical run of it (from the repository's fixtures; a
// build without them, or a warm-up that fails, leaves that command uncached,
// which costs only the compile the cache would save).
const fixture = (path) => join(root, 'fixtures', path);
const commonJsCommands = {
  check: {
    entry: 'src/cli/main-check.ts',
    warm: ['check', '--client', "I can't sleep and my boss keeps shouting at me.", "You need to calm down. Why don't you just talk to him? Have you tried going to bed earlier?"],
    required: true,
  },
  batch: { entry: 'src/cli/main-batch.ts', warm: ['batch', fixture('transcripts/session.txt'), fixture('transcripts/session.jsonl')], inputs: ['transcripts/session.txt', 'transcripts/session.jsonl'] },
  lint: { entry: 'src/cli/main-lint.ts', warm: ['lint', fixture('training/handbook.md'), fixture('training/scenarios.yaml')], inputs: ['training/handbook.md', 'training/scenarios.yaml'] },
  eval: { entry: 'src/cli/main-eval.ts', warm: ['eval', fixture('eval/coded.csv')], inputs: ['eval/coded.csv'] },
  rules: { entry: 'src/cli/main-rules.ts', warm: ['rules', 'list'] },
};
for (const [name, { entry, warm, inputs = [], required = false }] of Object.entries(commonJsCommands)) {
  const bundle = join(outdir, `${name}.cjs`);
  await build({
    entryPoints: { [name]: join(root, entry) },
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
  rmSync(`${bundle}.cache`, { force: true });
  if (!inputs.every((path) => existsSync(fixture(path)))) continue;
  // The cache keeps compiled what the warm-up ran (exit 1 is findings, not failure).
  const warmed = spawnSync(process.execPath, [join(root, 'bin/build-code-cache.mjs'), bundle, `${bundle}.cache`, ...warm], {
    cwd: tmpdir(),
    // The fixtures' findings and errors are what they are for; only check's warm-up reports its stderr.
    stdio: ['ignore', 'ignore', required ? 'inherit' : 'ignore'],
  });
  if (warmed.status !== 0 && warmed.status !== 1) {
    rmSync(`${bundle}.cache`, { force: true });
    if (!required) continue;
    console.error(`build: could not make the code cache for rapport ${name}`);
    process.exit(1);
  }
}
