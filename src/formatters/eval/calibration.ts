// `rapport eval SET.yaml`: how far rapport's scores agree with a supervisor's.
import type { CalibrationReport, Share } from '../../eval/calibration.js';

const percent = ({ hits, of }: Share): string => (of === 0 ? '–' : `${hits}/${of} (${Math.round((100 * hits) / of)}%)`);

/** The cases where rapport and the supervisor disagree most, worst first. */
function worst(report: CalibrationReport, count: number) {
  return [...report.scored]
    .sort((a, b) => Math.abs(b.score - b.case.score) - Math.abs(a.score - a.case.score))
    .slice(0, count)
    .map((item) => ({ id: item.case.id ?? null, band: item.case.band, supervisor: item.case.score, rapport: item.score, client: item.case.client ?? null, reply: item.case.reply }));
}

export function formatCalibrationText(report: CalibrationReport, file: string, examples: number): string {
  const lines = [
    `Agreement with the supervisor's scores in ${file} (${report.n} replies)`,
    '',
    `  rank correlation (Spearman)      ${report.spearman === null ? '–' : report.spearman.toFixed(2)}`,
    `  good replies scoring 70 or more  ${percent(report.good)}`,
    `  poor and harmful at 45 or less   ${percent(report.poor)}`,
    `  coaching phrases carrying harm   ${percent(report.gaming)} at 45 or less`,
    `  mixed replies between 40 and 69  ${percent(report.mixed)}`,
  ];
  const listed = worst(report, examples);
  if (listed.length) {
    lines.push('', 'Largest disagreements');
    for (const item of listed) {
      lines.push(`  ${item.id ?? '·'}  ${item.band}: supervisor ${item.supervisor}, rapport ${item.rapport}`);
      if (item.client) lines.push(`    client: ${item.client}`);
      lines.push(`    reply:  ${item.reply}`);
    }
  }
  return lines.join('\n');
}

export function formatCalibrationJson(report: CalibrationReport, file: string, examples: number): string {
  const { scored, ...figures } = report;
  return JSON.stringify({ file, ...figures, disagreements: worst({ ...report, scored }, examples) }, null, 2);
}
