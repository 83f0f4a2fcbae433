/**
 * The task pane's window onto WPS 表格: the same WorkbookHost the Excel add-in implements (src/taskpane/host.ts),
 * over ET's object model (`window.Application`). Reads are whole ranges (./snapshot.ts); every write goes through
 * ./writes.ts, is recorded for 撤销, and is told apart from a person's edit by the live checker; marks, the ignore
 * list and indicator values are kept in the workbook's custom document properties, so they travel with the file.
 */
import { cellA1, firstCell, parseRange, Rect, splitRef } from '../core/a1';
import { FileReport, Finding, findingKey, ignoredItem, IgnoredItem } from '../core/report';
import { WorkbookSnapshot } from '../core/snapshot';
import { IGNORED_KEY, MARK_FILL, MARKS_KEY, plannedMarks, RESULT_SHEET, resultRows, VALUES_KEY } from '../taskpane/workbook-writes';
import type { CellChange, WorkbookHost, WriteNotice } from '../taskpane/host';
import { mergeSheets, sameWorkbook } from '../core/snapshot-equal';
import { EtApp, readSheetsEt, readSnapshotEt, sheetNamesEt } from './snapshot';
import { applyWritesEt, EtBook, EtWriteOp, EtWriteResult, partialInverse, readSetting } from './writes';

/** Changes the pane's own writes cause arrive as SheetChange events too: those on the cells a write touched are
 *  ignored for this long after it (WPS may deliver them late); a person's edit elsewhere is checked at once. */
const ECHO_MS = 400;
const DEBOUNCE_MS = 300;

