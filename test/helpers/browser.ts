/** Debian's Chromium, headless, as the browser tests launch it (no sandbox in containers, no network of its own). */
import { mkdirSync } from 'fs';
import path from 'path';
import { Browser, chromium } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
