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
import { mergeSheets, sameWorkbook } from '../core/snapshot-equal';
import { supports } from './api';
import { readSheets, readSnapshot } from './snapshot';

/** How long after the add-in's own write an event without a trigger source is taken as that write's echo. */
export const QUIET_MS = 1500;

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run, waiting out a cell being edited rather than failing (delayForCellEdit). */
export const excelRunner: Runner = (batch) => Excel.run({ delayForCellEdit: true }, batch);

type Handler = { remove: () => void; context: { sync: () => Promise<unknown> } };

/** Live checking needs the sheets' change events: Worksheet.onChanged, ExcelApi 1.7 (Excel 2019 has 1.8). */
export function liveSupported(): boolean {
  return supports('ExcelApi', '1.7');
}

/** Said when the host is older than live checking (Excel 2016: ExcelApi 1.1). */
export class LiveUnsupportedError extends Error {
  code = 'LiveUnsupported';
  constructor() {
    super('此版本的 Excel 不支持实时校验（需要 ExcelApi 1.7，即 Excel 2019 或更新版本）：请关闭“实时校验”，修改后按“一键校验”。');
  }
}

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
  private handlers: Handler[] = [];
  private starting: Promise<void> | null = null;
  /** below ExcelApi 1.9 each sheet has its own onChanged: a sheet added later gets one too */
  private perSheet = false;
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

  /**
   * Start listening (the first full read is the caller's: give it here so edits are merged into it). Every event
   * is registered only where the host's level has it, and guarded besides: office.js throws at the very reading
   * of a member above the host's level (the local office.js 1.1.110 gates `onNameChanged` on ExcelApiOnline, which
   * no desktop Excel has). The checker counts as on only once its handlers are in place: a start that failed leaves
   * it off (and says why), so the next start tries again.
   */
  async start(initial: WorkbookSnapshot): Promise<void> {
    this.snapshot = initial;
    if (this.enabled) return;
    if (this.starting) return this.starting;
    if (!liveSupported()) throw new LiveUnsupportedError();
    this.starting = (async () => {
      try {
        await this.run(async (context) => {
          const ws = context.workbook.worksheets;
          const on = (e: SheetEvent): Promise<void> => this.onEvent(e);
          const added: Handler[] = [];
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every event's handlers, whatever their args
          const tryAdd = (event: () => OfficeExtension.EventHandlers<any> | undefined, h: (e: SheetEvent) => Promise<void>): boolean => {
            try {
              const ev = event();
              if (!ev || typeof ev.add !== 'function') return false;
              added.push(ev.add(h) as Handler);
              return true;
            } catch {
              return false; // above this host's level, or not in this office.js
            }
          };
          if (supports('ExcelApi', '1.9')) tryAdd(() => ws.onChanged, on);
          else {
            // WorksheetCollection.onChanged is ExcelApi 1.9; each sheet's own onChanged is 1.7 (onCalculated 1.8)
            ws.load('items/name');
            await context.sync();
            for (const sheet of ws.items) {
              tryAdd(() => sheet.onChanged, on);
              if (supports('ExcelApi', '1.8')) tryAdd(() => sheet.onCalculated, on);
            }
            this.perSheet = true;
          }
          if (supports('ExcelApi', '1.8') && !this.perSheet) tryAdd(() => ws.onCalculated, on);
          tryAdd(() => ws.onAdded, (e) => this.onStructure(e));
          tryAdd(() => ws.onDeleted, (e) => this.onStructure(e));
          if (supports('ExcelApi', '1.17')) tryAdd(() => ws.onNameChanged, (e) => this.onStructure(e));
          this.handlers = added;
          await context.sync();
        });
        this.enabled = true;
      } catch (e) {
        // nothing was registered (a request fails whole): off, and the next start tries again
        this.handlers = [];
        this.perSheet = false;
        throw e;
      } finally {
        this.starting = null;
      }
    })();
    return this.starting;
  }

  async stop(): Promise<void> {
    if (this.starting) await this.starting.catch(() => undefined);
    this.enabled = false;
    this.perSheet = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // a handler is removed through the request context it was added with
    const handlers = this.handlers.splice(0);
    for (const h of handlers) {
      try {
        h.remove();
      } catch {
        // its context is gone
      }
    }
    const contexts = new Set(handlers.map((h) => h.context));
    for (const c of contexts) {
      try {
        await c.sync();
      } catch {
        // a handler of a sheet deleted since (below ExcelApi 1.9 each sheet has its own): gone with it
      }
    }
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

  private async onStructure(e?: SheetEvent): Promise<void> {
    if (!this.enabled) return;
    if (this.perSheet && e?.type === 'WorksheetAdded' && e.worksheetId) await this.listenTo(e.worksheetId).catch((err: unknown) => this.onError(err));
    if (this.writing > 0 || Date.now() < this.quietUntil) return;
    this.everything = true;
    this.schedule();
  }

  /** Below ExcelApi 1.9: a sheet added since the start gets its own handlers. */
  private async listenTo(sheetId: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      const on = (e: SheetEvent): Promise<void> => this.onEvent(e);
      const added: Handler[] = [sheet.onChanged.add(on) as unknown as Handler];
      if (supports('ExcelApi', '1.8')) added.push(sheet.onCalculated.add(on) as unknown as Handler);
      await context.sync();
      if (this.enabled) this.handlers.push(...added);
    });
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
          const before = this.snapshot;
          this.snapshot = await this.run(readSnapshot);
          // a workbook that holds what it held gives the same report: not checked again
          if (before && sameWorkbook(this.snapshot, before)) {
            this.snapshot = before;
            return;
          }
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
        // only the sheets that changed are new objects (the engine may reuse what it made of the others); sheets
        // read again that hold what they held — a recalculation that changed nothing, a value typed over itself, a
        // fill — leave the report as it was, and nothing is checked
        const merged = mergeSheets(this.snapshot!, fresh);
        if (!merged) return;
        this.snapshot = merged.workbook;
        this.onSnapshot(this.snapshot, merged.changed);
      } catch (e) {
        this.onError(e);
      }
    })();
    await this.running;
    this.running = null;
  }
}
