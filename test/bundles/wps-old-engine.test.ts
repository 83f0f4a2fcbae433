/**
 * The WPS 加载项 as `npm run build:wps` makes it, run in the oldest engine engines.js admits for WPS (the Chromium 69
 * of old Kylin / UOS builds): every emitted file parses at ES2019 and the pages' inline scripts as ES5; in a jsdom
 * window without anything newer than Chromium 69 (globalThis, String.prototype.matchAll, Object.fromEntries,
 * WeakRef, Array.prototype.at, replaceAll, Object.hasOwn, structuredClone …), the ribbon page's button opens the
 * pane, and the pane, with the fake ET as window.Application, says it runs in WPS, checks the sample, lists the
 * planted error and selects its cell; on an engine older still, the pane says "此版本的 WPS 过旧" and the button
 * says it too.
 */
import { sampleWorkbook } from '../../src/sample';
import { fakeFromSnapshot } from '../wps/fake-et';
import { rmSync } from 'fs';
import { ENGINES, build, button, newerThan, openOld, OldPage, syntaxErrors, until } from './old-engine';

const engine = ENGINES.wps;
let out = '';
let page: OldPage | undefined;

beforeAll(() => {
  out = build('wps');
}, 300000);

afterEach(() => page?.close());
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What the ribbon page calls on WPS's global `wps`: records the panes it creates. */
function fakeWps() {
  const panes: Array<{ ID: number; Visible: boolean; url: string; title?: string }> = [];
  const storage = new Map<string, string>();
  return {
    panes,
    CreateTaskPane(url: string, title?: string) {
      const pane = { ID: panes.length + 1, Visible: false, url, title };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
    PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
  };
}

test('every emitted file parses at the WPS floor’s syntax (ES2019, Chromium 69), the pages’ inline scripts as ES5', () => {
  const { files, errors } = syntaxErrors(out, engine);
  expect(files.filter((f) => /^(taskpane|ribbon)\.[0-9a-f]+\.js$/.test(f))).toHaveLength(2);
  expect(files).toEqual(expect.arrayContaining(['taskpane.html (inline)', 'index.html (inline)']));
  expect(errors).toEqual([]);
});

test('the ribbon page in Chromium 69: the 自评校核 button opens the pane beside it, and shows and hides it', async () => {
  const wps = fakeWps();
  page = await openOld(out, 'index.html', engine, (w) => {
    w.wps = wps;
  });
  for (const name of ['globalThis', 'String.prototype.matchAll', 'Object.fromEntries', 'WeakRef', 'Array.prototype.at', 'Object.hasOwn', 'String.prototype.replaceAll', 'queueMicrotask']) {
    expect(page.deleted).toContain(name);
  }
  const ribbon = await until(() => {
    const r = page!.window.ribbon as { OnAction(c: { Id: string }): boolean; OnAddinLoad(): boolean } | undefined;
    // the bundle's own callbacks, not the page's fallback (which only says the engine is too old)
    return r && !String(r.OnAction).includes('alert') ? r : undefined;
  }, 'the ribbon bundle', page);
  expect(ribbon.OnAddinLoad()).toBe(true);
  expect(ribbon.OnAction({ Id: 'selfevalOpen' })).toBe(true);
  expect(wps.panes).toEqual([{ ID: 1, Visible: true, url: 'http://selfeval.test/taskpane.html', title: '自评校核' }]);
  ribbon.OnAction({ Id: 'selfevalOpen' });
  expect(wps.panes[0]!.Visible).toBe(false);
  expect(page.errors).toEqual([]);
});

test('the built pane in Chromium 69 with the fake ET as window.Application: 运行于 WPS 表格, the planted error, its cell selected', async () => {
  const fake = fakeFromSnapshot(sampleWorkbook());
  page = await openOld(out, 'taskpane.html', engine, (w) => {
    w.Application = fake;
    w.wps = fake;
  });
  const doc = page.window.document;
  await until(() => (doc.body.textContent ?? '').includes('运行于 WPS 表格'), '运行于 WPS 表格', page);
  expect(doc.body.dataset.mode).toBe('wps');
  const run = await until(() => button(doc, '一键校验'), 'the 一键校验 button', page);
  run.click();
  const first = await until(() => doc.querySelector<HTMLElement>('[data-finding]'), 'a finding', page);
  expect(first.textContent).toContain('收支表!D22');
  expect(first.textContent).toContain('建议改为 301.62');
  first.click();
  await until(() => fake.selection === '收支表!D22', 'the selection of 收支表!D22', page);
  expect(page.errors).toEqual([]);
}, 60000);

/** An engine that cannot compile the floor's syntax (Chromium before 66 has no `catch {}`). */
const noFloorSyntax = (w: Window & Record<string, unknown>): void => {
  const F = w.Function as FunctionConstructor;
  const SyntaxErr = w.SyntaxError as SyntaxErrorConstructor;
  w.Function = function (...a: string[]) {
    if (a.some((s) => s.includes('catch {'))) throw new SyntaxErr('Unexpected token {');
    return F(...a);
  } as unknown as FunctionConstructor;
};

test('older still: the pane says 此版本的 WPS 过旧 in Chinese and English and loads no bundle', async () => {
  page = await openOld(out, 'taskpane.html', engine, (w) => {
    noFloorSyntax(w);
    w.Application = fakeFromSnapshot(sampleWorkbook());
  });
  const doc = page.window.document;
  const box = await until(() => doc.querySelector<HTMLElement>('[data-too-old]'), 'the too-old page', page);
  expect(box.dataset.tooOld).toBe('syntax');
  expect(box.textContent).toContain('此版本的 WPS 过旧：');
  expect(box.textContent).toContain('This version of WPS is too old');
  expect(doc.querySelectorAll('script[src*="taskpane."]').length).toBe(0);
});

test('older still: the ribbon button says 此版本的 WPS 过旧 instead of doing nothing', async () => {
  const wps = fakeWps();
  const alerts: string[] = [];
  page = await openOld(out, 'index.html', engine, (w) => {
    noFloorSyntax(w);
    w.wps = wps;
    w.alert = (m: string) => void alerts.push(m);
  });
  const ribbon = page.window.ribbon as { OnAction(c: { Id: string }): boolean };
  expect(ribbon.OnAction({ Id: 'selfevalOpen' })).toBe(true);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toContain('此版本的 WPS 过旧：');
  expect(alerts[0]).toContain('This version of WPS is too old');
  expect(wps.panes).toEqual([]);
  expect(page.window.document.querySelectorAll('script[src*="ribbon."]').length).toBe(0);
});

test('the floor is the one engines.js states, and it takes away what the README says old WPS lacks', () => {
  expect(engine.browsers).toEqual(['chrome >= 69']);
  expect(newerThan(engine)).toEqual(expect.arrayContaining(['globalThis', 'String.prototype.matchAll', 'Object.fromEntries', 'WeakRef', 'Array.prototype.at', 'structuredClone', 'Object.hasOwn', 'String.prototype.replaceAll', 'crypto.randomUUID']));
});
