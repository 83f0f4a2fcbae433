/**
 * Hostile and broken inputs, built on demand (none is committed): the reliability tests run the CLI on them and
 * `npm run bench` measures the worst. Each says what the CLI must answer: the exit status and, for a file it
 * gives up, the error code of its entry.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'fs';
import path from 'path';
import { rowXml, xlsxParts, zip, ZipEntry } from '../helpers/zip';

export interface Hostile {
  name: string;
  /** what the CLI answers: 0 or 1 */
  exit: 0 | 1;
  /** the file entry's errorCode, when the file is given up */
  errorCode?: string;
  /** a rule id some finding must carry, when the file is checked */
  rule?: string;
}

/** A small clean table (a 合计 row and its parts) in sheet XML rows from row `at`. */
export function tableRows(at = 1): string {
  const rows: Array<Array<string | number | null>> = [
    ['单位名称', '支出合计', '基本支出', '项目支出'],
    ['合计', 1139.12, 416.1, 723.02],
    ['局机关', 788.64, 312.24, 476.4],
    ['妇幼保健院', 350.48, 103.86, 246.62],
  ];
  return rows.map((r, i) => rowXml(at + i, r)).join('');
}

export function sheetOf(rows: string, after = ''): string {
  return `<sheetData>${rows}</sheetData>${after}`;
}

export function mergeXml(refs: string[]): string {
  return `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
}

const WML = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A Word report's package around its body XML (written byte by byte, like the workbooks here). */
export function docxOf(body: string, documentXml?: string): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: documentXml ?? `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${WML}"><w:body>${body}</w:body></w:document>` },
  ]);
}

const wp = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A Word table: the clean table of tableRows, with a gridSpan title row and a vMerge label. */
function wordTable(): string {
  const tc = (t: string | number, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr>${wp(String(t))}</w:tc>`;
  return `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`
    + `<w:tr>${tc('各单位支出情况（万元）', '<w:gridSpan w:val="4"/>')}</w:tr>`
    + `<w:tr>${tc('单位名称')}${tc('支出合计')}${tc('基本支出')}${tc('项目支出')}</w:tr>`
    + `<w:tr>${tc('合计')}${tc('1,139.12')}${tc('416.10')}${tc('723.02')}</w:tr>`
    + `<w:tr>${tc('局机关')}${tc('788.64')}${tc('312.24')}${tc('476.40')}</w:tr>`
    + `<w:tr>${tc('妇幼保健院')}${tc('350.48')}${tc('103.86')}${tc('246.62')}</w:tr></w:tbl>`;
}

/** A report of `paragraphs` paragraphs (sentences with figures that agree) and `tables` tables among them. */
export function bigReport(paragraphs: number, tables: number): Buffer {
  const sentence = (i: number): string => `（${i}）项目全年预算数16.56万元，执行数为15.70万元，完成预算的94.81%。2019年12月31日前完成，参加培训人员达800余人次。`;
  const parts: string[] = [];
  const every = Math.max(1, Math.floor(paragraphs / Math.max(1, tables)));
  let t = 0;
  for (let i = 1; i <= paragraphs; i++) {
    parts.push(wp(sentence(i)));
    if (i % every === 0 && t < tables) {
      parts.push(wordTable());
      t++;
    }
  }
  return docxOf(parts.join(''));
}

function write(dir: string, name: string, data: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet of `rows` × `cols` numbers, as XML, built in pieces (a 1,048,576-row sheet is 250 MB of it). */
export function numberGrid(rows: number, cols: number): Buffer {
  const names = Array.from({ length: cols }, (_, c) => colName(c));
  const chunks: Buffer[] = [Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')];
  let part: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${names[c]}${r}"><v>${(r * 7 + c) % 1000}</v></c>`;
    part.push(`${row}</row>`);
    if (part.length === 10000) {
      chunks.push(Buffer.from(part.join('')));
      part = [];
    }
  }
  chunks.push(Buffer.from(`${part.join('')}</sheetData></worksheet>`));
  return Buffer.concat(chunks);
}

/**
 * The largest workbook under the cell ceiling that is still a table: `rows` units × `cols` figures (a 合计 row, a
 * 合计 column), with a share `rate` of the figures typed wrong, so that the sums, the culprits and the report are
 * all at their biggest.
 */
