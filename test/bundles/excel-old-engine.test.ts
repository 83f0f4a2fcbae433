/**
 * The Excel add-in as `npm run build` makes it, run in the oldest engine engines.js admits for Excel (Chromium 86,
 * Firefox 78, Safari 14): every emitted file parses at that syntax level and the page's inline script as ES5; the
 * built pane, in a jsdom window without anything newer than that floor (WeakRef, Array.prototype.at, Object.hasOwn,
 * structuredClone …), renders in preview (no office.js: the CDN is not reachable), checks the sample and highlights
 * the planted error's cell; and where the engine is older still (no Proxy: Internet Explorer 11; no ?. syntax:
 * EdgeHTML) the page says "此版本的 Office 过旧" and loads no bundle.
 */
import { rmSync } from 'fs';
import { ENGINES, build, button, newerThan, openOld, OldPage, syntaxErrors, until } from './old-engine';

const engine = ENGINES.excel;
let out = '';
let page: OldPage | undefined;

beforeAll(() => {
  out = build();
}, 300000);

afterEach(() => page?.close());
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('every emitted file parses at the Excel floor’s syntax (ES2020), the page’s inline script as ES5', () => {
  const { files, errors } = syntaxErrors(out, engine);
  expect(files.filter((f) => /^taskpane\.[0-9a-f]+\.js$/.test(f))).toHaveLength(1);
  expect(files.filter((f) => /^commands\.[0-9a-f]+\.js$/.test(f))).toHaveLength(1);
  expect(files).toContain('taskpane.html (inline)');
  expect(errors).toEqual([]);
});

test('the built pane in an engine at the Excel floor: renders in preview, checks the sample, highlights the planted cell', async () => {
  page = await openOld(out, 'taskpane.html', engine);
  const { window, deleted, errors } = page;
  // what Safari 14.0 and Chromium 86 lack was really gone before the page ran
  for (const name of ['WeakRef', 'Array.prototype.at', 'Object.hasOwn', 'structuredClone', 'Array.prototype.findLast', 'crypto.randomUUID']) {
    expect(newerThan(engine)).toContain(name);
    if (name !== 'structuredClone') expect(deleted).toContain(name); // jsdom has no structuredClone at all
  }
  const doc = window.document;
  const run = await until(() => button(doc, '一键校验'), 'the 一键校验 button', page);
  expect(doc.body.dataset.mode).toBe('preview');
  run.click();
  const first = await until(() => doc.querySelector<HTMLElement>('[data-finding]'), 'a finding', page);
  expect(doc.querySelectorAll('[data-finding]').length).toBe(3);
  expect(first.textContent).toContain('收支表!D22');
  expect(first.textContent).toContain('建议改为 301.62');
  first.click();
  await until(() => doc.querySelector('td[data-selected="true"][data-cell="D22"]'), 'D22 highlighted', page);
  expect(doc.querySelector('td[data-cell="D22"]')?.textContent).toBe('310.62');
  // the fallback WeakRef of src/wps/polyfills.ts is what Fluent UI's focus management ran on
  expect(String(window.eval('WeakRef'))).not.toContain('[native code]');
  expect(window.eval('var o = {}; new WeakRef(o).deref() === o')).toBe(true);
  expect(errors).toEqual([]);
}, 60000);

test('older still — no Proxy (Internet Explorer 11): 此版本的 Office 过旧, in Chinese and English, and no bundle loaded', async () => {
  page = await openOld(out, 'taskpane.html', engine, (w) => {
    delete w.Proxy;
  });
  const doc = page.window.document;
  const box = await until(() => doc.querySelector<HTMLElement>('[data-too-old]'), 'the too-old page', page);
  expect(box.dataset.tooOld).toBe('Proxy');
  expect(box.getAttribute('role')).toBe('alert');
  expect(box.textContent).toContain('此版本的 Office 过旧：');
  expect(box.textContent).toContain('This version of Office is too old');
  expect(doc.body.dataset.mode).toBe('too-old');
  expect(doc.querySelectorAll('script[src*="taskpane."]').length).toBe(0);
});

test('older still — the floor’s syntax does not compile (EdgeHTML has no ?.): the same page, no bundle loaded', async () => {
  page = await openOld(out, 'taskpane.html', engine, (w) => {
    const F = w.Function as FunctionConstructor;
    const SyntaxErr = w.SyntaxError as SyntaxErrorConstructor;
    w.Function = function (...a: string[]) {
      if (a.some((s) => s.includes('?.'))) throw new SyntaxErr('Expected identifier');
      return F(...a);
    } as unknown as FunctionConstructor;
  });
  const doc = page.window.document;
  const box = await until(() => doc.querySelector<HTMLElement>('[data-too-old]'), 'the too-old page', page);
  expect(box.dataset.tooOld).toBe('syntax');
  expect(box.textContent).toContain('此版本的 Office 过旧：');
  expect(doc.querySelectorAll('script[src*="taskpane."]').length).toBe(0);
});
