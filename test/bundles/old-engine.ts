/**
 * An old engine for the built bundles: a jsdom window from which every global and built-in method newer than a
 * host's floor (engines.js) is deleted before any script of the page runs, so the bundles must bring what they use
 * (core-js by usage, src/wps/polyfills.ts). Syntax cannot be taken away from Node's engine: `syntaxErrors` checks
 * it instead, parsing every emitted file with acorn at the floor's ecmaVersion and the pages' inline scripts at ES5.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { JSDOM, ResourceLoader, VirtualConsole, FetchOptions } from 'jsdom';
import { tmpdir } from 'os';
import path from 'path';

export const ROOT = path.resolve(__dirname, '../..');

export interface Engine {
  name: string;
  browsers: string[];
  floor: Partial<Record<Family, number>>;
  ecmaVersion: number;
  syntax: string;
  tooOld: { zh: string; en: string };
}
type Family = 'chrome' | 'firefox' | 'safari';
export const ENGINES = require('../../src/engines.js') as { excel: Engine; wps: Engine };

/**
 * What came after the floors, with the first version of Chrome, Firefox and Safari that has it (MDN's
 * compatibility data). `a.b.c` is deleted from the window: `TypedArray` is %TypedArray%.
 */
const NEWER: Array<[string, number, number, number]> = [
  ['globalThis', 71, 65, 12.1],
  ['queueMicrotask', 71, 69, 12.1],
  ['Symbol.prototype.description', 70, 63, 12.1],
  ['Object.fromEntries', 73, 63, 12.1],
  ['String.prototype.matchAll', 73, 67, 13],
  ['Promise.allSettled', 76, 71, 13],
  ['String.prototype.replaceAll', 85, 77, 13.1],
  ['Promise.any', 85, 79, 14],
  ['AggregateError', 85, 79, 14],
  ['WeakRef', 84, 79, 14.1],
  ['FinalizationRegistry', 84, 79, 14.1],
  ['Intl.ListFormat', 72, 78, 14.1],
  ['Intl.DisplayNames', 81, 86, 14.1],
  ['Intl.Segmenter', 87, 125, 14.1],
  ['Array.prototype.at', 92, 90, 15.4],
  ['String.prototype.at', 92, 90, 15.4],
  ['TypedArray.prototype.at', 92, 90, 15.4],
  ['Object.hasOwn', 93, 92, 15.4],
  ['crypto.randomUUID', 92, 95, 15.4],
  ['Array.prototype.findLast', 97, 104, 15.4],
  ['Array.prototype.findLastIndex', 97, 104, 15.4],
  ['structuredClone', 98, 94, 15.4],
  ['Array.prototype.toSorted', 110, 115, 16],
  ['Array.prototype.toReversed', 110, 115, 16],
  ['Array.prototype.toSpliced', 110, 115, 16],
  ['Array.prototype.with', 110, 115, 16],
  ['String.prototype.isWellFormed', 111, 119, 16.4],
  ['Object.groupBy', 117, 119, 17.4],
  ['Map.groupBy', 117, 119, 17.4],
  ['Promise.withResolvers', 119, 121, 17.4],
  ['Array.fromAsync', 121, 115, 16.4],
  ['Iterator', 122, 131, 18.4],
  ['Set.prototype.union', 122, 127, 17],
  ['Set.prototype.intersection', 122, 127, 17],
  ['Set.prototype.difference', 122, 127, 17],
];

/** The names newer than the engine's floor: newer than the oldest of any family it admits. */
export function newerThan(engine: Engine): string[] {
  const at: Record<Family, number> = { chrome: 1, firefox: 2, safari: 3 };
  return NEWER.filter((f) => (Object.keys(engine.floor) as Family[]).some((fam) => (f[at[fam]] as number) > engine.floor[fam]!)).map((f) => f[0]);
}

/** Deletes each name from the window (its own realm's built-ins); returns those that were there. */
export function strip(window: Record<string, unknown>, names: string[]): string[] {
  const deleted: string[] = [];
  for (const name of names) {
    const parts = name.split('.');
    let owner: Record<string, unknown> | undefined = window;
    for (const p of parts.slice(0, -1)) {
      owner = (p === 'TypedArray' ? Object.getPrototypeOf(window.Uint8Array as object) : owner?.[p]) as Record<string, unknown> | undefined;
    }
    const last = parts[parts.length - 1]!;
    if (!owner || !(last in owner)) continue;
    // where it is defined: the object itself or a prototype of it (crypto.randomUUID is Crypto.prototype's)
    let holder: object | null = owner;
    while (holder && !Object.prototype.hasOwnProperty.call(holder, last)) holder = Object.getPrototypeOf(holder);
    if (holder) delete (holder as Record<string, unknown>)[last];
    if (last in owner) throw new Error(`could not delete ${name}`);
    deleted.push(name);
  }
  return deleted;
}