export function bigTable(rows: number, cols: number, rate: number): Buffer {
  let seed = 1;
  const rnd = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const header = ['单位名称', '合计', ...Array.from({ length: cols - 1 }, (_, i) => `支出${i + 1}`)];
  const body: number[][] = [];
  const sums = new Array<number>(cols).fill(0);
  for (let i = 0; i < rows; i++) {
    const parts = Array.from({ length: cols - 1 }, () => Math.floor(rnd() * 1000));
    const line = [parts.reduce((a, b) => a + b, 0), ...parts];
    line.forEach((v, j) => (sums[j]! += v));
    body.push(line);
  }
  const all = [sums, ...body];
  for (let i = 1; i < all.length; i++) for (let j = 0; j < cols; j++) if (rnd() < rate) all[i]![j]! += 1 + Math.floor(rnd() * 50);
  const xml = [rowXml(1, header), ...all.map((line, i) => rowXml(i + 2, [i === 0 ? '合计' : `单位${i}`, ...line]))];
  return zip(xlsxParts([{ name: '表', body: `<sheetData>${xml.join('')}</sheetData>` }]));
}

/** A workbook of one sheet whose XML is given whole. */
function oneSheet(sheetXml: Buffer | string): Buffer {
  const parts = xlsxParts([{ name: 'Sheet1', body: '' }]);
  const i = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
  parts[i] = { name: 'xl/worksheets/sheet1.xml', data: sheetXml };
  return zip(parts);
}

/**
 * Build the set into `dir`. `scale` 'test' keeps each file small enough for `npm test`; 'bench' builds the
 * full-size ones of the issue (a 1,048,576 × 10 sheet, a 500 MB bomb).
 */
