// The HTML report in a real headless browser (Debian's chromium, which the test setup installs):
// it renders, the charts are visible, nothing is logged as an error, nothing is fetched.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, needs } from '../setup/system.js';
import { rapport, tempDir } from './helpers.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let report: string;

beforeAll(async () => {
  needs('chromium');
  const dir = tempDir();
  report = join(dir, 'report.html');
  // A long enough transcript for verdicts, next to the short fixtures.
  const lines = ['speaker,text,student'];
  for (let i = 0; i < 12; i++) {
    lines.push(`client,"I keep putting off the exercise plan, number ${i}.",Sam`);
    lines.push(i % 3 === 0 ? 'counsellor,You need to just do it.,Sam' : `counsellor,"It sounds like part of you wants to change, and part of you is tired. What matters most to you here?",Sam`);
  }
  writeFileSync(join(dir, 'long.csv'), `${lines.join('\n')}\n`);
  const run = rapport(['batch', '--format', 'html', '--out', report, join(dir, 'long.csv'), 'fixtures/transcripts/session.txt', 'fixtures/transcripts/session.vtt']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('batch --format html in a browser', () => {
  it('renders the cohort table, charts and weakest turns without errors or network requests', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(report).href);

    expect(await page.title()).toMatch(/rapport/);
    const rows = page.locator('table.cohort tbody tr:not(.group)');
    expect(await rows.count()).toBe(3);
    const timelines = page.locator('svg.timeline');
    expect(await timelines.count()).toBe(3);
    for (const chart of await timelines.all()) {
      const box = await chart.boundingBox();
      expect(box && box.width > 100 && box.height > 30).toBe(true);
      expect(await chart.isVisible()).toBe(true);
    }
    const line = await page.locator('svg.timeline polyline').first().boundingBox();
    expect(line && line.width > 10).toBe(true);
    const profile = await page.locator('svg.profile').first().boundingBox();
    expect(profile && profile.width > 50 && profile.height > 50).toBe(true);
    expect(await page.locator('text=Weakest turns').first().isVisible()).toBe(true);
    expect(await page.locator('blockquote.rewrite').count()).toBeGreaterThan(0);
    expect(await page.locator('text=/too few turns to judge/i').first().isVisible()).toBe(true);
    // The long transcript has enough turns for MITI verdicts.
    expect(await page.locator('table.miti .badge.good, table.miti .badge.fair, table.miti .badge.below').count()).toBeGreaterThan(0);

    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('prints: charts stay visible and the page lays out for paper', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    await page.emulateMedia({ media: 'print' });
    const box = await page.locator('svg.timeline').first().boundingBox();
    expect(box && box.width > 100).toBe(true);
    expect(await page.locator('.hint').first().isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  }, 60_000);

  it('sorts the cohort table when a heading is clicked', async () => {
    // Without a group column the cohort is one sortable table.
    const plain = join(tempDir(), 'plain.html');
    expect(rapport(['batch', '--format', 'html', '--out', plain, 'fixtures/transcripts/session.txt', 'fixtures/transcripts/session.csv']).status).toBe(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(plain).href);
    const names = async (): Promise<string[]> => page.locator('table.cohort tbody tr td:first-child').allTextContents();
    await page.locator('th[data-key="name"]').click();
    const ascending = await names();
    expect(ascending).toHaveLength(2);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    await page.locator('th[data-key="name"]').click();
    expect(await names()).toEqual([...ascending].reverse());
    await page.close();
  }, 60_000);
});
