/**
 * An in-memory fake of WPS 表格's ET object model (`window.Application`), typed against Kingsoft's
 * et-jsapi-declare so that its calls have the real signatures. It keeps the behaviours that differ from Excel's
 * Office.js: every call is synchronous; a one-cell range's Value2 is a scalar, not a 2-D array; NumberFormat,
 * MergeCells and Interior.Color of a mixed range are null; colours are BGR numbers; a cell without a comment has
 * Comment === null, so Comment.Text() throws there, and AddComment on a cell that has one throws. It counts the
 * property reads that cost a round trip into WPS (`reads`) and records ScreenUpdating.
 *
 * No Node import: the browser test loads it into the page as `window.Application`.
 */
// et-jsapi-declare's typings are ambient (namespace Et); its index.d.ts also declares a global confirm() that
// clashes with the DOM's, so only its object model is referenced here
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../node_modules/et-jsapi-declare/lib.et.d.ts" />
import { cellA1, parseCell, parseRange, Rect } from '../../src/core/a1';

export type EtValue = number | string | boolean | undefined;

interface CellData {
  value?: EtValue;
  formula?: string;
  format?: string;
  fill?: number | null;
  pattern?: number;
  theme?: number;
  tint?: number;
  patternColor?: number;
  patternTint?: number;
  comment?: string;
}

/** COM error values as Value2 gives them (CVErr). */
export const ET_ERRORS: Record<string, number> = {
  '#NULL!': -2146826288, '#DIV/0!': -2146826281, '#VALUE!': -2146826273, '#REF!': -2146826265, '#NAME?': -2146826259, '#NUM!': -2146826252, '#N/A': -2146826246,
};

export class FakeCommentEt implements Pick<Et.Comment, 'Text' | 'Delete'> {
  constructor(private readonly sheet: FakeWorksheetEt, private readonly r: number, private readonly c: number) {}
  Text(Text?: string): string {
    const cell = this.sheet.cell(this.r, this.c, false);
    if (!cell || cell.comment === undefined) throw new Error('Comment has been deleted');
    if (Text !== undefined) cell.comment = Text;
    return cell.comment;
  }
  Delete(): void {
    const cell = this.sheet.cell(this.r, this.c, false);
    if (!cell || cell.comment === undefined) throw new Error('Comment has been deleted');
    delete cell.comment;
  }
}

/** Interior as ET keeps it: a fill is a pattern (xlSolid 1, xlGray50 -4125 …, xlNone -4142) with a colour, a
 *  theme colour and a tint (TintAndShade), and a pattern colour (or automatic, PatternColorIndex -4105) with its
 *  own tint. Setting Color keeps a pattern other than none (a cell without one becomes solid) and drops the theme
 *  and tint; ColorIndex = xlNone clears it all. A mixed range reads null. */