export function buildHostile(dir: string, scale: 'test' | 'bench' = 'test'): Array<Hostile & { file: string }> {
  mkdirSync(dir, { recursive: true });
  const out: Array<Hostile & { file: string }> = [];
  const add = (h: Hostile, data: Buffer): void => void out.push({ ...h, file: write(dir, h.name, data) });

  // one merged area over the whole sheet: a rectangle, not 17 billion covered cells
  add({ name: 'merge-whole-sheet.xlsx', exit: 0 }, zip(xlsxParts([{ name: '表', body: sheetOf(tableRows(2), mergeXml(['A1:XFD1048576'])) }])));
  // 20,000 merged areas (each two cells of one row) under a small table
  const many = Array.from({ length: 20000 }, (_, i) => `A${i + 10}:B${i + 10}`);
  add({ name: 'merges-20000.xlsx', exit: 0 }, zip(xlsxParts([{ name: '表', body: sheetOf(tableRows(1), mergeXml(many)) }])));
  // merged areas that overlap, and one that is no range: set aside, said at info, the table still checked
  add({ name: 'merges-bad.xlsx', exit: 0, rule: 'input/unreadable' }, zip(xlsxParts([{ name: '表', body: sheetOf(tableRows(1), mergeXml(['F1:G3', 'G2:H4', 'ZZZZ9:A1'])) }])));
  // more cells than the ceiling (500,000): 文件过大, found while streaming, before the sheet is built
  const big = scale === 'bench' ? numberGrid(1_048_576, 10) : numberGrid(51_000, 10);
  add({ name: scale === 'bench' ? 'cells-1048576x10.xlsx' : 'cells-over-limit.xlsx', exit: 1, errorCode: scale === 'bench' ? 'tooLarge' : 'tooManyCells' }, oneSheet(big));
  if (scale === 'bench') {
    // just under the ceiling, a real table with scattered typos: the most work a workbook can ask for
    add({ name: 'table-490k-cells.xlsx', exit: 1 }, bigTable(2450, 200, 0.0005));
    add({ name: 'list-480k-cells.xlsx', exit: 1 }, bigTable(160_000, 2, 0.0001));
    add({ name: 'cells-495k-numbers.xlsx', exit: 0 }, oneSheet(numberGrid(49_500, 10)));
  }
  // a bomb: a part inflating far past the 128 MB part ceiling, refused from its declared size before inflating
  const bombSize = scale === 'bench' ? 500 * 1024 * 1024 : 130 * 1024 * 1024;
  const bomb = Buffer.alloc(bombSize, 0x20);
  add({ name: 'bomb.xlsx', exit: 1, errorCode: 'tooLarge' }, zip(xlsxParts([{ name: '表', body: '' }])
    .map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.concat([Buffer.from('<worksheet>'), bomb, Buffer.from('</worksheet>')]) } : p))));
  // a bomb whose header lies (declares 1 KB): yauzl stops it at the declared size
  add({ name: 'bomb-lying.xlsx', exit: 1, errorCode: 'corrupt' }, zip(xlsxParts([{ name: '表', body: '' }])
    .map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.alloc(20 * 1024 * 1024, 0x20), declaredSize: 1024 } : p))));
  // packages that are no workbook
  add({ name: 'no-workbook.xlsx', exit: 1, errorCode: 'noWorkbook' }, zip([{ name: '[Content_Types].xml', data: '<Types/>' }]));
  add({ name: 'other-zip.xlsx', exit: 1, errorCode: 'noWorkbook' }, zip([{ name: 'readme.txt', data: 'hello' }, { name: 'photo.jpg', data: Buffer.alloc(1000, 1) }]));
  add({ name: 'no-sheets.xlsx', exit: 1, errorCode: 'noWorkbook' }, zip(xlsxParts([])));
  add({ name: 'empty.xlsx', exit: 1, errorCode: 'empty' }, Buffer.alloc(0));
  add({ name: 'not-zip.xlsx', exit: 1, errorCode: 'notZip' }, Buffer.from('这不是工作簿'));
  const truncated = zip(xlsxParts([{ name: '表', body: sheetOf(tableRows()) }]));
  add({ name: 'truncated.xlsx', exit: 1, errorCode: 'truncated' }, truncated.subarray(0, Math.floor(truncated.length / 2)));
  // a sheet whose XML is broken: that sheet is an error, the other sheet checked
  add({ name: 'sheet-broken-xml.xlsx', exit: 1, rule: 'input/unreadable' }, zip(xlsxParts([{ name: '坏表', body: '<sheetData><row r="1"><c r="A1"><v>1</v></row>' }, { name: '表', body: sheetOf(tableRows()) }])));
  // an entity bomb ("billion laughs") in a sheet: saxes expands no DTD entity, so the sheet is broken XML, not 3 GB
  const lol = `<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, k) => `<!ENTITY ${String.fromCharCode(98 + k)} "${`&${String.fromCharCode(97 + k)};`.repeat(10)}">`).join('')}]>`;
  add({ name: 'entity-bomb.xlsx', exit: 1, rule: 'input/unreadable' }, oneSheet(`<?xml version="1.0"?>${lol}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>`));
  // cells past Excel's grid, cells without references, a 1 MB text cell, deep nesting: read, never a crash
  add({ name: 'odd-cells.xlsx', exit: 0 }, zip(xlsxParts([{
    name: '表',
    body: sheetOf(`${tableRows()}<row r="9"><c r="XFE9"><v>1</v></c><c r="A2000000"><v>2</v></c><c><v>3</v></c><c t="inlineStr"><is><t>${'长'.repeat(1 << 20)}</t></is></c></row>`
      + `<row r="10"><c r="A10" t="inlineStr"><is>${'<r>'.repeat(2000)}<t>深</t>${'</r>'.repeat(2000)}</is></c></row>`),
  }])));
  // formulas another program wrote without results: the sums are computed, the workbook checked clean
  add({ name: 'formulas-no-result.xlsx', exit: 0, rule: 'input/uncomputed' }, zip(xlsxParts([{
    name: '表',
    body: sheetOf([
      rowXml(1, ['单位名称', '支出合计', '基本支出', '项目支出']), rowXml(2, ['合计', '=SUM(B3:B4)', '=SUM(C3:C4)', '=SUM(D3:D4)']),
      rowXml(3, ['局机关', '=C3+D3', 312.24, 476.4]), rowXml(4, ['妇幼保健院', '=C4+D4', 103.86, 246.62]),
    ].join('')),
  }])));
  // 3,000 sheets: over the ceiling of 1,000, refused before any is read; 1,000 are read and checked
  const sheets = (n: number): Buffer => zip(xlsxParts(Array.from({ length: n }, (_, i) => ({ name: `S${i}`, body: sheetOf(tableRows()) }))));
  add({ name: 'sheets-3000.xlsx', exit: 1, errorCode: 'tooManySheets' }, sheets(3000));
  add({ name: 'sheets-1000.xlsx', exit: 0 }, sheets(1000));
  // issue 17's second round, the worst of each kind:
  // one value in column XFD on 3,000 rows (18 KB): read a few cells a row, the table beside it checked (its typo found)
  const typo = tableRows().replace('723.02', '733.02');
  const far = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 6}"><c r="XFD${i + 6}"><v>1</v></c></row>`).join('');
  add({ name: 'wide-sparse-rows.xlsx', exit: 1, rule: 'totals/column-sum' }, zip(xlsxParts([{ name: '表', body: sheetOf(typo + far) }])));
  // a 200,000-digit <v> and a 14 KB text of "1,1,1,…" in the table: capped before any pattern reads them
  const longCells = `<row r="5"><c r="A5" t="inlineStr"><is><t>其他</t></is></c><c r="B5"><v>${'1'.repeat(200_000)}</v></c>`
    + `<c r="C5" t="inlineStr"><is><t>${'1,'.repeat(7000)}x</t></is></c><c r="D5"><v>0</v></c></row>`
    + `<row r="6"><c r="A6" t="inlineStr"><is><t>其他2</t></is></c><c r="B6"><v>0</v></c><c r="C6" t="inlineStr"><is><t>${'１２，'.repeat(10_900)}</t></is></c><c r="D6"><v>0</v></c></row>`;
  add({ name: 'long-number-cells.xlsx', exit: 0, rule: 'input/not-a-number' }, zip(xlsxParts([{ name: '表', body: sheetOf(tableRows() + longCells) }])));
  // 1,000 sheets whose entries all point at the bytes of the first (overlapping entries): refused before inflating
  const shared = xlsxParts(Array.from({ length: 1000 }, (_, i) => ({ name: `S${i}`, body: sheetOf(tableRows()) })))
    .map((p) => (/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p.name)?.[1] ?? '1') !== '1' ? { ...p, data: '', sameBytesAs: 'xl/worksheets/sheet1.xml' } : p);
  add({ name: 'overlapping-entries.xlsx', exit: 1, errorCode: 'corrupt' }, zip(shared));
  // long chains of deeply bracketed formulas with no saved results: computed or left unknown, never a stack overflow
  const depth = 3000;
  const chain = Array.from({ length: 200 }, (_, i) => `<row r="${i + 10}"><c r="B${i + 10}"><f>${'('.repeat(depth)}B${i + 11}+1${')'.repeat(depth)}</f></c></row>`).join('');
  add({ name: 'formula-chains-deep.xlsx', exit: 0, rule: 'input/uncomputed' }, zip(xlsxParts([{ name: '表', body: sheetOf(tableRows() + chain) }])));
  // Word reports (.docx, src/cli/read-docx.ts): a large one, more tables than the limit on sheets, an old .doc
  // in disguise, an entity bomb in the document part
  // (measured: 5,000 paragraphs and 50 tables 1.8 s, 140 MB; 20,000 and 200 13 s, 230 MB, of which the text
  // rules take 11 s: they grow faster than the paragraphs, and 100,000 paragraphs run past the 20 s limit)
  add({ name: scale === 'bench' ? 'report-20000-paragraphs-200-tables.docx' : 'report-5000-paragraphs-50-tables.docx', exit: 0 },
    scale === 'bench' ? bigReport(20_000, 200) : bigReport(5_000, 50));
  add({ name: 'report-tables-over-limit.docx', exit: 1, errorCode: 'tooManyTables' },
    docxOf(Array.from({ length: 1001 }, () => '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>').join('')));
  const oleDoc = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(oleDoc);
  oleDoc.writeUInt16LE(9, 0x1e);
  ['Root Entry', 'WordDocument'].forEach((n, i) => {
    oleDoc.write(n, 512 + i * 128, 'utf16le');
    oleDoc.writeUInt16LE((n.length + 1) * 2, 512 + i * 128 + 0x40);
  });
  add({ name: 'report-old-doc.docx', exit: 1, errorCode: 'oldDoc' }, oleDoc);
  add({ name: 'report-entity-bomb.docx', exit: 1, errorCode: 'badXml' },
    docxOf('', `<?xml version="1.0"?>${lol}<w:document xmlns:w="${WML}"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>`));

  // a symbolic link to /dev/zero and a FIFO, both named .xlsx: refused unread, never read for ever
  const devZero = path.join(dir, 'dev-zero.xlsx');
  try {
    symlinkSync('/dev/zero', devZero);
    out.push({ name: 'dev-zero.xlsx', exit: 1, errorCode: 'notRegular', file: devZero });
  } catch {
    /* no symlinks here */
  }
  const fifo = path.join(dir, 'fifo.xlsx');
  try {
    execFileSync('mkfifo', [fifo]);
    out.push({ name: 'fifo.xlsx', exit: 1, errorCode: 'notRegular', file: fifo });
  } catch {
    /* no mkfifo here */
  }
  return out;
}

export type { ZipEntry };
