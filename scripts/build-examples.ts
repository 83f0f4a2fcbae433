/**
 * Builds the bundled example workbooks from seed 002's figures:
 *   examples/seed002-clean.xlsx          the four 收支 tables, 基本概况 and 评分表, as the department filed them
 *   examples/seed002-planted-error.xlsx  the same with one realistic typo: 局机关's 人员支出 301.62 typed as 310.62
 * Run with `npm run examples`; the files are committed so `npm run check` works right after `npm ci`.
 */
import path from 'path';
import { seed002 } from '../test/fixtures/seed002';
import { writeXlsx } from '../test/fixtures/write-xlsx';

export const PLANTED = { table: 'expenditure' as const, row: 1, col: 2, was: 301.62, typed: 310.62 };

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../../examples');
  const clean = seed002({ formulas: true, formats: true });
  await writeXlsx(clean.wb, path.join(dir, 'seed002-clean.xlsx'));
  const planted = seed002({
    formulas: true,
    formats: true,
    edit: (t, r, c, v) => (t === PLANTED.table && r === PLANTED.row && c === PLANTED.col ? PLANTED.typed : v),
  });
  await writeXlsx(planted.wb, path.join(dir, 'seed002-planted-error.xlsx'));
  process.stdout.write(`wrote ${dir}/seed002-clean.xlsx and seed002-planted-error.xlsx\n`);
}

if (require.main === module) void main();
