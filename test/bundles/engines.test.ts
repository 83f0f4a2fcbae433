/**
 * engines.js, the one statement of the oldest engine per host, agrees with itself: the floor the old-engine tests
 * strip to is the oldest of the browsers the build targets, and the syntax snippet the pages' feature test compiles
 * is of the floor's ecmaVersion exactly (acorn refuses it a version below), so an engine that cannot parse the
 * bundles fails the test before any bundle is loaded. The feature test itself is plain ES5.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { ENGINES, Engine, ROOT } from './old-engine';

const acorn = require('acorn') as typeof import('acorn');
const parses = (code: string, ecmaVersion: number): boolean => {
  try {
    acorn.parse(`(function () { ${code} })`, { ecmaVersion: ecmaVersion as 2020 });
    return true;
  } catch {
    return false;
  }
};

describe.each(Object.entries(ENGINES) as Array<[string, Engine]>)('%s', (_host, engine) => {
  test('the floor is the oldest version of each family the build targets', () => {
    const oldest: Record<string, number> = {};
    for (const q of engine.browsers) {
      const m = /^(\w+) >= ([\d.]+)$/.exec(q);
      expect(m).not.toBeNull();
      const family = ({ edge: 'chrome', ios_saf: 'safari' } as Record<string, string>)[m![1]!] ?? m![1]!;
      oldest[family] = Math.min(oldest[family] ?? Infinity, Number(m![2]));
    }
    expect(oldest).toEqual(engine.floor);
  });

  test('the feature test’s syntax snippet is of the floor’s ecmaVersion, not below', () => {
    expect(parses(engine.syntax, engine.ecmaVersion)).toBe(true);
    expect(parses(engine.syntax, engine.ecmaVersion - 1)).toBe(false);
    expect(() => new Function(engine.syntax)).not.toThrow();
  });

  test('the too-old message in Chinese and English', () => {
    expect(engine.tooOld.zh).toMatch(new RegExp(`^此版本的 ${engine.name} 过旧：`));
    expect(engine.tooOld.en).toMatch(new RegExp(`^This version of ${engine.name} is too old: `));
  });
});

test('the pages’ feature test is ES5', () => {
  expect(() => acorn.parse(readFileSync(path.join(ROOT, 'src/engine-check.js'), 'utf8'), { ecmaVersion: 5 })).not.toThrow();
});
