/** Debian's Chromium, headless, as the browser tests launch it (no sandbox in containers, no network of its own). */
import { mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { Browser, chromium } from 'playwright-core';
import webpack from 'webpack';

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

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
