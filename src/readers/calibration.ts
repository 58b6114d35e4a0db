// Calibration sets: (client, reply, supervisor score, band) cases in YAML, the
// shape of fixtures/calibration/. Read for `rapport eval` and `rules fit`.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { yamlLineBreaks, yamlProblem } from '../core/limits.js';
import { SUPERVISOR_BANDS, type CalibrationCase, type SupervisorBand } from '../eval/calibration.js';
import { InputError } from '../io/errors.js';

/** A path ending in .yaml or .yml is read as a calibration set by `rapport eval`. */
export const isCalibrationFile = (path: string): boolean => /\.ya?ml$/i.test(path);

export function readCalibration(content: string, file: string): CalibrationCase[] {
  const lines = new LineCounter();
  const document = parseDocument(yamlLineBreaks(content), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number | null => (node?.range ? lines.linePos(node.range[0]).line : null);
  const first = document.errors[0];
  if (first) throw new InputError(file, yamlProblem(first.message), first.linePos?.[0].line ?? null);
  const root = document.contents;
  const cases = isMap(root) ? root.get('cases', true) : null;
  if (!isSeq(cases)) throw new InputError(file, 'a calibration set is a YAML map with a list of `cases` (client, reply, score, band)', lineOf(root as Node));
  return cases.items.map((item, index) => {
    const line = lineOf(item as Node);
    const fail = (detail: string): never => {
      throw new InputError(file, `case ${index + 1}: ${detail}`, line);
    };
    if (!isMap(item)) return fail('each case is a map with reply, score and band');
    const value = item.toJSON() as Record<string, unknown>;
    const { id, client, reply, score, band, gaming } = value;
    if (typeof reply !== 'string' || reply.trim() === '') fail('`reply` must be the reply, as text');
    if (client !== undefined && client !== null && typeof client !== 'string') fail('`client`, when given, must be text');
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) fail('`score` must be the supervisor\'s score, a number from 0 to 100');
    if (!SUPERVISOR_BANDS.includes(band as SupervisorBand)) fail(`\`band\` must be one of ${SUPERVISOR_BANDS.join(', ')}`);
    if (gaming !== undefined && typeof gaming !== 'boolean') fail('`gaming`, when given, must be true or false');
    return {
      ...(id === undefined ? {} : { id: String(id) }),
      client: (client as string | null | undefined) ?? null,
      reply: reply as string,
      score: score as number,
      band: band as SupervisorBand,
      ...(gaming === undefined ? {} : { gaming: gaming as boolean }),
    };
  });
}
