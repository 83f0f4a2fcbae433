/**
 * The task pane's window onto Excel: every call runs in Excel.run with delayForCellEdit (a check waits for a
 * cell being edited instead of failing), every write is guarded against live checking and recorded for undo.
 */
import { FileReport, Finding } from '../core/report';
import { WorkbookSnapshot } from '../core/snapshot';
import type { CellChange, IgnoredItem, WorkbookHost, WriteNotice } from '../taskpane/host';
import { FEATURES } from './api';
import { readIndicatorValues, setIndicatorValue } from './indicators';
import { splitRef } from '../core/a1';
import { exportResults } from './export';
import { ignoreFinding, readIgnored, restoreIgnored } from './ignore';
import { excelRunner, LiveChecker, Runner } from './live';
import { clearMarks, markFindings } from './marks';
import { selectCells } from './navigate';
import { readSnapshot } from './snapshot';
import { applyWrites, UndoStack, WriteResult } from './writes';

/** How long a reading counts as the workbook as it is, for a live start right after a check (ms). */
const FRESH_MS = 2000;

export class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  fileName = '当前工作簿';
  private undoStack = new UndoStack();
  private live: LiveChecker | null = null;
  /** the pane's latest live callback: each startLive replaces it, so re-checks use the pane's current state */
  private onLiveSnapshot: ((wb: WorkbookSnapshot) => void) | null = null;
  /** the latest reading and when it was made: only a reading just made can be trusted by a live start */
  private lastRead: { wb: WorkbookSnapshot; at: number } | null = null;

  constructor(private run: Runner = excelRunner) {}

  /** Read the workbook; the live checker merges later edits into this reading, so it never works from an older one. */
  async read(): Promise<WorkbookSnapshot> {
    const wb = await this.run(readSnapshot);
    this.live?.setSnapshot(wb);
    this.lastRead = { wb, at: Date.now() };
    return wb;
  }

  select(cells: string[]): Promise<void> {
    return this.run((ctx) => selectCells(ctx, cells));
  }

  private async write(label: string, fn: (ctx: Excel.RequestContext) => Promise<WriteResult>): Promise<WriteResult> {
    const doIt = (): Promise<WriteResult> => this.run(fn);
    const result = this.live ? await this.live.guard(doIt, touchedBy) : await doIt();
    this.undoStack.push(label, result);
    return result;
  }

  async mark(findings: Finding[]): Promise<WriteNotice | void> {
    const r = await this.write('标记', (ctx) => markFindings(ctx, findings));
    return r.skipped ? { skipped: r.skipped } : undefined;
  }

  async clearMarks(): Promise<WriteNotice | void> {
    const r = await this.write('清除标记', clearMarks);
    return r.skipped ? { skipped: r.skipped } : undefined;
  }

  ignored(): Promise<IgnoredItem[]> {
    return this.run(readIgnored);
  }

  async ignore(f: Finding | readonly Finding[]): Promise<void> {
    await this.write('忽略', (ctx) => ignoreFinding(ctx, f));
  }

  async restore(key: string): Promise<void> {
    await this.write('恢复', (ctx) => restoreIgnored(ctx, key));
  }

  async exportResults(report: FileReport): Promise<void> {
    await this.write('导出', (ctx) => exportResults(ctx, { ...report, file: this.fileName }));
  }

  indicatorValues(): Promise<Record<string, string>> {
    return this.run(readIndicatorValues);
  }

  async setIndicatorValue(name: string, value: string | undefined): Promise<void> {
    await this.write('指标值', (ctx) => setIndicatorValue(ctx, name, value));
  }

  /** Numbers only: the cells' number formats stay as they are. */
  async writeNumbers(label: string, changes: CellChange[]): Promise<WriteNotice | void> {
    const ops = changes.flatMap((c) => {
      const r = splitRef(c.cell);
      return r ? [{ op: 'cells' as const, sheet: r.sheet, address: r.address, formulas: [[c.value]] }] : [];
    });
    const r = await this.write(label, (ctx) => applyWrites(ctx, ops));
    return r.skipped ? { skipped: r.skipped } : undefined;
  }

  async undo(): Promise<string | undefined> {
    const doIt = (): Promise<string | undefined> => this.run((ctx) => this.undoStack.undo(ctx));
    const undoing = { inverse: this.undoStack.peekInverse() };
    return this.live ? this.live.guard(doIt, () => touchedBy(undoing)) : doIt();
  }

  undoLabel(): string | undefined {
    return this.undoStack.peek();
  }

  /**
   * Listen for edits. Started from the reading a check has just made, the checker merges later edits into it;
   * started from any other (the switch turned on again later, with edits made while it was off), it reads the
   * workbook afresh once listening and reports that reading, so nothing edited meanwhile stays unseen.
   */
  async startLive(initial: WorkbookSnapshot, onSnapshot: (wb: WorkbookSnapshot) => void, onError: (e: unknown) => void): Promise<void> {
    this.onLiveSnapshot = onSnapshot;
    if (!this.live) this.live = new LiveChecker(this.run, (wb) => this.onLiveSnapshot?.(wb), 400, onError);
    if (this.live.enabled) return this.live.start(initial);
    const fresh = this.lastRead?.wb === initial && Date.now() - this.lastRead.at < FRESH_MS;
    await this.live.start(initial);
    if (fresh) return;
    const wb = await this.read();
    this.onLiveSnapshot?.(wb);
  }

  /** What this Excel cannot do, by the API sets it reports (the API table of docs/excel-addin.md). */
  limitations(lang: 'zh' | 'en' = 'zh'): string[] {
    const zh = lang === 'zh';
    const out: string[] = [];
    if (!FEATURES.events()) out.push(zh ? '此版本的 Excel（ExcelApi 1.7 以下，如 Excel 2016）不支持实时校验：修改后请按“一键校验”。' : 'This Excel (below ExcelApi 1.7, e.g. Excel 2016) cannot check as you type: press “Check now” after editing.');
    if (!FEATURES.comments()) out.push(zh ? '此版本的 Excel（ExcelApi 1.10 以下，如 Excel 2016/2019）不能添加批注：“标记”只填充颜色，说明请看窗格。' : 'This Excel (below ExcelApi 1.10, e.g. Excel 2016/2019) cannot add comments: 标记 only colours the cells; the messages are in the pane.');
    if (!FEATURES.multiSelect() || typeof Excel === 'undefined' || !hasRangeAreasSelect()) out.push(zh ? '点击一条结果只选中其第一个单元格（同时选中多个区域需要 ExcelApi 1.18 及在线版 office.js）。' : 'Clicking a finding selects its first cell only (selecting several areas needs ExcelApi 1.18 and the online office.js).');
    return out;
  }

  async stopLive(): Promise<void> {
    this.lastRead = null;
    await this.live?.stop();
  }
}

