#!/usr/bin/env node
// Build: bundle src/ into dist/ (one chunk per command, so a start loads only
// what it runs), then validate the built-in rule pack and store it compiled, so
// `rapport check` parses no YAML, and write the published JSON Schemas.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: { main: join(root, 'src/cli/main.ts'), build: join(root, 'src/io/build-assets.ts') },
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
});

const { builtinCache, ruleFileJsonSchema, configJsonSchema } = await import(join(root, 'dist/build.js'));
try {
  writeFileSync(join(root, 'dist/builtin-pack.json'), await builtinCache());
} catch (error) {
  console.error(`build: the built-in rule pack is invalid: ${error.message}`);
  process.exit(1);
}
writeFileSync(join(root, 'rules/schema.json'), `${JSON.stringify(ruleFileJsonSchema(), null, 2)}\n`);
writeFileSync(join(root, 'rules/config.schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