export class WpsHost implements WorkbookHost {
  readonly kind = 'wps' as const;
  fileName: string;
  private undoStack: Array<{ label: string; inverse: EtWriteOp[] }> = [];
  private writingUntil = 0;
  /** the cells the latest write touched, per sheet */
  private touched = new Map<string, Rect[]>();
  private writing = false;
  private listener: ((sheet: unknown, range: unknown) => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private onLive: ((wb: WorkbookSnapshot) => void) | null = null;
  private onLiveError: ((e: unknown) => void) | null = null;
  /** the latest reading (the pane's or the live checker's): live checks read again only the sheets edited since */
  private last: WorkbookSnapshot | null = null;
  /** the sheets edited since the last live check (null: one event did not say its sheet — read everything) */
  private dirty: Set<string> | null = new Set();

  /** the workbook the pane was opened for: reads, writes, 撤销 and live checks are its, whichever is active later */
  private readonly wb: EtBook;

  constructor(private readonly app: EtApp, private readonly now: () => number = Date.now) {
    this.wb = app.ActiveWorkbook;
    this.fileName = String((this.wb as unknown as { Name?: string }).Name ?? '当前工作簿');
  }

  /** The host's workbook, still open (a closed workbook's object throws on use). */
  private book(): EtBook {
    try {
      void this.wb.FullName;
    } catch {
      throw new Error(`工作簿“${this.fileName}”已关闭`);
    }
    return this.wb;
  }

  /** Whether a workbook (an event's, the active one) is the host's: the same object, or the same file. */
  private isMine(other: unknown): boolean {
    if (other === this.wb) return true;
    try {
      const a = (other as { FullName?: unknown } | null)?.FullName;
      return typeof a === 'string' && a === this.wb.FullName;
    } catch {
      return false;
    }
  }

  async read(): Promise<WorkbookSnapshot> {
    this.last = readSnapshotEt(this.app, this.book());
    return this.last;
  }

  /**
   * What a live check reads: the sheets edited since the last reading, merged into it, when the workbook still has
   * the sheets it had (else the whole workbook: a sheet added, deleted or renamed, or an edit that did not say its
   * sheet). Null when what was read again holds what it held: the report would be the same, and is not made again.
   */
  private liveRead(): WorkbookSnapshot | null {
    const wb = this.book();
    const dirty = this.dirty;
    this.dirty = new Set();
    const last = this.last;
    const names = last ? sheetNamesEt(wb) : [];
    if (!last || !dirty || names.length !== last.sheets.length || names.some((n, i) => n !== last.sheets[i]!.name) || [...dirty].some((d) => !names.includes(d))) {
      const all = readSnapshotEt(this.app, wb);
      if (last && sameWorkbook(all, last)) return null;
      return (this.last = all);
    }
    const merged = mergeSheets(last, readSheetsEt(wb, [...dirty]));
    return merged ? (this.last = merged.workbook) : null;
  }

  /** The host's workbook in front: a sheet of a workbook that is not active cannot be activated. */
  private bringForward(): EtBook {
    const wb = this.book();
    if (!this.isMine(this.app.ActiveWorkbook)) (wb as unknown as { Activate(): void }).Activate();
    return wb;
  }

  async select(cells: string[]): Promise<void> {
    const ref = cells[0] ? splitRef(cells[0]) : null;
    if (!ref) return;
    const list = this.bringForward().Worksheets as unknown as { Count: number; Item(i: number): { Name: string; Activate(): void; Range(a: string): { Select(): unknown } } };
    for (let i = 1; i <= list.Count; i++) {
      const ws = list.Item(i);
      if (ws.Name !== ref.sheet) continue;
      // a hidden sheet cannot be activated: said plainly, not as ET's error
      if ((ws as unknown as { Visible: number }).Visible !== -1) throw new Error(`工作表“${ref.sheet}”已隐藏，无法定位到 ${cells[0]}：请先取消隐藏该工作表。`);
      // the sheet first: Select on a range of a sheet that is not active fails
      ws.Activate();
      ws.Range(ref.address).Select();
      return;
    }
  }

  /** One undoable step: its writes (in order), with screen updating off, as one entry for 撤销. */
  private step(label: string, run: (apply: (ops: EtWriteOp[]) => EtWriteResult) => void): EtWriteResult {
    const inverse: EtWriteOp[] = [];
    const skipped: NonNullable<EtWriteResult['skipped']> = [];
    this.writing = true;
    const owner = this.app.ScreenUpdating !== false;
    if (owner) this.app.ScreenUpdating = false;
    try {
      this.touched = new Map();
      run((ops) => {
        this.noteTouched(ops);
        let r: EtWriteResult;
        try {
          r = applyWritesEt(this.app, this.book(), ops);
        } catch (e) {
          // what ran before the failure is undoable; a sheet that was not deleted leaves nothing to undo
          inverse.unshift(...partialInverse(e));
          throw e;
        }
        inverse.unshift(...r.inverse);
        skipped.push(...(r.skipped ?? []));
        return r;
      });
    } finally {
      if (owner) this.app.ScreenUpdating = true;
      this.writing = false;
      this.writingUntil = this.now() + ECHO_MS;
      if (inverse.length) this.undoStack.push({ label, inverse });
    }
    return { inverse, ...(skipped.length ? { skipped } : {}) };
  }

  private write(label: string, ops: EtWriteOp[]): EtWriteResult {
    return this.step(label, (apply) => void apply(ops));
  }

  private notice(r: EtWriteResult): WriteNotice | void {
    return r.skipped ? { skipped: r.skipped } : undefined;
  }

  async mark(findings: Finding[]): Promise<WriteNotice | void> {
    const ops: EtWriteOp[] = [];
    for (const m of plannedMarks(findings)) {
      ops.push({ op: 'fill', sheet: m.sheet, address: m.address, color: MARK_FILL[m.severity] });
      ops.push({ op: 'note', sheet: m.sheet, address: m.address, text: m.text });
    }
    return this.notice(this.step('标记', (apply) => {
      // marking twice does not stack: the marks in place are cleared in the same step
      const previous = readSetting(this.book(), MARKS_KEY);
      if (Array.isArray(previous) && previous.length) apply(previous as EtWriteOp[]);
      const marked = apply(ops);
      // what undoes the marks (and only the marks) is what 清除标记 runs, from the workbook's properties
      apply([{ op: 'setting', key: MARKS_KEY, value: marked.inverse.length ? marked.inverse : undefined }]);
    }));
  }

  async clearMarks(): Promise<WriteNotice | void> {
    const previous = (readSetting(this.book(), MARKS_KEY) as EtWriteOp[] | undefined) ?? [];
    if (!previous.length) return undefined;
    return this.notice(this.write('清除标记', [...previous, { op: 'setting', key: MARKS_KEY, value: undefined }]));
  }

  async ignored(): Promise<IgnoredItem[]> {
    const v = readSetting(this.book(), IGNORED_KEY);
    return Array.isArray(v) ? (v as IgnoredItem[]) : [];
  }

  async ignore(f: Finding | readonly Finding[]): Promise<void> {
    const list = await this.ignored();
    const fresh = (Array.isArray(f) ? f : [f]).filter((x) => !list.some((y) => y.key === findingKey(x)));
    if (!fresh.length) return;
    this.write('忽略', [{ op: 'setting', key: IGNORED_KEY, value: [...list, ...fresh.map((x) => ignoredItem(x))] }]);
  }

  async restore(key: string): Promise<void> {
    const list = await this.ignored();
    const next = list.filter((x) => x.key !== key);
    if (next.length === list.length) return;
    this.write('恢复', [{ op: 'setting', key: IGNORED_KEY, value: next.length ? next : undefined }]);
  }

  async exportResults(report: FileReport): Promise<void> {
    const rows = resultRows({ ...report, file: this.fileName });
    const address = `A1:${cellA1(rows.length - 1, rows[0]!.length - 1)}`;
    this.write('导出', [
      { op: 'sheet', name: RESULT_SHEET, exists: false },
      { op: 'sheet', name: RESULT_SHEET, exists: true },
      { op: 'cells', sheet: RESULT_SHEET, address, formulas: rows },
    ]);
    const list = this.bringForward().Worksheets as unknown as { Item(n: string): { Activate(): void } };
    list.Item(RESULT_SHEET).Activate();
  }

  async undo(): Promise<string | undefined> {
    const last = this.undoStack.pop();
    if (!last) return undefined;
    this.writing = true;
    this.touched = new Map();
    this.noteTouched(last.inverse);
    try {
      applyWritesEt(this.app, this.book(), last.inverse);
    } catch (e) {
      // an undo that could not finish (a sheet not deleted: 取消) is taken back, and stays to be undone
      const back = partialInverse(e);
      try {
        if (back.length) applyWritesEt(this.app, this.wb, back);
      } catch {
        // the failure that stopped the undo is the one to report
      }
      this.undoStack.push(last);
      throw e;
    } finally {
      this.writing = false;
      this.writingUntil = this.now() + ECHO_MS;
    }
    return last.label;
  }

  undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  async indicatorValues(): Promise<Record<string, string>> {
    const v = readSetting(this.book(), VALUES_KEY);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  }

  async setIndicatorValue(name: string, value: string | undefined): Promise<void> {
    const next = { ...(await this.indicatorValues()) };
    if (value === undefined || value.trim() === '') delete next[name];
    else next[name] = value.trim();
    this.write('指标值', [{ op: 'setting', key: VALUES_KEY, value: Object.keys(next).length ? next : undefined }]);
  }

  async writeNumbers(label: string, changes: CellChange[]): Promise<WriteNotice | void> {
    const ops: EtWriteOp[] = [];
    for (const c of changes) {
      const ref = splitRef(c.cell);
      if (ref) ops.push({ op: 'cells', sheet: ref.sheet, address: firstCell(ref.address), formulas: [[c.value]] });
    }
    return this.notice(this.write(label, ops));
  }

  /** Live checks on SheetChange: a person's edit re-reads the workbook (debounced); the pane's own writes do not. */
  async startLive(initial: WorkbookSnapshot, onSnapshot: (wb: WorkbookSnapshot) => void, onError: (e: unknown) => void): Promise<void> {
    this.last = initial;
    this.dirty = new Set();
    this.onLive = onSnapshot;
    this.onLiveError = onError;
    if (this.listener) return;
    this.listener = (sheet: unknown, range: unknown) => {
      // SheetChange is application-wide: an edit in another open workbook is not this pane's to check
      // (an event whose sheet does not say its workbook is taken as this one's)
      const parent = (sheet as { Parent?: unknown } | null)?.Parent;
      if (parent !== undefined && parent !== null && !this.isMine(parent)) return;
      if (this.writing) return;
      if (this.now() < this.writingUntil && this.isEcho(sheet, range)) return;
      let name: unknown;
      try {
        name = (sheet as { Name?: unknown } | null)?.Name;
      } catch {
        name = undefined;
      }
      if (typeof name === 'string') this.dirty?.add(name);
      else this.dirty = null;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        try {
          const next = this.liveRead();
          if (next) this.onLive?.(next);
        } catch (e) {
          this.dirty = null; // what failed is read whole next time
          this.onLiveError?.(e);
        }
      }, DEBOUNCE_MS);
    };
    (this.app as unknown as { ApiEvent: { AddApiEventListener(n: string, f: unknown): void } }).ApiEvent.AddApiEventListener('SheetChange', this.listener);
  }

  private noteTouched(ops: EtWriteOp[]): void {
    for (const o of ops) {
      if (o.op !== 'fill' && o.op !== 'interior' && o.op !== 'note' && o.op !== 'cells') continue;
      const rect = parseRange(o.address);
      if (rect) this.touched.set(o.sheet, [...(this.touched.get(o.sheet) ?? []), rect]);
    }
  }

  private isEcho(sheet: unknown, range: unknown): boolean {
    const name = (sheet as { Name?: string } | null)?.Name;
    let address: string | undefined;
    try {
      address = (range as { Address?: (a?: boolean, b?: boolean) => string } | null)?.Address?.(false, false);
    } catch {
      address = undefined;
    }
    const rect = address ? parseRange(address.replace(/\$/g, '')) : null;
    const rects = name !== undefined ? this.touched.get(name) : undefined;
    // an event that does not say where it is, during the window, is taken as the echo
    if (!rect || !rects) return !rect;
    return rects.some((t) => rect.top <= t.bottom && rect.bottom >= t.top && rect.left <= t.right && rect.right >= t.left);
  }

  async stopLive(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.listener) (this.app as unknown as { ApiEvent: { RemoveApiEventListener(n: string, f: unknown): void } }).ApiEvent.RemoveApiEventListener('SheetChange', this.listener);
    this.listener = null;
  }
}

/** The WPS host, when the pane runs inside WPS 表格 (its embedded browser provides `window.Application`). */
export function detectWps(w: { Application?: unknown } = globalThis as { Application?: unknown }): WpsHost | null {
  const app = w.Application as { ActiveWorkbook?: unknown; ApiEvent?: unknown } | undefined;
  if (!app || typeof app !== 'object' || !app.ActiveWorkbook || !app.ApiEvent) return null;
  return new WpsHost(app as unknown as EtApp);
}
