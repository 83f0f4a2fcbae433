/**
 * Builds the bundled example workbooks from seed 002's figures:
 *   examples/seed002-clean.xlsx          the four 收支 tables, 基本概况 and 评分表, as the department filed them
 *   examples/seed002-planted-error.xlsx  the same with one realistic typo: 局机关's 人员支出 301.62 typed as 310.62
 *   examples/seed004-report.docx         seed 004's Word report as filed: "项目全年预算数16.56万元，执行数为15.70万元，
 *                                        完成预算的94.78%" (15.70 ÷ 16.56 = 94.81%), with two of its 项目 forms as tables
 * Run with `npm run examples`; the files are committed so `npm run check` works right after `npm ci`.
 */
import path from 'path';
import { sampleWorkbook } from '../src/sample';
import { writeFileSync } from 'fs';
import { seed004Report } from '../test/fixtures/docx/build';
import { writeXlsx } from '../test/fixtures/write-xlsx';

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../../examples');
  await writeXlsx(sampleWorkbook(false), path.join(dir, 'seed002-clean.xlsx'));
  await writeXlsx(sampleWorkbook(true), path.join(dir, 'seed002-planted-error.xlsx'));
  writeFileSync(path.join(dir, 'seed004-report.docx'), await seed004Report('94.78%'));
  process.stdout.write(`wrote ${dir}/seed002-clean.xlsx, seed002-planted-error.xlsx and seed004-report.docx\n`);
}

if (require.main === module) void main();
