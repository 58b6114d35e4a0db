/**
 * Extraction of example counsellor replies from training material, for `rapport lint`.
 * Pure: content in, examples with exact source positions out; no I/O.
 */
import { overlongLine, replyTooLong, tooLongToScore } from '../../core/limits.js';
import { ExtractError, type Example, type ExtractOptions } from './types.js';
import { extractMarkdown } from './markdown.js';
import { extractText } from './text.js';
import { extractYaml } from './yaml.js';

export type { Example, ExtractOptions, Position } from './types.js';
export { ExtractError } from './types.js';
export { DEFAULT_OPTIONS } from './dialogue.js';
export { extractMarkdown } from './markdown.js';
export { extractText } from './text.js';
export { extractYaml } from './yaml.js';

export type TrainingFormat = 'markdown' | 'yaml' | 'text';

/** The reader used for a file name: .md/.markdown/.mdx → markdown, .yaml/.yml → yaml, anything else → text. */
export function formatOf(fileName: string): TrainingFormat {
  const m = /\.([^./\\]+)$/.exec(fileName);
  const ext = m ? m[1]!.toLowerCase() : '';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return 'markdown';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return 'text';
}

/**
 * The example counsellor replies in a training file, in source order.
 * @throws ExtractError for malformed YAML (with its line) or YAML aliases that expand too much.
 */
export function extractExamples(content: string, fileName: string, options?: Partial<ExtractOptions>): Example[] {
  // A byte-order mark is invisible in editors: columns on line 1 are counted without it.
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const format = formatOf(fileName);
  const long = overlongLine(body);
  if (long) throw new ExtractError(tooLongToScore(long.length, 'line'), long.line);
  const examples = format === 'markdown' ? extractMarkdown(body, options) : format === 'yaml' ? extractYaml(body, options) : extractText(body, options);
  for (const example of examples) {
    const tooLong = replyTooLong(example.text, 'example reply');
    if (tooLong) throw new ExtractError(tooLong, example.line);
  }
  return examples;
}
