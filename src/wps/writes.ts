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
import { cellA1, parseRange } from '../core/a1';
import type { SkippedWrite, WriteOp, WriteResult } from '../taskpane/workbook-writes';
import type { EtApp } from './snapshot';

/** A cell's fill as ET keeps it, to put back exactly: none, or a colour (or theme colour) with its tint, a pattern
 *  and the pattern's colour (or automatic) and tint. */
export interface InteriorState {
  none: boolean;
  color?: number;
  theme?: number;
  tint?: number;
  pattern?: number;
  patternColor?: number;
  /** xlAutomatic (-4105) or xlNone (-4142): the pattern colour is that, not a colour */
  patternColorIndex?: number;
  patternTint?: number;
}

/** The operations of ./workbook-writes.ts, and what undoes a fill in ET: the whole Interior as it was. */
export type EtWriteOp = WriteOp | { op: 'interior'; sheet: string; address: string; state: InteriorState };
export interface EtWriteResult {
  inverse: EtWriteOp[];
  skipped?: SkippedWrite[];
}

export type { WriteOp, WriteResult };

const NO_FILL = -4142;
const AUTOMATIC = -4105;
const SOLID = 1;
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
const partial = new WeakMap<object, EtWriteOp[]>();
export function partialInverse(e: unknown): EtWriteOp[] {
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

/** A property of an Interior, where it reads as a number (a mixed range reads null; ThemeColor fails on a fill
 *  that is not a theme colour). */
function num(read: () => unknown): number | null | undefined {
  try {
    const v = read();
    return v === null ? null : typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The range's fill, or null where its cells differ. */
function readInterior(range: Any): InteriorState | null {
  const i = range.Interior;
  const index = num(() => i.ColorIndex);
  if (index === NO_FILL) return { none: true };
  const color = num(() => i.Color);
  if (index === null || color === null || color === undefined) return null;
  const st: InteriorState = { none: false, color };
  const theme = num(() => i.ThemeColor);
  const tint = num(() => i.TintAndShade);
  const pattern = num(() => i.Pattern);
  const patternIndex = num(() => i.PatternColorIndex);
  const patternColor = num(() => i.PatternColor);
  const patternTint = num(() => i.PatternTintAndShade);
  if ([theme, tint, pattern, patternIndex, patternColor, patternTint].includes(null)) return null;
  if (theme !== undefined && theme !== null && theme > 0) st.theme = theme;
  if (typeof tint === 'number') st.tint = tint;
  if (typeof pattern === 'number') st.pattern = pattern;
  if (patternIndex === AUTOMATIC || patternIndex === NO_FILL) st.patternColorIndex = patternIndex;
  else if (typeof patternColor === 'number') st.patternColor = patternColor;
  if (typeof patternTint === 'number') st.patternTint = patternTint;
  return st;
}

/** Put a fill back as readInterior read it: the colour (or theme colour) first, as setting it resets the tint. */
function writeInterior(range: Any, st: InteriorState): void {
  const i = range.Interior;
  if (st.none) {
    i.ColorIndex = NO_FILL;
    return;
  }
  if (st.theme !== undefined) i.ThemeColor = st.theme;
  else if (st.color !== undefined) i.Color = st.color;
  if (st.tint !== undefined) i.TintAndShade = st.tint;
  if (st.pattern !== undefined) i.Pattern = st.pattern;
  if (st.patternColorIndex !== undefined) i.PatternColorIndex = st.patternColorIndex;
  else if (st.patternColor !== undefined) i.PatternColor = st.patternColor;
  if (st.patternTint !== undefined) i.PatternTintAndShade = st.patternTint;
}

/** What puts the range's fill back: one operation, or one a cell where they differ. */
function interiorInverse(ws: Any, sheet: string, address: string): EtWriteOp[] {
  const range = ws.Range(address);
  const st = readInterior(range);
  if (st) return [{ op: 'interior', sheet, address, state: st }];
  const r = parseRange(address);
  const out: EtWriteOp[] = [];
  if (!r || (r.top === r.bottom && r.left === r.right)) return [{ op: 'interior', sheet, address, state: { none: true } }];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const a = cellA1(row, col);
      out.push({ op: 'interior', sheet, address: a, state: readInterior(ws.Range(a)) ?? { none: true } });
    }
  }
  return out;
}

/** Run the operations, screen updating off; returns what undoes them. When one fails, what undoes the ones done
 *  before it is `partialInverse(error)`. */
export function applyWritesEt(app: EtApp, wb: EtBook, ops: EtWriteOp[]): EtWriteResult {
  const inverse: EtWriteOp[] = [];
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
      if (op.op === 'fill' || op.op === 'interior') {
        // the whole Interior as it was (pattern, tints, theme colour), not only its colour
        inverse.unshift(...interiorInverse(ws, op.sheet, op.address));
        if (op.op === 'interior') writeInterior(range, op.state);
        else if (op.color === null) range.Interior.ColorIndex = NO_FILL;
        else {
          // a mark is a plain solid fill, whatever pattern or tint the cell had
          range.Interior.Color = hexToBgr(op.color);
          range.Interior.Pattern = SOLID;
          range.Interior.TintAndShade = 0;
        }
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
