// The CSV a supervisor opens in a spreadsheet must not run a transcript's text as a formula,
// and must not mangle what is plainly not one.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rapport } from '../helpers.js';

describe('batch --format csv', () => {
  it('guards text a spreadsheet would run as a formula, and leaves "-" and numbers alone', () => {
    const input = JSON.stringify([
      { speaker: 'client', text: '-5 out of 10, honestly.' },
      { speaker: 'counsellor', text: '=HYPERLINK("http://example.invalid")' },
      { speaker: 'client', text: '@everyone hates me' },
      { speaker: 'counsellor', text: 'It sounds like you feel shut out.' },
    ]);
    const { status, stdout } = rapport(['batch', '-', '--format', 'csv'], { input });
    expect(status).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.source).toBe('-');
    expect(rows[0]!.client).toBe("'-5 out of 10, honestly.");
    expect(rows[0]!.text).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(rows[1]!.client).toBe("'@everyone hates me");
  });
});
