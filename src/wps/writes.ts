/**
 * Every write the pane makes in WPS 表格, as the same primitive operations as in Excel (src/taskpane/workbook-writes.ts:
 * fill, note, cells, sheet, setting), each with its inverse captured before it runs, so that 撤销 undoes it
 * exactly. ET's calls are synchronous; screen updating is off for the whole batch and back on in every path,
 * errors included.
 *
 * Where it differs from Excel: Interior.Color is BGR (0xBBGGRR), a cell without a fill has ColorIndex
 * xlColorIndexNone (-4142); notes are comments (ET has no separate notes), and Comment is null where there is
 * none; settings are the workbook's custom document properties (they travel with the .xlsx), each at most 255
 * characters, so a setting is kept as JSON in numbered parts ("selfeval.marks#0", "#1", … and "#n" their count).
 */
import { parseRange } from '../core/a1';
import type { SkippedWrite, WriteOp, WriteResult } from '../taskpane/workbook-writes';
import type { EtApp } from './snapshot';

export type { WriteOp, WriteResult };

const NO_FILL = -4142;
const PART = 240;

/** "#F8CBAD" → ET's BGR number, and back. */
export function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}
export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- ET's typings type most properties as any */
type Any = any;

/** The workbook the pane was opened for: every write and setting goes to it, whichever workbook is active. */
export type EtBook = Et.Workbook;

function sheetNamed(wb: EtBook, name: string): Any | null {
  const list = wb.Worksheets as Any;
  for (let i = 1; i <= list.Count; i++) {
    const ws = list.Item(i);
    if (ws.Name === name) return ws;
  }
  return null;
}

function props(wb: EtBook): Any {
  return (wb as Any).CustomDocumentProperties;
}

function propValue(wb: EtBook, name: string): string | undefined {
  try {
    return String(props(wb).Item(name).Value);
  } catch {
    return undefined;
  }
}

function setProp(wb: EtBook, name: string, value: string | undefined): void {
  const p = props(wb);
  let exists = true;
  try {
    p.Item(name);
  } catch {
    exists = false;
  }
  if (value === undefined) {
    if (exists) p.Item(name).Delete();
  } else if (exists) p.Item(name).Value = value;
  else p.Add(name, false, 4 /* msoPropertyTypeString */, value);
}

/** A setting kept in the workbook (custom document properties, in parts of at most 255 characters). */
export function readSetting(wb: EtBook, key: string): unknown {
  const n = Number(propValue(wb, `${key}#n`));
  if (!Number.isInteger(n) || n <= 0) return undefined;
  let json = '';
  for (let i = 0; i < n; i++) json += propValue(wb, `${key}#${i}`) ?? '';
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function writeSetting(wb: EtBook, key: string, value: unknown): void {
  const old = Number(propValue(wb, `${key}#n`)) || 0;
  const json = value === undefined ? '' : JSON.stringify(value);
  const parts = json ? Math.ceil(json.length / PART) : 0;
  for (let i = 0; i < parts; i++) setProp(wb, `${key}#${i}`, json.slice(i * PART, (i + 1) * PART));
  for (let i = parts; i < old; i++) setProp(wb, `${key}#${i}`, undefined);
  setProp(wb, `${key}#n`, parts ? String(parts) : undefined);
}

function commentText(cell: Any): string | null {
  const c = cell.Comment;
  if (!c) return null;
  try {
    return String(c.Text());
  } catch {
    return null;
  }
}

/** What undoes the part of a batch that ran before it failed (the error is rethrown as it was). */
const partial = new WeakMap<object, WriteOp[]>();
export function partialInverse(e: unknown): WriteOp[] {
  return (e !== null && typeof e === 'object' ? partial.get(e) : undefined) ?? [];
}

/** A sheet that is still there after Worksheet.Delete: the person chose 取消 in WPS's confirmation (it is shown
 *  where DisplayAlerts did not take), or WPS refused. Nothing after it in the batch is done. */
export class SheetNotDeleted extends Error {
  constructor(readonly sheet: string) {
    super(`工作表“${sheet}”未被删除（删除已取消），未做任何更改`);
  }
}

/** Worksheet.Delete asks the person to confirm unless DisplayAlerts is off: off around it, back as it was in every
 *  path. Whether the sheet went is read back, not taken from the call (Delete returns false on 取消 in Excel). */
function deleteSheet(app: EtApp, wb: EtBook, ws: Any, name: string): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    ws.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
  if (sheetNamed(wb, name)) throw new SheetNotDeleted(name);
}

