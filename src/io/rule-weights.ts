// Writing fitted weights back into rule files. Only the number after each
// rule's `weight:` changes: comments, quoting and layout stay as written, so
// the diff a maintainer reviews is the weights and nothing else.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { CompiledPack } from '../core/rules/pack.js';
import { InputError } from './errors.js';
import { readTextFile } from './input.js';
import { replaceAtomically } from './output.js';
import { PACKAGE_ROOT } from './packs.js';

export function setWeights(content: string, weights: ReadonlyMap<string, number>, file: string): string {
  const document = parseDocument(content);
  const rules = isMap(document.contents) ? document.contents.get('rules', true) : null;
  const edits: { start: number; end: number; text: string }[] = [];
  if (isSeq(rules)) {
    for (const rule of rules.items) {
      if (!isMap(rule)) continue;
      const id = rule.get('id');
      const weight = rule.get('weight', true);
      if (typeof id !== 'string' || !weights.has(id)) continue;
      if (!isScalar(weight) || !weight.range) throw new InputError(file, `rule "${id}" has no weight to set`);
      edits.push({ start: weight.range[0], end: weight.range[1], text: String(weights.get(id)) });
    }
  }
  let result = content;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** Set each rule's weight in the file it came from; returns the files written. */
export function writeWeights(pack: CompiledPack, weights: ReadonlyMap<string, number>): string[] {
  const byFile = new Map<string, Map<string, number>>();
  for (const [id, weight] of weights) {
    const file = pack.sourceOf.get(id)?.file;
    if (file) (byFile.get(file) ?? byFile.set(file, new Map()).get(file)!).set(id, weight);
  }
  // The built-in pack's files are named from the package root (the build stores them so); others from where rapport runs.
  const located = (file: string): string => (existsSync(file) ? file : join(PACKAGE_ROOT, file));
  // Not writeAtomic: that refuses to replace the run's inputs, and rewriting this input is the point.
  for (const [file, forFile] of byFile) {
    const path = located(file);
    replaceAtomically(path, setWeights(readTextFile(path, 'rules'), forFile, file), statSync(path));
  }
  return [...byFile.keys()];
}
