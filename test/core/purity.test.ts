/** The core stays pure: the lint rule that enforces it fails on an import of Node, Office or the layers above. */
import { spawnSync } from 'child_process';
import path from 'path';

const root = path.resolve(__dirname, '../..');

/** ESLint's findings for `code` as if it were `file` (run as a process: its config loads by dynamic import). */
function lint(code: string, file: string): Array<{ ruleId: string | null; line: number }> {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root, input: code, encoding: 'utf8',
  });
  return (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string | null; line: number }> }>)[0]!.messages;
}

const IMPORTS = [
  "import fs from 'fs';",
  "import { readFile } from 'node:fs/promises';",
  "import ExcelJS from 'exceljs';",
  "import React from 'react';",
  "import { FluentProvider } from '@fluentui/react-components';",
  "import { readSnapshot } from '../excel/snapshot';",
];
const code = `${IMPORTS.join('\n')}\nexport const probe = [fs, readFile, ExcelJS, React, FluentProvider, readSnapshot];\n`;

test('Node built-ins, ExcelJS, React, Fluent UI and the Excel layer are refused in src/core', () => {
  const lines = lint(code, 'src/core/probe.ts').filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
  expect(lines).toEqual([1, 2, 3, 4, 5, 6]);
});

test('the same imports outside the core are allowed', () => {
  expect(lint(code, 'src/cli/probe.ts').filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
});