/** Run the operations, screen updating off; returns what undoes them. When one fails, what undoes the ones done
 *  before it is `partialInverse(error)`. */
export function applyWritesEt(app: EtApp, wb: EtBook, ops: WriteOp[]): WriteResult {
  const inverse: WriteOp[] = [];
  const skipped: SkippedWrite[] = [];
  // off for the batch, unless a caller has it off already for a longer step (then that caller turns it on)
  const owner = app.ScreenUpdating !== false;
  if (owner) app.ScreenUpdating = false;
  try {
    for (const op of ops) {
      if (op.op === 'setting') {
        inverse.unshift({ op: 'setting', key: op.key, value: readSetting(wb, op.key) });
        writeSetting(wb, op.key, op.value);
        continue;
      }
      if (op.op === 'sheet') {
        const ws = sheetNamed(wb, op.name);
        if (op.exists && !ws) {
          const list = wb.Worksheets as Any;
          const added = list.Add(undefined, list.Item(list.Count));
          added.Name = op.name;
          inverse.unshift({ op: 'sheet', name: op.name, exists: false });
        } else if (!op.exists && ws) {
          // what the sheet held comes back with it on undo
          const used = ws.UsedRange;
          const address = `${used.Address(false, false)}`;
          const formulas = used.Formula;
          deleteSheet(app, wb, ws, op.name);
          inverse.unshift({ op: 'cells', sheet: op.name, address, formulas: Array.isArray(formulas) ? formulas : [[formulas]] });
          inverse.unshift({ op: 'sheet', name: op.name, exists: true });
        }
        continue;
      }
      const ws = sheetNamed(wb, op.sheet);
      if (!ws) {
        skipped.push({ sheet: op.sheet, address: op.address, reason: 'sheet-gone' });
        continue;
      }
      if (ws.ProtectContents) {
        skipped.push({ sheet: op.sheet, address: op.address, reason: 'protected' });
        continue;
      }
      const range = ws.Range(op.address);
      if (op.op === 'fill') {
        const none = range.Interior.ColorIndex === NO_FILL;
        const color = range.Interior.Color;
        inverse.unshift({ op: 'fill', sheet: op.sheet, address: op.address, color: none || color === null ? null : bgrToHex(Number(color)) });
        if (op.color === null) range.Interior.ColorIndex = NO_FILL;
        else range.Interior.Color = hexToBgr(op.color);
      } else if (op.op === 'note') {
        const current = commentText(range);
        if (op.expect !== undefined && current !== op.expect) {
          skipped.push({ sheet: op.sheet, address: op.address, reason: current === null ? 'note-gone' : 'note-edited' });
          continue;
        }
        // a comment a person wrote is theirs: a mark never replaces it (the fill still marks the cell)
        if (current !== null && op.text !== null && op.expect === undefined) continue;
        inverse.unshift({ op: 'note', sheet: op.sheet, address: op.address, text: current, ...(op.text !== null ? { expect: op.text } : {}) });
        if (current !== null) range.ClearComments();
        if (op.text !== null) range.AddComment(op.text);
      } else {
        const r = parseRange(op.address)!;
        const before = range.Formula;
        const rows = Array.isArray(before) ? before : [[before]];
        inverse.unshift({ op: 'cells', sheet: op.sheet, address: op.address, formulas: rows });
        range.Formula = (r.top === r.bottom && r.left === r.right ? op.formulas[0]?.[0] ?? '' : op.formulas) as Any;
      }
    }
  } catch (e) {
    if (e && typeof e === 'object') partial.set(e, inverse);
    throw e;
  } finally {
    if (owner) app.ScreenUpdating = true;
  }
  return { inverse, ...(skipped.length ? { skipped } : {}) };
}