class FakeInteriorEt implements Pick<Et.Interior, 'Color' | 'ColorIndex' | 'Pattern' | 'PatternColor' | 'PatternColorIndex' | 'TintAndShade' | 'PatternTintAndShade' | 'ThemeColor'> {
  constructor(private readonly range: FakeRangeEt) {}
  private one<T>(get: (d: CellData | undefined) => T): T | null {
    const vs = new Set(this.range.cellsData().map(get));
    return vs.size === 1 ? [...vs][0]! : null;
  }
  private filled(fn: (d: CellData) => void): void {
    this.range.sheet.guard();
    this.range.forEachCell((d) => {
      if (d.fill === undefined || d.fill === null) {
        d.fill = 16777215;
        d.pattern = 1;
      }
      fn(d);
    });
  }
  get Color(): number | null {
    this.range.sheet.app.reads++;
    return this.one((c) => c?.fill ?? 16777215); // white: no fill
  }
  set Color(v: number) {
    this.filled((d) => {
      d.fill = v;
      if (d.pattern === undefined || d.pattern === -4142) d.pattern = 1;
      delete d.theme;
      delete d.tint;
    });
  }
  get ColorIndex(): number | null {
    // a filled cell reads the palette's nearest index; only "none" matters here
    return this.one((c) => (c?.fill === undefined || c?.fill === null ? -4142 : 56));
  }
  set ColorIndex(v: number) {
    this.range.sheet.guard();
    if (v === -4142) this.range.forEachCell((d) => {
      d.fill = null;
      for (const k of ['pattern', 'theme', 'tint', 'patternColor', 'patternTint'] as const) delete d[k];
    });
  }
  get Pattern(): number | null {
    return this.one((c) => c?.pattern ?? -4142);
  }
  set Pattern(v: number) {
    this.filled((d) => {
      d.pattern = v;
    });
  }
  get PatternColor(): number | null {
    return this.one((c) => c?.patternColor ?? 0);
  }
  set PatternColor(v: number) {
    this.filled((d) => {
      d.patternColor = v;
    });
  }
  get PatternColorIndex(): number | null {
    return this.one((c) => (c?.patternColor === undefined ? -4105 : 56));
  }
  set PatternColorIndex(v: number) {
    this.filled((d) => {
      if (v === -4105) delete d.patternColor;
    });
  }
  get TintAndShade(): number | null {
    return this.one((c) => c?.tint ?? 0);
  }
  set TintAndShade(v: number) {
    this.filled((d) => {
      d.tint = v;
    });
  }
  get PatternTintAndShade(): number | null {
    return this.one((c) => c?.patternTint ?? 0);
  }
  set PatternTintAndShade(v: number) {
    this.filled((d) => {
      d.patternTint = v;
    });
  }
  /** the theme colour (xlThemeColorAccent1 is 5 …); a fill that is not a theme colour has none (read fails) */
  get ThemeColor(): number | null {
    const t = this.one((c) => c?.theme);
    if (t === undefined) throw new Error('Unable to get the ThemeColor property of the Interior class');
    return t;
  }
  set ThemeColor(v: number) {
    this.filled((d) => {
      d.theme = v;
      d.fill = THEME_BGR[v] ?? 0;
      delete d.tint;
    });
  }
}
/** the Office theme's colours, BGR (the fake's: only what a test uses) */
const THEME_BGR: Record<number, number> = { 5: 0xc47244, 6: 0x317ded, 10: 0x47ad70 };

export class FakeRangeEt implements Pick<Et.Range, 'Row' | 'Column' | 'Count' | 'Select' | 'ClearComments'> {
  constructor(readonly sheet: FakeWorksheetEt, readonly rect: Rect) {}

  get Row(): number {
    return this.rect.top + 1;
  }
  get Column(): number {
    return this.rect.left + 1;
  }
  get Rows(): { Count: number; Item(i: number): FakeRangeEt } {
    return { Count: this.rect.bottom - this.rect.top + 1, Item: (i: number) => new FakeRangeEt(this.sheet, { ...this.rect, top: this.rect.top + i - 1, bottom: this.rect.top + i - 1 }) };
  }
  get Columns(): { Count: number; Item(j: number): FakeRangeEt } {
    return { Count: this.rect.right - this.rect.left + 1, Item: (j: number) => new FakeRangeEt(this.sheet, { ...this.rect, left: this.rect.left + j - 1, right: this.rect.left + j - 1 }) };
  }
  get Count(): number {
    return (this.rect.bottom - this.rect.top + 1) * (this.rect.right - this.rect.left + 1);
  }
  get Worksheet(): FakeWorksheetEt {
    return this.sheet;
  }
  Address(): string {
    const a = `$${cellA1(this.rect.top, this.rect.left).replace(/(\d+)$/, '$$$1')}`;
    if (this.Count === 1) return a;
    return `${a}:$${cellA1(this.rect.bottom, this.rect.right).replace(/(\d+)$/, '$$$1')}`;
  }
  Item(r: number, c: number): FakeRangeEt {
    return new FakeRangeEt(this.sheet, { top: this.rect.top + r - 1, left: this.rect.left + c - 1, bottom: this.rect.top + r - 1, right: this.rect.left + c - 1 });
  }

