import type { EvalReport } from '../../eval/evaluate.js';

export function formatEvalJson(report: EvalReport): string {
  return JSON.stringify(report, null, 2);
}
