// `rapport lint --format sarif`: SARIF 2.1.0, for GitHub code scanning and
// other SARIF viewers. Each rule's help is its rationale and message, so a
// reader of the alert learns why the phrasing matters, not only where it is.
import type { LintReport, RuleInfo } from '../../lint/types.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
  version: string;
}

function helpOf(rule: RuleInfo): { text: string; markdown: string } {
  const parts = [rule.rationale, `Message: ${rule.message}`, rule.suggestion ? `Suggestion: ${rule.suggestion}` : ''].filter(Boolean);
  const markdown = [
    rule.rationale,
    `**Message:** ${rule.message}`,
    rule.suggestion ? `**Suggestion:** ${rule.suggestion}` : '',
    rule.id.startsWith('rapport/') ? '' : `See \`rapport rules show ${rule.id}\` for examples.`,
  ].filter(Boolean);
  return { text: parts.join('\n\n'), markdown: markdown.join('\n\n') };
}

export function formatSarif(report: LintReport, rules: RuleInfo[], options: SarifOptions): string {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = report.files.flatMap((file) =>
    file.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: index.get(m.ruleId) ?? 0,
      level: LEVEL[m.severity],
      message: { text: m.suggestion ? `${m.message} ${m.suggestion}` : m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn, snippet: { text: m.match } },
          },
        },
      ],
      // Stable across edits above the example, so code scanning tracks the same alert.
      partialFingerprints: { 'rapportExample/v1': fingerprint(`${file.file}\u0000${m.ruleId}\u0000${m.example}`) },
    })),
  );
  const notifications = report.problems.map((problem) => ({
    level: 'error',
    message: { text: problem.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(problem.file), uriBaseId: '%SRCROOT%' },
          ...(problem.line !== null ? { region: { startLine: problem.line, ...(problem.column !== null ? { startColumn: problem.column } : {}) } } : {}),
        },
      },
    ],
  }));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rapport',
            version: options.version,
            semanticVersion: options.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
              shortDescription: { text: rule.message },
              fullDescription: { text: rule.rationale || rule.message },
              help: helpOf(rule),
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { tags: ['rapport', ...(rule.dimension ? [rule.dimension] : [])] },
            })),
          },
        },
        invocations: [{ executionSuccessful: report.problems.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder rapport lint ran in.' } } },
        artifacts: report.files.map((file) => ({ location: { uri: encodeURI(file.file), uriBaseId: '%SRCROOT%' } })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** A short, stable, non-cryptographic hash (FNV-1a, 64 bits as hex). */
function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
