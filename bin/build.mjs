#!/usr/bin/env node
// Build: bundle src/ into dist/ (one chunk per command, so a start loads only
// what it runs), then validate the built-in rule pack and store it compiled, so
// `rapport check` parses no YAML, and write the published JSON Schemas.
import { build } from 'esbuild';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  // costs more at start-up than parsing one chunk.
  external: ['playwright-core'],
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
