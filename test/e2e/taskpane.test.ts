/**
 * End to end: build the add-in, serve dist/ on localhost, open the task pane in headless Chromium (preview
 * mode: no Office host), press 一键校验, find the planted error with its cell, click it, and see the grid
 * highlight that cell. A screenshot is saved to test-artifacts/.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import path from 'path';
import { Browser, chromium } from 'playwright-core';
import { serve } from './serve';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const OUT = path.join(ROOT, 'dist');

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  // the production build, with the add-in's own copy of office.js (this machine has no internet)
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'officeJs=local'], { cwd: ROOT, stdio: 'pipe' });
  server = await serve(OUT);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('preview mode: 一键校验 lists the planted error with its cell; clicking it highlights the cell', async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('button', { name: '一键校验' }).click();
  const first = page.locator('[data-finding]').first();
  await first.waitFor();
  expect(await page.locator('[data-finding]').count()).toBe(2);
  expect(await first.textContent()).toContain('收支表!D22');
  expect(await first.textContent()).toContain('建议改为 301.62');
  expect(await page.locator('[data-selected="true"]').count()).toBe(0);
  await first.click();
  await page.locator('td[data-selected="true"]').first().waitFor();
  const highlighted = await page.locator('td[data-selected="true"]').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.cell));
  expect(highlighted).toContain('D22');
  expect(await page.locator('td[data-cell="D22"]').textContent()).toBe('310.62');
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-preview.png'), fullPage: true });
  expect(existsSync(path.join(ARTIFACTS, 'taskpane-preview.png'))).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test('the production page works with no office.js at all (no network, no Office global): preview, no script error', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/office-js/**', (route) => route.abort());
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.locator('[data-finding]').first().waitFor();
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
  expect(await page.evaluate(() => document.body.dataset.mode)).toBe('preview');
  expect(errors).toEqual([]);
  await page.close();
});
