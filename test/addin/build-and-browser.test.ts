/**
 * The add-in as built: the manifest (read offline with office-addin-manifest's reader; every URL a page or icon
 * the build produces, every icon at its size; production URLs replaced), then end to end: serve dist/ on
 * localhost, open the task pane in headless Chromium (preview mode: no Office host), press 一键校验, find the
 * planted error with its cell, click it, and see the grid highlight that cell; and in an engine too old for the
 * pane (no Proxy), the page that says so. Screenshots are saved to test-artifacts/.
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { Browser } from 'playwright-core';
import { ARTIFACTS, launchChromium } from '../helpers/browser';
import { serve } from '../../scripts/serve';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'dist');

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let productionManifest = '';
let productionPage = '';

const webpack = (...env: string[]): void => {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', ...env.flatMap((e) => ['--env', e])], { cwd: ROOT, stdio: 'pipe' });
};

/** Width and height from a PNG's header. */
const pngSize = (file: string): [number, number] => {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};

beforeAll(async () => {
  // a production build for a real host: the manifest's URLs must be replaced
  webpack('url=https://addin.example.gov.cn/selfeval/');
  productionManifest = readFileSync(path.join(OUT, 'manifest.xml'), 'utf8');
  productionPage = readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
  // the build the browser test uses, with the add-in's own copy of office.js (this machine has no internet)
  webpack('officeJs=local');
  server = await serve(OUT);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the manifest parses (office-addin-manifest): Excel workbook host, read-write, zh-CN with en-US overrides, an ExcelApi requirement', () => {
  const m = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'read-manifest.js'), path.join(ROOT, 'manifest.xml')], { encoding: 'utf8' }));
  expect(m.id).toBe('6f1f3c52-8a55-4b8e-9d3f-2f7f5c1a0b11');
  expect(m.defaultLocale).toBe('zh-CN');
  expect(m.displayName).toBe('自评校核');
  expect(m.hosts).toEqual(['Workbook']);
  expect(m.permissions).toBe('ReadWriteDocument');
  const built = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'read-manifest.js'), path.join(OUT, 'manifest.xml')], { encoding: 'utf8' }));
  expect(built.id).toBe(m.id);
  const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  // the level itself is test/excel's (the lowest the read needs; everything above is detected at run time)
  expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
  expect(xml).toContain('<Override Locale="en-US" Value="Self-evaluation checker"/>');
  expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
});

test('every manifest URL is a page or icon the build produces, every icon at its size', () => {
  const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const urls = [...new Set([...xml.matchAll(/"https:\/\/localhost:3000\/([^"]*)"/g)].map((m) => m[1]!))];
  expect(urls.sort()).toEqual(['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png', 'commands.html', 'taskpane.html']);
  for (const u of urls.filter(Boolean)) expect(existsSync(path.join(OUT, u))).toBe(true);
  for (const size of [16, 32, 64, 80]) expect(pngSize(path.join(OUT, `assets/icon-${size}.png`))).toEqual([size, size]);
  // the image resources declare the size of the file they name
  for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="Icon\.(\d+)"\/>/g)) expect(m[1]).toBe(m[2]);
});

test('the production build rewrites every localhost URL of the manifest', () => {
  expect(productionManifest).not.toContain('localhost');
  expect(productionManifest).toContain('<SourceLocation DefaultValue="https://addin.example.gov.cn/selfeval/taskpane.html"/>');
  expect(productionManifest).not.toContain('<AppDomain>'); // the add-in's own origin needs none
});

test('the task pane page loads office.js from Microsoft’s CDN by default and from the add-in’s host on request', () => {
  expect(productionPage).toContain('<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>');
  const local = readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
  expect(local).toContain('<script src=office-js/office.js></script>');
  for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js']) expect(existsSync(path.join(OUT, 'office-js', f))).toBe(true);
});

test('preview mode: 一键校验 lists the planted error with its cell; clicking it highlights the cell', async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('button', { name: '一键校验' }).click();
  const first = page.locator('[data-finding]').first();
  await first.waitFor();
  expect(await page.locator('[data-finding]').count()).toBe(3);
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

test('an engine too old for the pane (no Proxy, as in Internet Explorer 11): 此版本的 Office 过旧 in Chinese and English, no bundle loaded', async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 600 } });
  await page.addInitScript(() => {
    delete (window as unknown as { Proxy?: unknown }).Proxy;
  });
  await page.goto(`${server.url}/taskpane.html`);
  const box = page.locator('[data-too-old]');
  await box.waitFor();
  expect(await box.getAttribute('role')).toBe('alert');
  expect(await box.textContent()).toContain('此版本的 Office 过旧：');
  expect(await box.textContent()).toContain('This version of Office is too old');
  expect(await page.locator('script[src*="taskpane."]').count()).toBe(0);
  expect(await page.evaluate(() => document.body.dataset.mode)).toBe('too-old');
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-too-old.png'), fullPage: true });
  await page.close();
});
