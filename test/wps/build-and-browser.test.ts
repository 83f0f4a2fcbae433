/**
 * The WPS 加载项 as built by `npm run build:wps` (issue 11): the folder WPS loads (ribbon.xml with the 自评校核 button on
 * the 开始 tab, the ribbon page, the pane, icons, the deployment files), nothing from a CDN, bundles at the syntax
 * of WPS's oldest Chromium (engines.js; test/bundles/ runs them in an engine stripped to it); then the built pane
 * in headless Chromium with the fake ET Application injected as `window.Application`: it says it runs in WPS 表格,
 * lists the planted error of the sample workbook, and selects its cell on a click.
 * A screenshot goes to test-artifacts/taskpane-wps.png.
 */
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { Browser, Page } from 'playwright-core';
import { ARTIFACTS, bundleForPage, launchChromium, shot } from '../helpers/browser';
import { serve } from '../../scripts/serve';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'dist-wps');

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let fakeScript = '';

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'wps', '--env', 'url=http://10.0.0.8/selfeval/'], { cwd: ROOT, stdio: 'pipe' });
  fakeScript = await bundleForPage(path.join(__dirname, 'browser-fake.ts'));
  server = await serve(OUT);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the folder WPS loads: ribbon.xml with a 自评校核 button on the 开始 tab, its page, the pane, icons, deployment files', () => {
  const ribbon = readFileSync(path.join(OUT, 'ribbon.xml'), 'utf8');
  expect(ribbon).toMatch(/<tab idMso="TabHome">[\s\S]*<button id="selfevalOpen" label="自评校核"[^>]*onAction="ribbon.OnAction"/);
  // loaded by the page's inline feature test (src/engine-check.js) where the engine runs it
  expect(readFileSync(path.join(OUT, 'index.html'), 'utf8')).toMatch(/bundles:\["ribbon\.[0-9a-f]+\.js"\]/);
  for (const f of ['taskpane.html', 'assets/icon-32.png', 'deploy/jsplugins.xml', 'deploy/publish.xml', 'deploy/oem.ini']) expect(existsSync(path.join(OUT, f))).toBe(true);
  expect(readFileSync(path.join(OUT, 'deploy/publish.xml'), 'utf8')).toContain('<jspluginonline name="selfeval-checker" type="et" url="http://10.0.0.8/selfeval/" />');
  expect(readFileSync(path.join(OUT, 'deploy/jsplugins.xml'), 'utf8')).toContain('url="http://10.0.0.8/selfeval/selfeval-checker_0.1.0.7z"');
});

test('nothing from a CDN, no office.js, and every bundle parses at the syntax of WPS’s oldest Chromium (engines.js)', () => {
  const page = readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
  expect(page).not.toMatch(/<script[^>]+src=["']?https?:/);
  expect(page).not.toContain('office.js');
  const acorn = require('acorn') as { parse(code: string, o: { ecmaVersion: number }): unknown };
  const bundles = readdirSync(OUT).filter((f) => f.endsWith('.js'));
  expect(bundles.length).toBe(2);
  const { ecmaVersion } = require('../../src/engines.js').wps as { ecmaVersion: 2019 };
  for (const f of bundles) expect(() => acorn.parse(readFileSync(path.join(OUT, f), 'utf8'), { ecmaVersion })).not.toThrow();
});

/** The built pane with the fake ET Application as `window.Application`, and the script errors the page raises. */
async function openPane(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(fakeScript);
  await page.goto(`${server.url}/taskpane.html`);
  return { page, errors };
}

test('the built pane in WPS (the fake as window.Application): says so, lists the planted error, selects its cell', async () => {
  const { page, errors } = await openPane(420, 900);
  await page.getByText('运行于 WPS 表格').waitFor();
  expect(await page.evaluate(() => document.body.dataset.mode)).toBe('wps');
  await page.getByRole('button', { name: '一键校验' }).click();
  const first = page.locator('[data-finding]').first();
  await first.waitFor();
  expect(await first.textContent()).toContain('收支表!D22');
  expect(await first.textContent()).toContain('建议改为 301.62');
  await first.click();
  await page.waitForFunction(() => (window as unknown as { __fakeEt: { selection: string } }).__fakeEt.selection === '收支表!D22');
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-wps.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

test('at 350 × 800 in WPS: the error and its 改为建议值 on the first screen; the fix, its confirmation, and 撤销', async () => {
  const { page, errors } = await openPane(350, 800);
  await page.getByRole('button', { name: '一键校验' }).click();
  const fix = page.getByRole('button', { name: '改为建议值：收支表!D22 → 301.62' });
  await fix.waitFor();
  const box = await fix.boundingBox();
  expect(box && box.y + box.height <= 800 && box.x + box.width <= 350).toBe(true);
  expect(await page.locator('[data-finding]').first().getAttribute('data-group')).toBe('收支表!D22');
  const d22 = (): Promise<unknown> => page.evaluate(() => (window as unknown as { __fakeEt: { ActiveWorkbook: { Worksheets: { Item(n: string): { Range(a: string): { Value2: unknown } } } } } })
    .__fakeEt.ActiveWorkbook.Worksheets.Item('收支表').Range('D22').Value2);
  await fix.click();
  await page.getByText('已完成“改为建议值”').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-group="收支表!D22"]'));
  expect(await d22()).toBe(301.62);
  await shot(page, 'pane-wps-fixed.png', true);
  await page.locator('[data-done]').getByRole('button', { name: '撤销' }).click();
  await page.locator('[data-group="收支表!D22"]').waitFor();
  expect(await d22()).toBe(310.62);
  expect(errors).toEqual([]);
  await page.close();
});