/** A production build of one host into a fresh folder (the other tests build into dist/ and dist-wps/). */
export function build(...env: string[]): string {
  const out = mkdtempSync(path.join(tmpdir(), 'selfeval-bundles-'));
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out, ...env.flatMap((e) => ['--env', e])], { cwd: ROOT, stdio: 'pipe' });
  return out;
}

/** Every emitted .js file that does not parse at the floor's ecmaVersion, and every page's inline script not ES5. */
export function syntaxErrors(out: string, engine: Engine): { files: string[]; errors: string[] } {
  const acorn = require('acorn') as typeof import('acorn');
  const errors: string[] = [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.[cm]?js$/.test(e.name)) {
        files.push(path.relative(out, f));
        try {
          acorn.parse(readFileSync(f, 'utf8'), { ecmaVersion: engine.ecmaVersion as 2020, sourceType: 'script' });
        } catch (err) {
          errors.push(`${path.relative(out, f)}: ${(err as Error).message}`);
        }
      } else if (e.name.endsWith('.html')) {
        const html = readFileSync(f, 'utf8');
        for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
          files.push(`${path.relative(out, f)} (inline)`);
          try {
            acorn.parse(m[1]!, { ecmaVersion: 5, sourceType: 'script' });
          } catch (err) {
            errors.push(`${path.relative(out, f)} inline script: ${(err as Error).message}`);
          }
        }
      }
    }
  };
  walk(out);
  return { files, errors };
}

/** The pages' origin (an http one: a file:// page has an opaque origin, without localStorage). */
const ORIGIN = 'http://selfeval.test/';

/** Serves only the built folder at ORIGIN: office.js from Microsoft's CDN, or anything else, is not there (no network). */
class OnlyThisFolder extends ResourceLoader {
  constructor(private readonly dir: string) {
    super();
  }
  override fetch(url: string, _options: FetchOptions) {
    if (!url.startsWith(ORIGIN)) return null;
    const file = path.join(this.dir, decodeURIComponent(new URL(url).pathname));
    if (!file.startsWith(this.dir)) return null;
    return Promise.resolve(readFileSync(file)) as ReturnType<ResourceLoader['fetch']>;
  }
}

export interface OldPage {
  window: Window & Record<string, unknown> & { eval(code: string): unknown };
  /** what was deleted before the page's scripts ran */
  deleted: string[];
  /** uncaught errors and console.error lines of the page */
  errors: string[];
  close(): void;
}

/**
 * Opens a built page in a jsdom window stripped to the engine's floor. `before` runs after the stripping and before
 * the page's scripts (to put a host's globals in place, or to take more away).
 */
export async function openOld(out: string, page: string, engine: Engine, before?: (w: Window & Record<string, unknown>) => void): Promise<OldPage> {
  const errors: string[] = [];
  const console = new VirtualConsole();
  console.on('jsdomError', (e) => errors.push(String(e.message ?? e).slice(0, 500)));
  console.on('error', (...a: unknown[]) => errors.push(a.map(String).join(' ')));
  let deleted: string[] = [];
  const dom = new JSDOM(readFileSync(path.join(out, page), 'utf8'), {
    url: ORIGIN + page,
    runScripts: 'dangerously',
    resources: new OnlyThisFolder(out),
    pretendToBeVisual: true,
    virtualConsole: console,
    beforeParse(window) {
      const w = window as unknown as Window & Record<string, unknown>;
      // layout APIs jsdom lacks, as in test/setup-dom.js (a browser has them; no engine feature)
      w.ResizeObserver = class { observe(): void {} unobserve(): void {} disconnect(): void {} };
      (w.HTMLElement as typeof HTMLElement).prototype.scrollIntoView = function () {};
      deleted = strip(w, newerThan(engine));
      before?.(w);
    },
  });
  const window = dom.window as unknown as OldPage['window'];
  await new Promise<void>((resolve) => (window.document.readyState === 'complete' ? resolve() : window.addEventListener('load', () => resolve())));
  return { window, deleted, errors, close: () => window.close() };
}

/** Polls until `probe` returns something truthy, or fails after `ms` with the page's errors. */
export async function until<T>(probe: () => T, what: string, page?: OldPage, ms = 30000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the page's errors: ${JSON.stringify(page?.errors ?? [])}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The button whose text is `label`. */
export function button(doc: Document, label: string): HTMLButtonElement | undefined {
  return Array.from(doc.querySelectorAll('button')).find((b) => (b.textContent ?? '').trim() === label) as HTMLButtonElement | undefined;
}