/** Does the loaded office.js have RangeAreas.select (the local build, npm 1.1.110, has not)? */
function hasRangeAreasSelect(): boolean {
  const ns = (globalThis as { Excel?: { RangeAreas?: { prototype?: { select?: unknown } } } }).Excel;
  return typeof ns?.RangeAreas?.prototype?.select === 'function';
}

/** The cells a write changed, read from its inverse (a sheet created or deleted: unknown, so every echo counts). */
function touchedBy(r: WriteResult): string[] | null {
  const out: string[] = [];
  for (const op of r.inverse) {
    if (op.op === 'sheet' || op.op === 'setting') continue;
    out.push(op.address);
  }
  return r.inverse.some((op) => op.op === 'sheet') ? null : out;
}

/**
 * Which host the pane runs in. Inside Excel, Office.onReady says so; in a plain browser it says there is no
 * host, and when office.js could not be loaded at all (no network, no `Office` global) there is nothing to ask.
 * Either way the pane falls back to preview mode, with no script error.
 */
export async function detectExcel(timeoutMs = 10000): Promise<ExcelHost | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const info = await Promise.race([
    Office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  if (!info || info.host !== Office.HostType.Excel || typeof Excel === 'undefined') return null;
  const host = new ExcelHost();
  try {
    const url = Office.context?.document?.url;
    if (url) host.fileName = decodeURIComponent(url.split(/[\\/]/).pop() ?? url);
  } catch {
    // the document URL is not available in every host
  }
  return host;
}