  cellsData(): Array<CellData | undefined> {
    const out: Array<CellData | undefined> = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) for (let c = this.rect.left; c <= this.rect.right; c++) out.push(this.sheet.cell(r, c, false));
    return out;
  }
  forEachCell(fn: (d: CellData, r: number, c: number) => void): void {
    for (let r = this.rect.top; r <= this.rect.bottom; r++) for (let c = this.rect.left; c <= this.rect.right; c++) fn(this.sheet.cell(r, c, true)!, r, c);
  }
  private grid<T>(get: (d: CellData | undefined) => T): T | T[][] {
    this.sheet.app.reads++;
    const rows: T[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const row: T[] = [];
      const cells = this.sheet.rowCells(r);
      for (let c = this.rect.left; c <= this.rect.right; c++) row.push(get(cells?.get(c)));
      rows.push(row);
    }
    // one cell: a scalar, as WPS gives it
    return this.Count === 1 ? rows[0]![0]! : rows;
  }
  private setGrid(v: unknown, set: (d: CellData, x: unknown) => void): void {
    this.sheet.guard();
    const rows = Array.isArray(v) ? (v as unknown[][]) : null;
    this.forEachCell((d, r, c) => set(d, rows ? rows[r - this.rect.top]?.[c - this.rect.left] : v));
    this.sheet.app.changed(this.sheet, this.rect);
  }

  get Value2(): EtValue | EtValue[][] {
    return this.grid((d) => (this.sheet.covered(d) ? undefined : d?.value));
  }
  set Value2(v: EtValue | EtValue[][]) {
    this.setGrid(v, (d, x) => {
      d.value = x === '' || x === null ? undefined : (x as EtValue);
      delete d.formula;
    });
  }
  get Formula(): string | string[][] {
    return this.grid((d) => (d?.formula ?? (d?.value === undefined ? '' : String(d.value))));
  }
  set Formula(v: string | string[][]) {
    this.setGrid(v, (d, x) => {
      const s = x === undefined || x === null ? '' : String(x);
      if (s.startsWith('=')) {
        d.formula = s;
        d.value = this.sheet.app.evaluate?.(s) ?? d.value;
      } else {
        delete d.formula;
        // as WPS does: text that reads as a number becomes one
        d.value = s === '' ? undefined : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s.startsWith("'") ? s.slice(1) : s;
      }
    });
  }
  get NumberFormat(): string | null {
    this.sheet.app.reads++;
    const fs = new Set(this.cellsData().map((d) => d?.format ?? 'General'));
    return fs.size === 1 ? [...fs][0]! : null;
  }
  set NumberFormat(v: string) {
    this.sheet.guard();
    this.forEachCell((d) => {
      d.format = v;
    });
  }
  get MergeCells(): boolean | null {
    this.sheet.app.reads++;
    let any = false;
    let all = true;
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        if (this.sheet.mergeAt(r, c)) any = true;
        else all = false;
      }
    }
    return all ? true : any ? null : false;
  }
  get MergeArea(): FakeRangeEt {
    const m = this.sheet.mergeAt(this.rect.top, this.rect.left);
    return m ? new FakeRangeEt(this.sheet, m) : new FakeRangeEt(this.sheet, { ...this.rect, bottom: this.rect.top, right: this.rect.left });
  }
  get Interior(): FakeInteriorEt {
    return new FakeInteriorEt(this);
  }
  get Comment(): FakeCommentEt | null {
    const d = this.sheet.cell(this.rect.top, this.rect.left, false);
    return d?.comment !== undefined ? new FakeCommentEt(this.sheet, this.rect.top, this.rect.left) : null;
  }
  AddComment(Text?: string): FakeCommentEt {
    this.sheet.guard();
    const d = this.sheet.cell(this.rect.top, this.rect.left, true)!;
    if (d.comment !== undefined) throw new Error('This cell already has a comment');
    d.comment = Text ?? '';
    return new FakeCommentEt(this.sheet, this.rect.top, this.rect.left);
  }
  ClearComments(): void {
    this.sheet.guard();
    this.forEachCell((d) => {
      delete d.comment;
    });
  }
  Select(): boolean {
    if (this.sheet.app.ActiveSheet !== this.sheet) throw new Error('Select method of Range class failed: activate the sheet first');
    this.sheet.app.selection = `${this.sheet.Name}!${this.Address().replace(/\$/g, '')}`;
    return true;
  }
}

