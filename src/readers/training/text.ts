/**
 * Plain-text training notes: `Label: words` lines; an unlabelled line directly below a turn
 * continues it; a blank line ends a turn; an unlabelled line after a blank line is prose and
 * ends the dialogue (client context does not carry across it).
 * Suppression: `# rapport-disable-next-line [ids]`, `# rapport-disable [ids]`, `# rapport-enable [ids]` lines.
 */
import type { Example, ExtractOptions } from './types.js';
import { Collector, parseDirectives, resolveOptions, stripInlineMarkup } from './dialogue.js';
import { LineIndex, sliceMapped, verbatim } from './mapped.js';

const DIRECTIVE_LINE = /^[ \t]*(?:#|\/\/)[ \t]*rapport-(?:disable-next-line|disable|enable)(?![\w-])/;
const TIMESTAMP = /^[ \t]*(?:\[\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\]|\(\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?\))[ \t]*/;

export function extractText(content: string, options?: Partial<ExtractOptions>): Example[] {
  const opts = resolveOptions(options);
  const index = new LineIndex(content);
  const collector = new Collector(opts, (o) => index.position(o));
  for (let line = 1; line <= index.starts.length; line++) {
    const [start, end] = index.lineRange(line);
    const raw = content.slice(start, end);
    if (DIRECTIVE_LINE.test(raw)) {
      for (const d of parseDirectives(raw)) collector.directive(d);
      continue;
    }
    if (raw.trim() === '') {
      collector.endTurn();
      continue;
    }
    let m = verbatim(content, start, end);
    const ts = TIMESTAMP.exec(m.text);
    if (ts) m = sliceMapped(m, ts[0].length);
    collector.line(stripInlineMarkup(m));
  }
  return collector.finish();
}
