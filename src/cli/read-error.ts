/**
 * Why a file was not checked, in words for a person: every message says what happened and what to do, in
 * Chinese or English. No library or system text reaches a person alone (an error code or a library's
 * sentence may follow in brackets, for whoever maintains the file).
 */
import { Lang } from '../core';

const MESSAGES = {
  notFound: { zh: '文件或文件夹不存在：请检查路径', en: 'No such file or folder: check the path' },
  notFile: { zh: '这是文件夹，不是文件', en: 'This is a folder, not a file' },
  notXlsx: {
    zh: '不是可校验的文件：可校验的是工作簿（.xlsx、.xlsm、.xls、.et）和 Word 报告（.docx）；其他格式请先用 Excel、WPS 或 Word 另存为其中一种',
    en: 'Not a file that can be checked: workbooks (.xlsx, .xlsm, .xls, .et) and Word reports (.docx) can; save other formats as one of them in Excel, WPS or Word first',
  },
  notChecked: {
    zh: '{ext} 文件不是工作簿或 Word 报告，未校验',
    en: 'a {ext} file is no workbook or Word report: not checked',
  },
  notRegular: {
    zh: '不是普通文件（设备、管道或套接字），未读取：请指定保存在磁盘上的工作簿',
    en: 'Not a regular file (a device, pipe or socket) and not read: give a workbook saved on disk',
  },
  noAccess: {
    zh: '没有读取权限（{code}）：请检查文件或文件夹的权限，或复制到有权限的位置后再校验',
    en: 'Permission denied ({code}): check the permissions, or copy it somewhere readable and check it there',
  },
  busy: { zh: '文件被其他程序占用（{code}）：请关闭占用它的程序后重试', en: 'The file is in use by another program ({code}): close it and try again' },
  io: { zh: '无法读取文件（{code}）：请确认文件完好、磁盘可读后重试', en: 'The file could not be read ({code}): make sure it is intact and the disk readable, then try again' },
  folder: { zh: '无法列出文件夹内容（{code}）：此文件夹中的文件未校验；请检查权限', en: 'The folder could not be listed ({code}): its files were not checked; check its permissions' },
  empty: { zh: '文件为空（0 字节）：请确认保存完整后再校验', en: 'The file is empty (0 bytes): make sure it was saved completely' },
  tooLarge: {
    zh: '文件过大：{what}，超过上限 {limit}，未校验；请删去与自评无关的工作表或数据后另存再校验',
    en: 'File too large: {what}, over the limit of {limit}; not checked. Remove sheets or data unrelated to the self-evaluation and save it again',
  },
  tooManyEntries: {
    zh: '文件过大：压缩包内的部件超过 {limit} 个，未校验；请用 Excel 或 WPS 打开后另存为 .xlsx',
    en: 'File too large: the package has more than {limit} parts; not checked. Open it in Excel or WPS and save it as .xlsx again',
  },
  tooManyCells: {
    zh: '文件过大：非空单元格超过 {limit} 个，未校验；请删去与自评无关的工作表或数据后另存再校验',
    en: 'File too large: more than {limit} non-empty cells; not checked. Remove sheets or data unrelated to the self-evaluation and save it again',
  },
  tooManySheets: {
    zh: '文件过大：有 {count} 张工作表，超过上限 {limit} 张，未校验；请删去与自评无关的工作表后另存再校验',
    en: 'File too large: {count} sheets, over the limit of {limit}; not checked. Remove the sheets unrelated to the self-evaluation and save it again',
  },
  outOfMemory: {
    zh: '文件过大：读取和校验所需内存超过上限（{limit}），已放弃此文件，其余文件照常校验',
    en: 'File too large: reading and checking it needs more memory than the limit ({limit}); this file was given up, the others were checked',
  },
  timeout: {
    zh: '处理超时：{limit} 秒内未能完成，已放弃此文件，其余文件照常校验；文件可能过大或结构异常',
    en: 'Timed out: not finished within {limit} s; this file was given up, the others were checked. It may be too large or oddly built',
  },
  oleOrEncrypted: {
    zh: '文件已加密，或是旧版 .xls 格式：请取消密码保护并另存为 .xlsx 后再校验',
    en: 'The file is encrypted or in the old .xls format: remove the password and save it as .xlsx, then check it again',
  },
  notZip: {
    zh: '不是 .xlsx 文件（文件内容不是 Office Open XML 压缩包）：请用 Excel 或 WPS 打开后另存为 .xlsx',
    en: 'Not an .xlsx file (its content is not an Office Open XML package): open it in Excel or WPS and save it as .xlsx',
  },
  corrupt: {
    zh: '文件已损坏或无法解析（{reason}）：请用 Excel 或 WPS 打开，修复后另存为 .xlsx 再校验',
    en: 'The file is damaged or cannot be parsed ({reason}): open it in Excel or WPS, let it repair the file, save it as .xlsx and check again',
  },
  truncated: {
    zh: '文件不完整（可能未下载或复制完整）：请重新获取或重新保存该文件后再校验',
    en: 'The file is incomplete (it may not have been downloaded or copied completely): get or save it again, then check it',
  },
  badXml: {
    zh: '文件内容已损坏（{reason}）：请用 Excel 或 WPS 打开，修复后另存为 .xlsx 再校验',
    en: 'The file’s content is damaged ({reason}): open it in Excel or WPS, let it repair the file, save it as .xlsx and check again',
  },
  noWorkbook: {
    zh: '不是可读的 Excel 工作簿：文件中没有工作表（可能已损坏，或是其他程序的压缩包）；请用 Excel 打开确认后另存为 .xlsx',
    en: 'Not a readable Excel workbook: the file has no worksheet (it may be damaged, or another program’s archive); open it in Excel and save it as .xlsx',
  },
  oldDoc: {
    zh: '旧版 Word .doc 格式，请用 Word 或 WPS 另存为 .docx 后再校验',
    en: 'An old Word .doc file: save it as .docx in Word or WPS, then check it again',
  },
  encrypted: {
    zh: '文件已加密（设置了打开密码）：请在 Word 或 WPS 中取消密码保护并另存为 .docx 后再校验',
    en: 'The file is encrypted (it has an open password): remove the password in Word or WPS, save it as .docx and check it again',
  },
  noDocument: {
    zh: '不是可读的 Word 文档：文件中没有正文部件 word/document.xml（可能已损坏，或是其他程序的压缩包）；请用 Word 或 WPS 打开确认后另存为 .docx',
    en: 'Not a readable Word document: the file has no word/document.xml (it may be damaged, or another program’s archive); open it in Word or WPS and save it as .docx',
  },
  tooManyTables: {
    zh: '文件过大：有 {count} 个表格，超过上限 {limit} 个，未校验；请删去与自评无关的表格后另存再校验',
    en: 'File too large: {count} tables, over the limit of {limit}; not checked. Remove the tables unrelated to the self-evaluation and save it again',
  },
  crashed: {
    zh: '校验此文件时程序出错（{reason}），已放弃此文件，其余文件照常校验：请把文件发给维护人员',
    en: 'The checker failed on this file ({reason}); it was given up, the others were checked: please send the file to the maintainers',
  },
} as const;