export class FakeWorksheetEt implements Pick<Et.Worksheet, 'Name' | 'Activate' | 'Delete'> {
  /** cells by row, then column (numbers, not "r,c" strings: the benchmark reads 50,000 cells through this fake) */
  private rows = new Map<number, Map<number, CellData>>();
  merges: Rect[] = [];
  Visible = -1;
  ProtectContents = false;
  readonly app: FakeEt;
  /** the workbook the sheet is in (as Worksheet.Parent in ET) */
  constructor(readonly Parent: FakeWorkbookEt, public Name: string) {
    this.app = Parent.app;
  }

  cell(r: number, c: number, create: boolean): CellData | undefined {
    let row = this.rows.get(r);
    if (!row) {
      if (!create) return undefined;
      this.rows.set(r, (row = new Map()));
    }
    let d = row.get(c);
    if (!d && create) row.set(c, (d = {}));
    return d;
  }
  rowCells(r: number): ReadonlyMap<number, CellData> | undefined {
    return this.rows.get(r);
  }
  mergeAt(r: number, c: number): Rect | undefined {
    return this.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }
  covered(d: CellData | undefined): boolean {
    void d;
    return false;
  }
  guard(): void {
    if (this.ProtectContents) throw new Error('The cell or chart you are trying to change is protected');
  }
  get UsedRange(): FakeRangeEt {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [r, row] of this.rows) {
      for (const [c, d] of row) {
        if (d.value === undefined && !d.formula && d.fill === undefined && d.comment === undefined && !d.format) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    for (const m of this.merges) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    if (top === Infinity) return new FakeRangeEt(this, { top: 0, left: 0, bottom: 0, right: 0 });
    return new FakeRangeEt(this, { top, left, bottom, right });
  }
  Range(Cell1: string): FakeRangeEt {
    const r = parseRange(Cell1.replace(/\$/g, ''));
    if (!r) throw new Error(`Method 'Range' of object '_Worksheet' failed: ${Cell1}`);
    return new FakeRangeEt(this, r);
  }
  get Cells(): { Item(r: number, c: number): FakeRangeEt } {
    return { Item: (r: number, c: number) => new FakeRangeEt(this, { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 }) };
  }
  /** As ET: a sheet of a workbook that is not the active one, or a hidden sheet, cannot be activated. */
  Activate(): void {
    if (this.app.ActiveWorkbook !== this.Parent) throw new Error('Activate method of Worksheet class failed: its workbook is not active');
    if (this.Visible !== -1) throw new Error('Activate method of Worksheet class failed: the sheet is hidden');
    this.Parent.activeSheet = this;
  }
  /** As ET: unless DisplayAlerts is off, a confirmation dialog is shown first (answered by `app.confirmDelete`,
   *  取消 unless a test says otherwise) and false is returned on 取消; the last visible sheet cannot be deleted. */
  Delete(): boolean {
    const wb = this.Parent;
    if (wb.sheets.filter((s) => s.Visible === -1 && s !== this).length === 0) throw new Error('工作簿内至少含有一张可视工作表');
    if (this.app.alertsShown()) {
      this.app.dialogs.push(`删除工作表“${this.Name}”？`);
      if (!this.app.confirmDelete) return false;
    }
    wb.remove(this);
    return true;
  }
  /** Put values (and formulas, formats) as a test writes them, without events. */
  load(at: string, rows: Array<Array<EtValue | { f: string; v?: EtValue } | { e: string }>>, formats?: Array<Array<string | null>>): void {
    const p = parseCell(at)!;
    rows.forEach((row, i) => row.forEach((v, j) => {
      if (v === undefined || v === null) return;
      const d = this.cell(p.row + i, p.col + j, true)!;
      if (typeof v === 'object' && 'e' in v) d.value = ET_ERRORS[v.e] ?? v.e;
      else if (typeof v === 'object') {
        d.formula = v.f;
        d.value = v.v;
      } else d.value = v;
      const f = formats?.[i]?.[j];
      if (f) d.format = f;
    }));
  }
}

class FakeWorksheetsEt {
  constructor(private readonly wb: FakeWorkbookEt) {}
  get Count(): number {
    return this.wb.sheets.length;
  }
  Item(i: number | string): FakeWorksheetEt {
    const s = typeof i === 'number' ? this.wb.sheets[i - 1] : this.wb.sheets.find((x) => x.Name === i);
    if (!s) throw new Error(`Worksheets.Item(${i}): no such sheet`);
    return s;
  }
  Add(_before?: unknown, after?: FakeWorksheetEt): FakeWorksheetEt {
    const s = new FakeWorksheetEt(this.wb, `Sheet${this.wb.sheets.length + 1}`);
    const at = after ? this.wb.sheets.indexOf(after) + 1 : 0;
    this.wb.sheets.splice(at, 0, s);
    return s;
  }
}

class FakePropertiesEt {
  readonly props = new Map<string, string>();
  get Count(): number {
    return this.props.size;
  }
  Item(name: string): { Name: string; Value: string; Delete(): void } {
    const props = this.props;
    if (!props.has(name)) throw new Error(`DocumentProperties.Item("${name}"): no such property`);
    return {
      Name: name,
      get Value() {
        return props.get(name)!;
      },
      set Value(x: string) {
        if (String(x).length > 255) throw new Error('A document property holds at most 255 characters');
        props.set(name, String(x));
      },
      Delete: () => void props.delete(name),
    };
  }
  Add(Name: string, _link: boolean, _type?: number, Value?: string): void {
    if (this.props.has(Name)) throw new Error(`A property named "${Name}" already exists`);
    if (String(Value ?? '').length > 255) throw new Error('A document property holds at most 255 characters');
    this.props.set(Name, String(Value ?? ''));
  }
}
export class FakeWorkbookEt {
  sheets: FakeWorksheetEt[] = [];
  readonly CustomDocumentProperties = new FakePropertiesEt();
  activeSheet: FakeWorksheetEt | null = null;
  closed = false;
  constructor(readonly app: FakeEt, readonly Name = '工作簿1.xlsx', readonly Path = 'C:\\Users\\王会计\\Documents') {}
  /** the path and name; a closed workbook's object throws on use, as a released COM object does */
  get FullName(): string {
    if (this.closed) throw new Error('The object invoked has disconnected from its clients');
    return `${this.Path}\\${this.Name}`;
  }
  Activate(): void {
    this.app.activeBook = this;
  }
  get Worksheets(): FakeWorksheetsEt {
    return new FakeWorksheetsEt(this);
  }
  remove(s: FakeWorksheetEt): void {
    this.sheets = this.sheets.filter((x) => x !== s);
  }
}

type Listener = (sheet: FakeWorksheetEt, range: FakeRangeEt) => void;

export class FakeEt {
  /** the open workbooks; the active one is in front */
  readonly books: FakeWorkbookEt[] = [];
  activeBook: FakeWorkbookEt;
  /** the last selection, "Sheet!A1:B2" */
  selection = '';
  /** property reads that cross into WPS (Value2, Formula, NumberFormat, MergeCells, Interior.Color) */
  reads = 0;
  private screen = true;
  /** every value ScreenUpdating was set to, in order */
  readonly screenLog: boolean[] = [];
  private listeners = new Map<string, Listener[]>();
  /** Application.DisplayAlerts; every value it was set to, in order; the confirmations shown */
  private alerts = true;
  readonly alertsLog: boolean[] = [];
  readonly dialogs: string[] = [];
  /** the person's answer to a confirmation: false is 取消 */
  confirmDelete = false;
  /** a WPS where setting DisplayAlerts does not take (the dialog is shown anyway) */
  alertsIgnored = false;
  evaluate?: (formula: string) => EtValue;
  readonly ApiEvent = {
    AddApiEventListener: (name: string, fn: Listener) => void this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]),
    RemoveApiEventListener: (name: string, fn?: Listener) => void this.listeners.set(name, fn ? (this.listeners.get(name) ?? []).filter((x) => x !== fn) : []),
  };

  constructor() {
    this.activeBook = new FakeWorkbookEt(this);
    this.books.push(this.activeBook);
  }
  get ActiveWorkbook(): FakeWorkbookEt {
    return this.activeBook;
  }
  get ActiveSheet(): FakeWorksheetEt | null {
    return this.activeBook.activeSheet;
  }
  set ActiveSheet(s: FakeWorksheetEt | null) {
    this.activeBook.activeSheet = s;
  }
  get Workbooks(): { Count: number; Item(i: number | string): FakeWorkbookEt } {
    return {
      Count: this.books.length,
      Item: (i: number | string) => {
        const b = typeof i === 'number' ? this.books[i - 1] : this.books.find((x) => x.Name === i);
        if (!b) throw new Error(`Workbooks.Item(${i}): no such workbook`);
        return b;
      },
    };
  }
  /** A person opens (or creates) another workbook: it becomes the active one. */
  openWorkbook(name: string, sheets: string[] = ['Sheet1']): FakeWorkbookEt {
    const b = new FakeWorkbookEt(this, name);
    this.books.push(b);
    this.activeBook = b;
    for (const n of sheets) this.addSheet(n);
    return b;
  }
  /** A person closes a workbook. */
  closeWorkbook(b: FakeWorkbookEt): void {
    b.closed = true;
    this.books.splice(this.books.indexOf(b), 1);
    if (this.activeBook === b && this.books[0]) this.activeBook = this.books[0];
  }
  get ScreenUpdating(): boolean {
    return this.screen;
  }
  set ScreenUpdating(v: boolean) {
    this.screen = v;
    this.screenLog.push(v);
  }
  get DisplayAlerts(): boolean {
    return this.alerts;
  }
  set DisplayAlerts(v: boolean) {
    this.alerts = v;
    this.alertsLog.push(v);
  }
  alertsShown(): boolean {
    return this.alerts || this.alertsIgnored;
  }
  addSheet(name: string): FakeWorksheetEt {
    const s = new FakeWorksheetEt(this.ActiveWorkbook, name);
    this.ActiveWorkbook.sheets.push(s);
    this.ActiveSheet ??= s;
    return s;
  }
  /** WPS raises SheetChange after every edit, the add-in's own included. */
  changed(sheet: FakeWorksheetEt, rect: Rect): void {
    for (const fn of this.listeners.get('SheetChange') ?? []) fn(sheet, new FakeRangeEt(sheet, rect));
  }
  /** A person types into a cell (of the active workbook, or the one given). SheetChange is application-wide:
   *  every listener hears an edit in any open workbook. */
  userEdit(sheet: string, address: string, value: EtValue, book: FakeWorkbookEt = this.ActiveWorkbook): void {
    book.Worksheets.Item(sheet).Range(address).Value2 = value;
  }
}

/** A fake holding a snapshot's sheets (values, formulas, number formats, merged areas). */
export function fakeFromSnapshot(wb: { sheets: Array<{ name: string; top: number; left: number; values: unknown[][]; formulas?: (string | null)[][]; numberFormats?: (string | null)[][]; merges?: string[]; hidden?: boolean }> }): FakeEt {
  const app = new FakeEt();
  for (const s of wb.sheets) {
    const ws = app.addSheet(s.name);
    if (s.hidden) ws.Visible = 0;
    s.values.forEach((row, i) => row.forEach((v, j) => {
      const f = s.formulas?.[i]?.[j] ?? null;
      const fmt = s.numberFormats?.[i]?.[j] ?? null;
      if ((v === null || v === undefined) && !f) return;
      const d = ws.cell(s.top + i, s.left + j, true)!;
      if (v !== null && typeof v === 'object' && 'error' in (v as object)) d.value = ET_ERRORS[(v as { error: string }).error] ?? (v as { error: string }).error;
      else d.value = v === null ? undefined : (v as EtValue);
      if (f) d.formula = f;
      if (fmt) d.format = fmt;
    }));
    for (const m of s.merges ?? []) ws.merges.push(parseRange(m)!);
  }
  return app;
}
