/** Debian's Chromium, headless, as the browser tests launch it (no sandbox in containers, no network of its own). */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import webpack from 'webpack';

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

/** The README's screenshots (docs/images/), retaken when the tests run as `npm run screenshots`. */
const DOCS_IMAGES = path.resolve(__dirname, '../../docs/images');

/** A screenshot of the page as it shows (not the full page) into test-artifacts/, and, with `forDocs` and run as
 *  `npm run screenshots`, into docs/images/ too. */
export async function shot(page: Page, file: string, forDocs: boolean): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, file) });
  if (forDocs && process.env.npm_lifecycle_event === 'screenshots') copyFileSync(path.join(ARTIFACTS, file), path.join(DOCS_IMAGES, file));
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A test-side script (a fake host) bundled for a page, to load with `page.addInitScript` before the pane. */
export async function bundleForPage(entry: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-page-script-'));
  const compiler = webpack({
    mode: 'development', devtool: false, target: ['web', 'es2017'],
    entry,
    output: { path: dir, filename: 'script.js' },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2017' } } } }] },
  });
  await new Promise<void>((resolve, reject) => compiler.run((err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats!.toString())) : resolve())));
  return readFileSync(path.join(dir, 'script.js'), 'utf8');
}
