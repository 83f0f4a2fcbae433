/**
 * Preview mode: the pane opened outside Office checks a bundled sample workbook (seed 002 with one planted
 * error), shown as a small read-only grid. "Selecting" a finding highlights its cells in the grid; marks,
 * ignores and exports happen in memory, and undo works as in Excel.
 */
import { parseRange, splitRef } from '../core/a1';
import { FileReport, Finding, ignoredItem, resultTable, SEVERITY_RANK } from '../core/report';
import { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { sampleWorkbook } from '../sample';
import { CellChange, findingKey, IgnoredItem, WorkbookHost } from './host';
import { ruleNameZh } from './workbook-writes';

export interface PreviewState {
  sheets: SheetSnapshot[];
  /** "Sheet!A1" → severity of a mark */
  marks: Map<string, Finding['severity']>;
  /** cells highlighted by the last selection */
  selection: { sheet: string; cells: Set<string> } | null;
}

export class PreviewHost implements WorkbookHost {
  readonly kind = 'preview' as const;
  readonly fileName = '示例：云溪区卫健局2021（预览）.xlsx';
  state: PreviewState;
  private ignoredList: IgnoredItem[] = [];
  private history: Array<{ label: string; undo: () => void }> = [];
  private listeners = new Set<() => void>();

  constructor(wb: WorkbookSnapshot = sampleWorkbook()) {
    this.state = { sheets: wb.sheets.map((s) => ({ ...s })), marks: new Map(), selection: null };
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    this.state = { ...this.state };
    for (const fn of this.listeners) fn();
  }

  /** A reading, as a host makes one: new sheet objects each time (the preview's writes change its own sheets in
   *  place, and the engine takes a sheet object it has seen as unchanged — core GridCache). */
  async read(): Promise<WorkbookSnapshot> {
    const rows = <T>(g: T[][] | undefined): T[][] | undefined => g?.map((r) => r.slice());
    return {
      sheets: this.state.sheets.filter((s) => s.name !== '校验结果').map((s) => ({
        ...s, values: rows(s.values)!, formulas: rows(s.formulas), numberFormats: rows(s.numberFormats), indents: rows(s.indents),
      })),
    };
  }

  async select(cells: string[]): Promise<void> {
    const refs = cells.map(splitRef).filter((r): r is NonNullable<typeof r> => !!r);
    const sheet = refs[0]?.sheet;
    if (sheet === undefined) return;
    const set = new Set<string>();
    for (const ref of refs) {
      if (ref.sheet !== sheet) continue;
      const r = parseRange(ref.address);
      if (!r) continue;
      for (let y = r.top; y <= r.bottom; y++) for (let x = r.left; x <= r.right; x++) set.add(`${y},${x}`);
    }
    this.state.selection = { sheet, cells: set };
    this.changed();
  }

  async mark(findings: Finding[]): Promise<void> {
    const before = new Map(this.state.marks);
    const marks = new Map<string, Finding['severity']>();
    for (const f of findings) {
      const c = f.cells[0]?.split(':')[0];
      if (!c) continue;
      const prev = marks.get(c);
      if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev]) marks.set(c, f.severity);
    }
    this.state.marks = marks;
    this.history.push({ label: '标记', undo: () => void (this.state.marks = before) });
    this.changed();
  }

  async clearMarks(): Promise<void> {
    const before = new Map(this.state.marks);
    this.state.marks = new Map();
    this.history.push({ label: '清除标记', undo: () => void (this.state.marks = before) });
    this.changed();
  }

  async ignored(): Promise<IgnoredItem[]> {
    return [...this.ignoredList];
  }

  async ignore(f: Finding | readonly Finding[]): Promise<void> {
    const fresh = (Array.isArray(f) ? f : [f]).filter((x) => !this.ignoredList.some((y) => y.key === findingKey(x)));
    if (!fresh.length) return;
    const before = [...this.ignoredList];
    this.ignoredList.push(...fresh.map((x) => ignoredItem(x)));
    this.history.push({ label: '忽略', undo: () => void (this.ignoredList = before) });
    this.changed();
  }

  async restore(key: string): Promise<void> {
    const before = [...this.ignoredList];
    this.ignoredList = this.ignoredList.filter((x) => x.key !== key);
    this.history.push({ label: '恢复', undo: () => void (this.ignoredList = before) });
    this.changed();
  }

  async exportResults(report: FileReport): Promise<void> {
    const before = this.state.sheets;
    const rows = resultTable(report, 'zh', ruleNameZh);
    this.state.sheets = [...before.filter((s) => s.name !== '校验结果'), { name: '校验结果', top: 0, left: 0, values: rows }];
    this.history.push({ label: '导出', undo: () => void (this.state.sheets = before) });
    this.changed();
  }

  private values: Record<string, string> = {};

  async indicatorValues(): Promise<Record<string, string>> {
    return { ...this.values };
  }

  async setIndicatorValue(name: string, value: string | undefined): Promise<void> {
    const before = { ...this.values };
    if (value === undefined || value.trim() === '') delete this.values[name];
    else this.values[name] = value.trim();
    this.history.push({ label: '指标值', undo: () => void (this.values = before) });
    this.changed();
  }

  async writeNumbers(label: string, changes: CellChange[]): Promise<void> {
    const before = this.state.sheets;
    const sheets = before.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
    for (const c of changes) {
      const ref = splitRef(c.cell);
      const r = ref ? parseRange(ref.address) : null;
      const sheet = ref ? sheets.find((s) => s.name === ref.sheet) : undefined;
      if (!r || !sheet) continue;
      const row = (sheet.values[r.top - sheet.top] ??= []);
      while (row.length < r.left - sheet.left) row.push(null);
      row[r.left - sheet.left] = c.value;
    }
    this.state.sheets = sheets;
    this.history.push({ label, undo: () => void (this.state.sheets = before) });
    this.changed();
  }

  async undo(): Promise<string | undefined> {
    const last = this.history.pop();
    if (!last) return undefined;
    last.undo();
    this.changed();
    return last.label;
  }

  undoLabel(): string | undefined {
    return this.history[this.history.length - 1]?.label;
  }

  async startLive(): Promise<void> {
    // the sample grid is read-only: nothing changes under the pane
  }

  async stopLive(): Promise<void> {
    // nothing to stop
  }
}
