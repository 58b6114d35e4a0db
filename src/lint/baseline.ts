// Baselines: findings that already exist when a team adopts `rapport lint` (or
// a stricter rule) are recorded once and stop blocking; new ones still do.
// A finding is known by its file, rule and the example's text, never by line
// number, so editing material above it does not turn it into a "new" finding.
import { z } from 'zod';
import type { FileResult } from './types.js';

export const BASELINE_VERSION = 1;

const entrySchema = z.strictObject({
  file: z.string().min(1),
  ruleId: z.string().min(1),
  example: z.string(),
});

export const baselineSchema = z.strictObject({
  schemaVersion: z.literal(BASELINE_VERSION),
  tool: z.string().optional(),
  findings: z.array(entrySchema),
});

export type BaselineEntry = z.infer<typeof entrySchema>;
export type Baseline = z.infer<typeof baselineSchema>;

const keyOf = (entry: BaselineEntry): string => JSON.stringify([entry.file, entry.ruleId, entry.example]);

/**
 * The baseline of these results. `fileKey` turns a result's path into the name
 * stored (relative to the baseline file, so the baseline works from any folder).
 */
export function toBaseline(files: FileResult[], fileKey: (path: string) => string): Baseline {
  const findings = files
    .flatMap((file) => file.messages.map((m) => ({ file: fileKey(file.path), ruleId: m.ruleId, example: m.example })))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { schemaVersion: BASELINE_VERSION, tool: 'rapport lint', findings };
}

/**
 * Drop the findings the baseline knows, counting them in `baselined`. Each
 * baseline entry absorbs one finding: a second copy of a known problem is new.
 */
export function applyBaseline(files: FileResult[], baseline: Baseline, fileKey: (path: string) => string): FileResult[] {
  const budget = new Map<string, number>();
  for (const entry of baseline.findings) budget.set(keyOf(entry), (budget.get(keyOf(entry)) ?? 0) + 1);
  return files.map((file) => {
    const key = fileKey(file.path);
    let baselined = file.baselined;
    const messages = file.messages.filter((m) => {
      const k = keyOf({ file: key, ruleId: m.ruleId, example: m.example });
      const left = budget.get(k) ?? 0;
      if (left <= 0) return true;
      budget.set(k, left - 1);
      baselined++;
      return false;
    });
    return { ...file, messages, baselined };
  });
}
