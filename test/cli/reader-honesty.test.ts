/**
 * The reader never guesses (issue 17, items 1, 2, 3 and 12): what the format defines is decoded (CDATA, `_xHHHH_`,
 * declared encodings, UTF-16, a leading slash), and every ambiguity (a shared string that does not exist, two
 * entries for one part, a cell written twice, a bad CRC-32, an unreadable date) is damage, said in Chinese and
 * English. The packages are written byte by byte.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { checkFileHere } from '../../src/cli/check-file';
import { decodeName, expandTargets } from '../../src/cli/files';
import { readXlsx, ReadError } from '../../src/cli/read-xlsx';
import { rowXml, xlsxParts, zip, ZipEntry } from '../helpers/zip';

const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-honesty-'));
let n = 0;

function file(entries: ZipEntry[]): string {
  const f = path.join(dir, `f${++n}.xlsx`);
  writeFileSync(f, zip(entries));
  return f;
}

const sheet = (body: string, strings?: string[], extra: ZipEntry[] = []): ZipEntry[] => xlsxParts([{ name: '表', body: `<sheetData>${body}</sheetData>` }], extra, strings);

async function values(entries: ZipEntry[]): Promise<unknown[][]> {
  return (await readXlsx(file(entries))).sheets[0]!.values;
}

async function damage(entries: ZipEntry[], zh: RegExp, en: RegExp): Promise<void> {
  const e = await readXlsx(file(entries)).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ReadError);
  const r = e as ReadError;
  expect(r.code).toBe('corrupt');
  expect(r.text('zh')).toMatch(zh);
  expect(r.text('en')).toMatch(en);
}

describe('what the format defines is decoded', () => {
  test('CDATA sections are cell and shared-string text', async () => {
    const parts = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t><![CDATA[收入<合计>]]></t></is></c><c r="C1"><v><![CDATA[12.5]]></v></c></row>');
    const ss = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t><![CDATA[单位]]>名称</t></si></sst>`;
    parts.push({ name: 'xl/sharedStrings.xml', data: ss });
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace('</Relationships>', '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>');
    expect(await values(parts)).toEqual([['单位名称', '收入<合计>', 12.5]]);
  });

  test('ST_Xstring escapes in shared and inline strings (_x005F_ is a literal underscore)', async () => {
    const v = await values(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>支出_x000A_合计</t></is></c><c r="C1" t="s"><v>1</v></c></row>', ['收入_x000D_合计', 'a_x005F_x000D_b']));
    expect(v).toEqual([['收入\r合计', '支出\n合计', 'a_x000D_b']]);
  });

  test('a part declared in GBK, GB2312 or GB18030 is decoded', async () => {
    expect(new TextDecoder('gb18030').decode(Buffer.from([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
    for (const enc of ['GBK', 'GB2312', 'GB18030']) {
      const parts = sheet(rowXml(1, ['单位名称', 1]));
      const s = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
      const text = String(s.data).replace('encoding="UTF-8"', `encoding="${enc}"`);
      // 单位名称 in GBK
      s.data = Buffer.from(text.replace('单位名称', 'XXXX'), 'latin1');
      s.data = Buffer.concat([s.data.subarray(0, s.data.indexOf('XXXX')), Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6]), s.data.subarray(s.data.indexOf('XXXX') + 4)]);
      expect(await values(parts)).toEqual([['单位名称', 1]]);
    }
  });

  test('UTF-16 parts (with a byte-order mark) are decoded', async () => {
    for (const [bom, enc] of [[[0xff, 0xfe], 'utf16le'], [[0xfe, 0xff], 'be']] as const) {
      const parts = sheet(rowXml(1, ['单位名称', 2]));
      const s = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
      const le = Buffer.from(String(s.data).replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le');
      s.data = Buffer.concat([Buffer.from(bom), enc === 'be' ? Buffer.from(le).swap16() : le]);
      expect(await values(parts)).toEqual([['单位名称', 2]]);
    }
  });

  test('a part in single bytes that declares UTF-16 is read as UTF-8; an encoding Node lacks is said', async () => {
    const parts = sheet(rowXml(1, ['单位名称', 4]));
    const s = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    s.data = String(s.data).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(await values(parts)).toEqual([['单位名称', 4]]);
    s.data = String(s.data).replace('encoding="UTF-16"', 'encoding="x-no-such"');
    await damage(parts, /声明的字符编码 x-no-such 无法解码/, /declares the character encoding x-no-such/);
  });

  test('entry names with a leading slash are the same parts', async () => {
    const parts = sheet(rowXml(1, ['单位名称', 3])).map((p) => ({ ...p, name: `/${p.name}` }));
    expect(await values(parts)).toEqual([['单位名称', 3]]);
  });

  test('bytes that are not in the declared encoding are damage', async () => {
    const parts = sheet(rowXml(1, ['单位名称', 1]));
    const s = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    s.data = Buffer.from(String(s.data).replace('单位名称', '\u00ff\u00fe'), 'latin1');
    await damage(parts, /不是所声明的编码/, /not in its declared encoding/);
  });
});

describe('every ambiguity is damage', () => {
  test.each(['-1', '1e9', '1.5', '2', ''])('a shared-string index that does not exist (%s)', async (i) => {
    await damage(sheet(`<row r="1"><c r="A1" t="s"><v>${i}</v></c></row>`, ['a', 'b']), /表!A1 引用的共享字符串.*不存在/, /cell 表!A1 refers to shared string/);
  });

  test('a cell refers to shared strings and the workbook has none', async () => {
    await damage(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), /没有共享字符串部件/, /no shared strings part/);
  });

  test('duplicate entry names, also ones differing only in case', async () => {
    for (const dup of ['xl/worksheets/sheet1.xml', 'XL/Worksheets/Sheet1.xml', '/xl/worksheets/sheet1.xml']) {
      const parts = sheet(rowXml(1, ['单位名称', 1]));
      parts.push({ name: dup, data: String(parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data).replace('<v>1</v>', '<v>2</v>') });
      await damage(parts, /部件 xl\/worksheets\/sheet1\.xml 出现两次/, /holds part xl\/worksheets\/sheet1\.xml twice/);
    }
  });

  test('a cell written twice', async () => {
    await damage(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>'), /表!A1 写了两次/, /written twice/);
    await damage(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="1"><c r="A1"><v>3</v></c></row>'), /表!A1 写了两次/, /written twice/);
    // a cell after its row's others, out of order but once, is read
    expect(await values(sheet('<row r="1"><c r="B1"><v>2</v></c><c r="A1"><v>1</v></c></row>'))).toEqual([[1, 2]]);
  });

  test('a bad CRC-32 (stored and deflated)', async () => {
    for (const method of [0, 8] as const) {
      const parts = sheet(rowXml(1, ['单位名称', 1])).map((p) => ({ ...p, method }));
      const buf = zip(parts);
      const at = buf.indexOf('<v>1</v>');
      if (method === 0) buf[at + 3] = '7'.charCodeAt(0);
      else {
        // the CRC fields of the sheet's local and central headers are changed instead
        const name = Buffer.from('xl/worksheets/sheet1.xml');
        for (let i = buf.indexOf(name); i >= 0; i = buf.indexOf(name, i + 1)) {
          const isLocal = buf.readUInt32LE(i - 30) === 0x04034b50;
          const off = isLocal ? i - 30 + 14 : i - 46 + 16;
          buf.writeUInt32LE((buf.readUInt32LE(off) ^ 1) >>> 0, off);
        }
      }
      const f = path.join(dir, `crc${method}.xlsx`);
      writeFileSync(f, buf);
      const e = (await readXlsx(f).then(() => null, (x: unknown) => x)) as ReadError;
      expect(e).toBeInstanceOf(ReadError);
      expect(e.code).toBe('corrupt');
      expect(e.text('zh')).toMatch(/xl\/worksheets\/sheet1\.xml 的校验和（CRC-32）不符/);
      expect(e.text('en')).toMatch(/fails its CRC-32 check/);
    }
  });
});

describe('dates stored as t="d"', () => {
  test('are dates, not serial numbers to add up: the check says 不是数字', async () => {
    const body = [
      rowXml(1, ['单位名称', '支出合计', '基本支出', '项目支出']),
      rowXml(2, ['合计', 1139.12, 416.1, 723.02]),
      rowXml(3, ['局机关', 788.64, 312.24, 476.4]),
      '<row r="4"><c r="A4" t="inlineStr"><is><t>妇幼保健院</t></is></c><c r="B4"><v>350.48</v></c><c r="C4" t="d"><v>2021-12-31T00:00:00</v></c><c r="D4"><v>246.62</v></c></row>',
    ].join('');
    const f = file(sheet(body));
    const wb = await readXlsx(f);
    expect(wb.sheets[0]!.numberFormats![3]![2]).toBe('yyyy-mm-dd');
    const report = await checkFileHere(f, {});
    const found = report.findings.filter((x) => x.rule === 'input/not-a-number');
    expect(found.length).toBeGreaterThan(0);
  });

  test('a date that cannot be read is damage', async () => {
    await damage(sheet('<row r="1"><c r="A1" t="d"><v>昨天</v></c></row>'), /表!A1 的日期（昨天）无法读取/, /cannot be read/);
  });
});

describe('GBK file names (a Windows zip unpacked on Kylin or UOS)', () => {
  // 单位 in GBK: not UTF-8
  const gbk = Buffer.from([0xb5, 0xa5, 0xce, 0xbb]);
  const root = mkdtempSync(path.join(tmpdir(), 'selfeval-gbk-'));
  const folder = Buffer.concat([Buffer.from(`${root}/`), gbk]);
  const workbook = Buffer.concat([folder, Buffer.from('/'), gbk, Buffer.from('.xlsx')]);
  mkdirSync(folder);
  writeFileSync(workbook, zip(sheet(rowXml(1, ['单位名称', 1]))));

  test('found in a folder, shown decoded and read', async () => {
    const targets = await expandTargets([root]);
    expect(targets).toEqual([{ file: path.join(root, '单位', '单位.xlsx') }]);
    expect(decodeName(gbk)).toBe('单位');
    expect((await readXlsx(targets[0]!.file)).sheets[0]!.values).toEqual([['单位名称', 1]]);
  });

  test('given as an argument (its bytes from the command line), shown decoded and checked', () => {
    const bin = path.join(__dirname, '../../bin/selfeval-check.js');
    const octal = (b: Buffer): string => [...b].map((x) => (x < 0x80 && x !== 0x25 && x !== 0x5c ? String.fromCharCode(x) : `\\${x.toString(8).padStart(3, '0')}`)).join('');
    const r = spawnSync('sh', ['-c', `exec "$0" "$1" --format json "$(printf '${octal(workbook)}')"`, process.execPath, bin], { encoding: 'utf8', timeout: 60_000 });
    const report = JSON.parse(r.stdout) as { files: Array<{ file: string; error?: string }> };
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.file).toBe(path.join(root, '单位', '单位.xlsx'));
    expect(report.files[0]!.error ?? null).toBeNull();
    expect(r.status).toBe(0);
  });
});

describe('wide sparse rows (item 11)', () => {
  test('one value in XFD on 3,000 rows of a small file is read a few cells a row, and the table beside it is checked', async () => {
    const rows = [rowXml(1, ['单位名称', '支出合计', '基本支出', '项目支出']), rowXml(2, ['合计', 1139.12, 416.1, 733.02]), rowXml(3, ['局机关', 788.64, 312.24, 476.4]), rowXml(4, ['妇幼保健院', 350.48, 103.86, 246.62])];
    for (let r = 6; r <= 3005; r++) rows.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
    const f = file(sheet(rows.join('')));
    const wb = await readXlsx(f);
    const far = wb.sheets[0]!.values[10]!;
    expect(far.length).toBe(16384);
    expect(Object.keys(far)).toEqual(['16383']);
    const report = await checkFileHere(f, {});
    expect(report.error).toBeNull();
    expect(report.findings.filter((x) => x.severity === 'error').map((x) => x.cells[0])).toEqual(['表!D2', '表!D2']);
  });
});

describe('overlapping entries (item 8)', () => {
  test('parts that share their bytes are a zip bomb, refused before anything is inflated', async () => {
    const parts = xlsxParts([{ name: '表一', body: `<sheetData>${rowXml(1, ['单位名称', 1])}</sheetData>` }, { name: '表二', body: '<sheetData/>' }]);
    const two = parts.findIndex((p) => p.name === 'xl/worksheets/sheet2.xml');
    parts[two] = { name: 'xl/worksheets/sheet2.xml', data: '', sameBytesAs: 'xl/worksheets/sheet1.xml' };
    await damage(parts, /xl\/worksheets\/sheet1\.xml 与 xl\/worksheets\/sheet2\.xml 的数据相互重叠/, /overlap in the package/);
  });

  test('a package whose parts follow one another is read', async () => {
    const parts = xlsxParts([{ name: '表一', body: `<sheetData>${rowXml(1, ['单位名称', 1])}</sheetData>` }, { name: '表二', body: '<sheetData/>' }]);
    expect((await readXlsx(file(parts))).sheets.map((s) => s.name)).toEqual(['表一', '表二']);
  });
});