/**
 * The same errors said of a Word report (data.format = 'docx', set by ./check-file.ts for a .docx): what to open
 * it in and what to save it as. The error codes are the same, so programs see one list.
 */
const DOCX_MESSAGES: Partial<Record<keyof typeof MESSAGES, { zh: string; en: string }>> = {
  tooLarge: {
    zh: '文件过大：{what}，超过上限 {limit}，未校验；请删去与自评无关的内容后另存再校验',
    en: 'File too large: {what}, over the limit of {limit}; not checked. Remove content unrelated to the self-evaluation and save it again',
  },
  tooManyEntries: {
    zh: '文件过大：压缩包内的部件超过 {limit} 个，未校验；请用 Word 或 WPS 打开后另存为 .docx',
    en: 'File too large: the package has more than {limit} parts; not checked. Open it in Word or WPS and save it as .docx again',
  },
  tooManyCells: {
    zh: '文件过大：段落和表格单元格超过 {limit} 个，未校验；请删去与自评无关的内容后另存再校验',
    en: 'File too large: more than {limit} paragraphs and table cells; not checked. Remove content unrelated to the self-evaluation and save it again',
  },
  oleOrEncrypted: {
    zh: '文件已加密，或是旧版 Word .doc 格式：请取消密码保护并用 Word 或 WPS 另存为 .docx 后再校验',
    en: 'The file is encrypted or in the old Word .doc format: remove the password and save it as .docx in Word or WPS, then check it again',
  },
  notZip: {
    zh: '不是 .docx 文件（文件内容不是 Office Open XML 压缩包）：请用 Word 或 WPS 打开后另存为 .docx',
    en: 'Not a .docx file (its content is not an Office Open XML package): open it in Word or WPS and save it as .docx',
  },
  corrupt: {
    zh: '文件已损坏或无法解析（{reason}）：请用 Word 或 WPS 打开，修复后另存为 .docx 再校验',
    en: 'The file is damaged or cannot be parsed ({reason}): open it in Word or WPS, let it repair the file, save it as .docx and check again',
  },
  badXml: {
    zh: '文件内容已损坏（{reason}）：请用 Word 或 WPS 打开，修复后另存为 .docx 再校验',
    en: 'The file’s content is damaged ({reason}): open it in Word or WPS, let it repair the file, save it as .docx and check again',
  },
};

export type ReadErrorCode = keyof typeof MESSAGES;

export class ReadError extends Error {
  constructor(readonly code: ReadErrorCode, readonly data: Record<string, string | number> = {}) {
    super(readErrorText(code, data, 'zh'));
  }

  text(lang: Lang): string {
    return readErrorText(this.code, this.data, lang);
  }

  /** The same error, said of a Word report (Word and .docx in place of Excel and .xlsx). */
  ofDocx(): ReadError {
    return this.data.format === 'docx' ? this : new ReadError(this.code, { ...this.data, format: 'docx' });
  }

  /** A system error (ENOENT, EACCES …) as one of ours. */
  static fromSystem(e: unknown, folder = false): ReadError {
    const code = String((e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return new ReadError('notFound');
    if (code === 'EACCES' || code === 'EPERM') return new ReadError(folder ? 'folder' : 'noAccess', { code });
    if (code === 'EBUSY' || code === 'ETXTBSY') return new ReadError('busy', { code });
    if (code === 'EISDIR') return new ReadError('notFile');
    return new ReadError(folder ? 'folder' : 'io', { code });
  }
}

export function readErrorText(code: ReadErrorCode, data: Record<string, string | number>, lang: Lang): string {
  const t: string = (data.format === 'docx' ? DOCX_MESSAGES[code] ?? MESSAGES[code] : MESSAGES[code])[lang];
  // a datum may be given in each language ("reason" in Chinese, "reason.en" in English)
  return t.replace(/\{(\w+)\}/g, (m, k: string) => (`${k}.${lang}` in data ? String(data[`${k}.${lang}`]) : k in data ? String(data[k]) : m));
}
