/** Keeps the README true to the code: every rule is in its table with its default severity. */
import { readFileSync } from 'fs';
import path from 'path';
import { RULES } from '../src/core';

test('the README lists every rule with its default severity', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  for (const r of RULES) expect(readme).toContain(`| \`${r.meta.id}\` | ${r.meta.severity} |`);
  const listed = [...readme.matchAll(/^\| `([a-z]+\/[a-z-]+)` \|/gm)].map((m) => m[1]);
  expect(listed).toEqual(RULES.map((r) => r.meta.id));
});
