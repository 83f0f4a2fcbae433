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
import { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS, bundleForPage, launchChromium, shot } from '../helpers/browser';
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

/**
 * Issue 21: the pane as a finance officer sees it, at 350 × 800 (Excel's narrowest task pane), in preview mode and in
 * Excel (the fake of the Excel API, ExcelApi 1.8 as in Excel 2019, loaded in the page as office.js would be). Each state
 * is asserted on the first screen — what shows without scrolling — and photographed: to test-artifacts/, and, run as
 * `npm run screenshots`, Excel's to docs/images/ for the README.
 */
describe.each(['preview', 'excel'] as const)('the pane at 350 × 800, %s', (mode) => {
  const W = 350;
  const H = 800;
  let fakeExcel = '';
  // the README shows Excel's (preview differs only in its note and its grid)
  const shoot = (page: Page, name: string): Promise<void> => shot(page, `pane-${mode}-${name}.png`, mode === 'excel');
  /** Shown whole without scrolling the pane. */
  const firstScreen = async (l: Locator): Promise<boolean> => {
    await l.waitFor();
    const box = await l.boundingBox();
    const scrolled = await l.page().evaluate(() => window.scrollY);
    return !!box && scrolled === 0 && box.y >= 0 && box.y + box.height <= H && box.x >= 0 && box.x + box.width <= W;
  };
  /** In view now (the pane may have scrolled to it). */
  const inView = async (l: Locator): Promise<boolean> => {
    const box = await l.boundingBox();
    // (a pixel's slack: the browser scrolls to fractional positions)
    return !!box && box.y >= -1 && box.y + box.height <= H + 1;
  };
  const d22 = async (page: Page): Promise<string> =>
    mode === 'excel'
      ? page.evaluate(() => String((window as unknown as { __fakeExcel: { cellValue(s: string, a: string): { value: unknown } } }).__fakeExcel.cellValue('收支表', 'D22').value))
      : (await page.locator('td[data-cell="D22"]').textContent()) ?? '';

  async function open(): Promise<Page> {
    if (mode === 'excel' && !fakeExcel) fakeExcel = await bundleForPage(path.join(__dirname, 'browser-fake-excel.ts'));
    const page = await browser.newPage({ viewport: { width: W, height: H } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    (page as unknown as { errors: string[] }).errors = errors;
    if (mode === 'excel') {
      // the fake stands in for office.js: the page's request for it gets an empty script
      await page.route('**/office-js/office.js', (r) => r.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: '' }));
      await page.addInitScript(fakeExcel);
    }
    await page.goto(`${server.url}/taskpane.html`);
    expect(await page.evaluate(() => document.body.dataset.mode)).toBe(mode);
    await page.getByRole('button', { name: '一键校验' }).click();
    await page.locator('[data-finding]').first().waitFor();
    return page;
  }
  const close = async (page: Page): Promise<void> => {
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  };

  test('after 一键校验: the error first, its fix and 下一处 on the first screen; the tables say their errors', async () => {
    const page = await open();
    const first = page.locator('[data-finding]').first();
    expect(await first.getAttribute('data-group')).toBe('收支表!D22');
    expect(await first.textContent()).toMatch(/^错误 收支表!D22/);
    expect(await firstScreen(first.locator('text=疑似填错'))).toBe(true);
    expect(await firstScreen(page.getByRole('button', { name: '改为建议值：收支表!D22 → 301.62' }))).toBe(true);
    expect(await firstScreen(page.getByRole('button', { name: '下一处' }))).toBe(true);
    // filters as toggles with their counts: one error (two checks of one cell), one warning, one note
    for (const [name, pressed] of [['错误 1', 'true'], ['警告 1', 'true'], ['提示 1', 'true']]) {
      expect(await page.getByRole('button', { name }).getAttribute('aria-pressed')).toBe(pressed);
    }
    await page.getByText(/识别的表/).click();
    expect(await page.locator('[data-table="1"]').textContent()).toMatch(/· 1 个错误$/);
    await page.getByText(/识别的表/).click();
    await shoot(page, 'check');
    // the error filter off: its count stays, the toggle shows it off, and the list starts with the warning
    await page.getByRole('button', { name: '错误 1' }).click();
    expect(await page.getByRole('button', { name: '错误 1' }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-finding]').first().getAttribute('data-group')).not.toBe('收支表!D22');
    await page.getByRole('button', { name: '错误 1' }).click();
    await close(page);
  });

  test('下一处 and F8 walk the problems; a clicked finding stays in view (preview: the grid does not pull the list away)', async () => {
    const page = await open();
    const items = page.locator('[data-finding]');
    await page.getByRole('button', { name: '下一处' }).click();
    await page.locator('[data-finding][aria-pressed="true"]').waitFor();
    expect(await items.nth(0).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('F8');
    await page.waitForFunction(() => document.querySelectorAll('[data-finding]')[1]?.getAttribute('aria-pressed') === 'true');
    expect(await inView(items.nth(1))).toBe(true);
    await page.keyboard.press('Shift+F8');
    await page.waitForFunction(() => document.querySelectorAll('[data-finding]')[0]?.getAttribute('aria-pressed') === 'true');
    await items.nth(2).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-finding]')[2]?.getAttribute('aria-pressed') === 'true');
    await page.waitForTimeout(300);
    expect(await inView(items.nth(2))).toBe(true);
    await close(page);
  });

  test('改为建议值: the cell takes 301.62, the check runs again, the confirmation with 撤销 shows; 撤销 puts 310.62 back', async () => {
    const page = await open();
    await page.locator('[data-finding]').first().click();
    await page.getByRole('button', { name: '改为建议值：收支表!D22 → 301.62' }).click();
    const toast = page.locator('[data-done]');
    await toast.waitFor();
    expect(await inView(toast)).toBe(true);
    expect(await toast.textContent()).toContain('已完成“改为建议值”');
    await page.waitForFunction(() => !document.querySelector('[data-group="收支表!D22"]'));
    expect(await d22(page)).toBe('301.62');
    expect(await page.locator('[data-finding]').count()).toBe(2);
    await shoot(page, 'fixed');
    await toast.getByRole('button', { name: '撤销' }).click();
    await page.locator('[data-group="收支表!D22"]').waitFor();
    expect(await d22(page)).toBe('310.62');
    await close(page);
  });

  test('标记 and 导出结果 are confirmed where the person is looking, scrolled or not', async () => {
    const page = await open();
    await page.getByRole('button', { name: '标记', exact: true }).click();
    expect(await (await page.locator('[data-done]').textContent())).toContain('已完成“标记”');
    await shoot(page, 'marked');
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(200);
    await page.getByRole('button', { name: '导出结果' }).click();
    await page.getByText('已完成“导出”').waitFor();
    expect(await inView(page.locator('[data-done]'))).toBe(true);
    await page.locator('[data-done]').getByRole('button', { name: '撤销' }).click();
    await page.getByText('已完成“导出”').waitFor({ state: 'detached' });
    await close(page);
  });

  test('everything ignored is not a clean workbook: how many, and the way back, on the first screen', async () => {
    const page = await open();
    for (let n = 3; n > 0; n--) {
      await page.getByRole('button', { name: /^忽略：/ }).first().click();
      await page.waitForFunction((k) => document.querySelectorAll('[data-finding]').length === k, n - 1);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.getByText('未发现问题').count()).toBe(0);
    expect(await firstScreen(page.getByText('4 项已忽略，未发现其他问题'))).toBe(true);
    expect(await firstScreen(page.getByRole('button', { name: '查看已忽略' }))).toBe(true);
    await shoot(page, 'all-ignored');
    await page.getByRole('button', { name: '查看已忽略' }).click();
    expect(await page.locator('details[open]').count()).toBe(1);
    await close(page);
  });

  test('帮助 and 设置 in plain words; in English the undo says what it undoes', async () => {
    const page = await open();
    await page.getByRole('button', { name: '帮助' }).click();
    const help = page.locator('[data-help]');
    expect(await firstScreen(help.getByText(/尾差/).first())).toBe(true);
    expect(await help.textContent()).toContain('“其中”下面列的是上一行的组成部分');
    await shoot(page, 'help');
    await page.getByRole('button', { name: '帮助' }).click();
    await page.getByRole('button', { name: '设置' }).click();
    expect(await firstScreen(page.getByText('允许的舍入误差（倍数）'))).toBe(true);
    await shoot(page, 'settings');
    await page.getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Export results' }).click();
    await page.getByRole('button', { name: 'Undo “Export”' }).waitFor();
    expect(await page.locator('[data-done]').textContent()).toContain('Done: Export');
    await shoot(page, 'english');
    await close(page);
  });
});
