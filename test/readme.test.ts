/** Keeps the README and the docs true to the code: every rule in the rules table with its default severity, the
 *  sample output of `npm run check` what it prints today, and every image and local link the README shows there. */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { RULES } from '../src/core';

const ROOT = path.join(__dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('docs/checks.md lists every rule with its default severity, in the registry’s order', () => {
  const checks = readFileSync(path.join(ROOT, 'docs/checks.md'), 'utf8');
  for (const r of RULES) expect(checks).toContain(`| \`${r.meta.id}\` | ${r.meta.severity} |`);
  const listed = [...checks.matchAll(/^\| `([a-z]+\/[a-z-]+)` \|/gm)].map((m) => m[1]);
  expect(listed).toEqual(RULES.map((r) => r.meta.id));
});

test('the README’s sample is what `npm run check` prints today', () => {
  const sample = /<!-- npm run check -->\n```\n([\s\S]*?)\n```/.exec(readme)?.[1];
  expect(sample).toBeDefined();
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/selfeval-check.js')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(out.trimEnd()).toBe(sample);
  // the planted typo, as one problem with its fix
  expect(sample).toContain('1、局机关 · 人员支出（收支表!D22） 疑似填错：影响 2 项校验');
});

test('every image and local link of the README and docs/ exists', () => {
  for (const file of ['README.md', ...['checks', 'reading', 'scores', 'cli', 'excel-addin', 'wps', 'development'].map((d) => `docs/${d}.md`)]) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      expect([file, target, existsSync(path.join(ROOT, path.dirname(file), decodeURIComponent(target)))]).toEqual([file, target, true]);
    }
  }
});
