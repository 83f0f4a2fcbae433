/**
 * Builds the bundled example workbooks from seed 002's figures:
 *   examples/seed002-clean.xlsx          the four 收支 tables, 基本概况 and 评分表, as the department filed them
 *   examples/seed002-planted-error.xlsx  the same with one realistic typo: 局机关's 人员支出 301.62 typed as 310.62
 * Run with `npm run examples`; the files are committed so `npm run check` works right after `npm ci`.
 */
import path from 'path';
import { sampleWorkbook } from '../src/sample';
import { writeXlsx } from '../test/fixtures/write-xlsx';

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../../examples');
  await writeXlsx(sampleWorkbook(false), path.join(dir, 'seed002-clean.xlsx'));
  await writeXlsx(sampleWorkbook(true), path.join(dir, 'seed002-planted-error.xlsx'));
  process.stdout.write(`wrote ${dir}/seed002-clean.xlsx and seed002-planted-error.xlsx\n`);
}

if (require.main === module) void main();
