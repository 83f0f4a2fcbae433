/**
 * Live checking: after the user stops typing (a debounce of a few hundred ms), re-read the sheets that changed
 * and check again. Excel's events have gaps, covered here:
 * - multi-cell edits and pastes carry no `details`: the whole sheet is re-read, never the event's payload;
 * - recalculated formula cells and data-validation picks fire no onChanged: onCalculated is listened to too;
 * - sheets added or deleted: the whole workbook is read again.
 * The add-in's own writes must not start a loop: events whose triggerSource is this add-in (ExcelApi 1.14) are
 * skipped, and while the add-in writes (`guard`) every event is. Events that carry no trigger source at all
 * (recalculation, sheets added or deleted, and every event below ExcelApi 1.14) arrive after the write that caused
 * them: for a moment after each of the add-in's own writes (`QUIET_MS`), such events are taken as its echo.
 * A sheet renamed (onNameChanged, ExcelApi 1.17, or a re-read sheet whose name the copy does not know) makes the
 * whole workbook read again, so its edits are never dropped.
 */
import { parseRange } from '../core/a1';
import { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { supports } from './api';
import { readSheets, readSnapshot } from './snapshot';

/** How long after the add-in's own write an event without a trigger source is taken as that write's echo. */
export const QUIET_MS = 1500;

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run, waiting out a cell being edited rather than failing (delayForCellEdit). */
export const excelRunner: Runner = (batch) => Excel.run({ delayForCellEdit: true }, batch);

interface SheetEvent {
  worksheetId?: string;
  triggerSource?: string;
  type?: string;
  address?: string;
}

/** Is the cell (or the first cell of) `a` inside the range `r` ("B3:D9")? */
function inRange(a: string, r: string): boolean {
  const cell = parseRange(a.split(':')[0]!);
  const rect = parseRange(r);
  return !!cell && !!rect && cell.top >= rect.top && cell.top <= rect.bottom && cell.left >= rect.left && cell.left <= rect.right;
}

export class LiveChecker {
  private snapshot: WorkbookSnapshot | null = null;
  private dirty = new Set<string>();
  private everything = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing = 0;
  private handlers: Array<{ remove: () => void; context: { sync: () => Promise<unknown> } }> = [];
  private running: Promise<void> | null = null;
  /** until when events without a trigger source are the echo of the add-in's own write */
  private quietUntil = 0;
  /** the cells ("D22") that write touched: a change event elsewhere in the window is a person's edit */
  private touched: Set<string> | null = null;
  enabled = false;

  constructor(
    private run: Runner,
    private onSnapshot: (wb: WorkbookSnapshot, changed: string[] | 'all') => void,
    private debounceMs = 400,
    private onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Start listening (the first full read is the caller's: give it here so edits are merged into it). */
  async start(initial: WorkbookSnapshot): Promise<void> {
    this.snapshot = initial;
    if (this.enabled) return;
    this.enabled = true;
    await this.run(async (context) => {
      const ws = context.workbook.worksheets;
      const on = (e: SheetEvent): Promise<void> => this.onEvent(e);
      const added: Array<OfficeExtension.EventHandlerResult<unknown>> = [ws.onChanged.add(on), ws.onCalculated.add(on)];
      if (ws.onAdded) added.push(ws.onAdded.add(() => this.onStructure()));
      if (ws.onDeleted) added.push(ws.onDeleted.add(() => this.onStructure()));
      if (supports('ExcelApi', '1.17') && ws.onNameChanged) added.push(ws.onNameChanged.add(() => this.onStructure()));
      this.handlers = added as unknown as typeof this.handlers;
      await context.sync();
    });
  }

  async stop(): Promise<void> {
    this.enabled = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // a handler is removed through the request context it was added with
    const handlers = this.handlers.splice(0);
    for (const h of handlers) h.remove();
    const contexts = new Set(handlers.map((h) => h.context));
    for (const c of contexts) await c.sync();
  }

  /**
   * Run the add-in's own writes with events ignored. `touched` gives the cells the write changed (A1 addresses;
   * none known: every event in the window is its echo), so that below ExcelApi 1.14, where no event says who
   * made it, a person's edit elsewhere right after the write is still checked.
   */
  async guard<T>(fn: () => Promise<T>, touched?: (result: T) => string[] | null): Promise<T> {
    this.writing++;
    let result: T | undefined;
    try {
      result = await fn();
      return result;
    } finally {
      this.writing--;
      this.quietUntil = Date.now() + QUIET_MS;
      const cells = result !== undefined && touched ? touched(result) : null;
      this.touched = cells ? new Set(cells.map((a) => a.replace(/\$/g, '').toUpperCase())) : null;
    }
  }

  /** Is this event, in the window after a write, that write's echo? */
  private isEcho(e: SheetEvent & { address?: string }): boolean {
    if (e.triggerSource || Date.now() >= this.quietUntil) return false;
    if (!this.touched || !e.address || e.type === 'WorksheetCalculated') return true;
    const at = e.address.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
    return [...this.touched].some((t) => t === at || (t.includes(':') && inRange(at, t)));
  }

  /** Replace the cached snapshot (after a full check the pane ran itself). */
  setSnapshot(wb: WorkbookSnapshot): void {
    this.snapshot = wb;
  }

  private async onEvent(e: SheetEvent): Promise<void> {
    if (!this.enabled || this.writing > 0 || e.triggerSource === 'ThisLocalAddin') return;
    if (this.isEcho(e)) return;
    if (e.worksheetId) this.dirty.add(e.worksheetId);
    else this.everything = true;
    this.schedule();
  }

  private async onStructure(): Promise<void> {
    if (!this.enabled || this.writing > 0 || Date.now() < this.quietUntil) return;
    this.everything = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.debounceMs);
  }

  /** Re-read what changed and report the new snapshot. Exposed for tests and for a "check now". */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    const ids = [...this.dirty];
    const all = this.everything || !this.snapshot;
    this.dirty.clear();
    this.everything = false;
    if (!all && !ids.length) return;
    this.running = (async () => {
      try {
        if (all) {
          this.snapshot = await this.run(readSnapshot);
          this.onSnapshot(this.snapshot, 'all');
          return;
        }
        const fresh: SheetSnapshot[] = await this.run((ctx) => readSheets(ctx, ids));
        if (fresh.some((s) => !this.snapshot!.sheets.some((x) => x.name === s.name))) {
          // a sheet renamed since the copy was made: read the workbook again rather than drop its edits
          this.snapshot = await this.run(readSnapshot);
          this.onSnapshot(this.snapshot, 'all');
          return;
        }
        const byName = new Map(fresh.map((s) => [s.name, s]));
        this.snapshot = { sheets: this.snapshot!.sheets.map((s) => byName.get(s.name) ?? s) };
        this.onSnapshot(this.snapshot, fresh.map((s) => s.name));
      } catch (e) {
        this.onError(e);
      }
    })();
    await this.running;
    this.running = null;
  }
}
