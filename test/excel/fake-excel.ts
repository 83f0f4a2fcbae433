/**
 * A faithful in-memory fake of the part of the Excel JavaScript API the add-in uses. Like Office.js:
 * - properties of proxy objects throw until they are loaded and `context.sync()` has run;
 * - writes and method calls are queued and happen at the next sync, in order;
 * - `*OrNullObject` methods give objects whose `isNullObject` is known only after a sync;
 * - a sync whose response would pass the payload limit fails with RequestPayloadSizeLimitExceeded;
 * - a member above the host's ExcelApi level throws ApiNotFound when it is read, before anything is queued;
 * - a cell holds a note or a threaded comment, not both;
 * - Office.context.document.settings (the Common API) keeps its changes only once saveAsync has run.
 * It counts syncs and records fills, notes and comments so tests can see what the add-in did.
 */
import { cellA1, parseRange, Rect } from '../../src/core/a1';
import { CellValue, isCellError, WorkbookSnapshot } from '../../src/core/snapshot';

export interface FakeCell {
  value: number | string | boolean;
  formula?: string;
  format?: string;
  error?: string;
}

export interface FakeSheet {
  /** Excel's own id for the sheet: stays the same when the sheet is renamed */
  id: string;
  /** a protected sheet refuses every write to its cells, fills, notes and comments */
  protected?: boolean;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  merges: Rect[];
  fills: Map<string, { color: string; pattern: string; tint?: number }>;
}

export interface FakeState {
  sheets: FakeSheet[];
  activeSheet: string;
  selection: { sheet: string; address: string } | null;
  settings: Map<string, unknown>;
  notes: Map<string, string>; // "Sheet!A1" → text
  comments: Map<string, string>;
}

class PropertyNotLoaded extends Error {
  code = 'PropertyNotLoaded';
}
class PayloadTooLarge extends Error {
  code = 'RequestPayloadSizeLimitExceeded';
}
class ItemNotFound extends Error {
  code = 'ItemNotFound';
}
/** Range.getMergedAreasOrNullObject fails on a range with more merged areas than this. */
export const MERGE_LIMIT = 512;
class InvalidOperation extends Error {
  code = 'InvalidOperation';
}
/** What Excel answers to a write on a protected sheet. */
class AccessDenied extends Error {
  code = 'AccessDenied';
}
/** What real Excel answers when a request uses an API above the host's level. */
class ApiNotFound extends Error {
  code = 'ApiNotFound';
}

const key = (r: number, c: number): string => `${r},${c}`;

/** Excel's address text: 'Sheet'!A1:B2 with quotes where Excel puts them. */
function sheetAddress(sheet: string, rect: Rect): string {
  const q = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const a = cellA1(rect.top, rect.left);
  const b = cellA1(rect.bottom, rect.right);
  return `${q}!${a === b ? a : `${a}:${b}`}`;
}

export class FakeExcel {
  state: FakeState;
  syncs = 0;
  /** Largest response a sync may return, in bytes of JSON (Excel on the web: about 5 MB). */
  payloadLimit = 5 * 1024 * 1024;
  /** The newest ExcelApi 1.x set the fake host claims (18 → ExcelApi 1.18). As in office.js 1.1.110, reading a
   *  member above it throws ApiNotFound at once (`gate`), and a property above it loaded by name fails the request
   *  when it runs. */
  apiMinor = 18;
  /** Deliver the events of the add-in's own writes as Excel does: after the request, asynchronously — onChanged
   *  (with triggerSource 'ThisLocalAddin' from ExcelApi 1.14, none below) and onCalculated (never a source). */
  echoWrites = false;
  /** cells the current request wrote, for the echo */
  written: Array<{ sheet: string; address: string }> = [];
  /** 'local': the add-in loaded the npm @microsoft/office-js 1.1.110 (政务内网), which has no `Workbook.notes` and
   *  no `RangeAreas.select` at all: those members are undefined whatever the host's level. */
  profile: 'cdn' | 'local' = 'cdn';

  /** Does the host run ExcelApi 1.minor? */
  has(minor: number): boolean {
    return this.apiMinor >= minor;
  }

  /** Office.context.document.settings (the Common API, in every Excel since 2013): the same per-document store as
   *  Workbook.settings, but `set` and `remove` change an in-memory copy, kept only once `saveAsync` has run. */
  private staged: Map<string, unknown> | null = null;
  readonly commonSettings = {
    get: (k: string): unknown => {
      const v = (this.staged ?? this.state.settings).get(k);
      return v === undefined ? null : JSON.parse(JSON.stringify(v));
    },
    set: (k: string, v: unknown): void => {
      this.staged ??= new Map(this.state.settings);
      this.staged.set(k, JSON.parse(JSON.stringify(v)));
    },
    remove: (k: string): void => {
      this.staged ??= new Map(this.state.settings);
      this.staged.delete(k);
    },
    saveAsync: (cb?: (r: { status: 'succeeded' | 'failed'; error?: Error }) => void): void => {
      setTimeout(() => {
        if (this.staged) this.state.settings = this.staged;
        this.staged = null;
        cb?.({ status: 'succeeded' });
      }, 1);
    },
  };

  /** Office.js's own check at member access (throwIfApiNotSupported): reading a member above the host's level
   *  throws ApiNotFound at once, before anything is queued, as the real library does. */
  gate(minor: number, what: string): void {
    if (!this.has(minor)) throw new ApiNotFound(`ApiNotFound: ${what} needs ExcelApi 1.${minor}; this host has 1.${this.apiMinor}`);
  }

  /** A member office.js gates on ExcelApiOnline (Excel on the web only): the local build (npm 1.1.110) throws at
   *  access on every desktop; the CDN build gives it from the numbered set it later joined (1.minor). */
  gateOnline(minor: number, what: string): void {
    if (this.profile === 'local') throw new ApiNotFound(`ApiNotFound: ${what} needs ExcelApiOnline 1.1 in this office.js`);
    this.gate(minor, what);
  }

  private handlers = new Map<string, Array<{ h: (e: unknown) => Promise<void> | void; sheetId?: string }>>();

  constructor(state?: Partial<FakeState>) {
    this.state = { sheets: [], activeSheet: '', selection: null, settings: new Map(), notes: new Map(), comments: new Map(), ...state };
  }

  static fromSnapshot(wb: WorkbookSnapshot): FakeExcel {
    const fake = new FakeExcel();
    for (const s of wb.sheets) {
      const sheet: FakeSheet = { id: fake.nextSheetId(), name: s.name, visibility: s.hidden ? 'Hidden' : 'Visible', cells: new Map(), merges: [], fills: new Map() };
      s.values.forEach((row, i) => row.forEach((v, j) => {
        const f = s.formulas?.[i]?.[j] ?? undefined;
        if (v === null && !f) return;
        const fmt = s.numberFormats?.[i]?.[j] ?? undefined;
        const cell: FakeCell = isCellError(v as CellValue)
          ? { value: (v as { error: string }).error, error: (v as { error: string }).error }
          : { value: v === null ? 0 : (v as number | string | boolean) };
        if (f) cell.formula = f;
        if (fmt) cell.format = fmt;
        sheet.cells.set(key(s.top + i, s.left + j), cell);
      }));
      for (const m of s.merges ?? []) {
        const r = parseRange(m);
        if (r) sheet.merges.push(r);
      }
      fake.state.sheets.push(sheet);
    }
    fake.state.activeSheet = fake.state.sheets[0]?.name ?? '';
    return fake;
  }

  private sheetIds = 0;
  /** A GUID-like id, as Excel gives each sheet. */
  nextSheetId(): string {
    this.sheetIds++;
    return `{00000000-0001-0000-${String(this.sheetIds).padStart(4, '0')}-000000000000}`;
  }

  /** A person renaming a sheet: its cells, fills, notes and comments go with it; onNameChanged (1.17) fires. */
  renameSheet(from: string, to: string): void {
    const renamed = this.sheet(from);
    renamed.name = to;
    for (const { h } of this.handlers.get('onNameChanged') ?? []) void h({ type: 'WorksheetNameChanged', worksheetId: renamed.id, nameBefore: from, nameAfter: to });
    for (const m of [this.state.notes, this.state.comments]) {
      for (const [k, v] of [...m]) {
        if (!k.startsWith(`${from}!`) && !k.startsWith(`'${from}'!`)) continue;
        m.delete(k);
        m.set(`${to}!${k.slice(k.lastIndexOf('!') + 1)}`, v);
      }
    }
    if (this.state.activeSheet === from) this.state.activeSheet = to;
  }

  /** A person deleting a sheet. */
  deleteSheet(name: string): void {
    this.state.sheets = this.state.sheets.filter((s) => s.name !== name);
    for (const m of [this.state.notes, this.state.comments]) for (const k of [...m.keys()]) if (k.startsWith(`${name}!`)) m.delete(k);
  }

  /** A sheet by its name or, as `worksheets.getItem` takes either, by its id. */
  sheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => x.name === name) ?? this.state.sheets.find((x) => x.id === name);
    if (!s) throw new ItemNotFound(`no sheet ${name}`);
    return s;
  }

  /** The Office global's requirement check, for this host. */
  isSetSupported(name: string, version?: string): boolean {
    const [major, minor] = (version ?? '1.1').split('.').map(Number) as [number, number];
    return name === 'ExcelApi' && major === 1 && minor <= this.apiMinor;
  }

  /** Office.js's Excel.run, over this fake. */
  run = async <T>(a: unknown, b?: unknown): Promise<T> => {
    const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pendingWork()) await ctx.sync();
    return result;
  };

  /** A handler on the workbook's sheets, or (`sheetId`) on one sheet: Worksheet.onChanged, ExcelApi 1.7. */
  on(event: 'onChanged' | 'onCalculated' | 'onNameChanged' | 'onAdded' | 'onDeleted', handler: (e: unknown) => Promise<void> | void, sheetId?: string): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), { h: handler, sheetId }]);
  }

  off(event: string, handler: unknown): void {
    this.handlers.set(event, (this.handlers.get(event) ?? []).filter((x) => x.h !== handler));
  }

  /** A person adding a sheet: onAdded (ExcelApi 1.7) fires. */
  addSheet(name: string): void {
    const sheet: FakeSheet = { id: this.nextSheetId(), name, visibility: 'Visible', cells: new Map(), merges: [], fills: new Map() };
    this.state.sheets.push(sheet);
    for (const { h } of this.handlers.get('onAdded') ?? []) void h({ type: 'WorksheetAdded', worksheetId: sheet.id, source: 'Local' });
  }

  /** Fire an event as Excel would, e.g. after a user edit: onChanged carries a trigger source from ExcelApi 1.14
   *  on (a person's edit is 'Local'), onCalculated never does. */
  async fire(event: 'onChanged' | 'onCalculated', args: Record<string, unknown>): Promise<void> {
    const source = event === 'onChanged' && this.has(14) && !('triggerSource' in args) ? { triggerSource: 'Local' } : {};
    const plain = event === 'onCalculated' || !this.has(14) ? { ...args } : args;
    if (event === 'onCalculated' || !this.has(14)) delete plain.triggerSource;
    // a handler on one sheet hears only that sheet's events (tests name a sheet by id or by name)
    const target = this.state.sheets.find((s) => s.id === args.worksheetId || s.name === args.worksheetId);
    for (const { h, sheetId } of this.handlers.get(event) ?? []) {
      if (sheetId && sheetId !== target?.id) continue;
      await h({ type: event === 'onChanged' ? 'WorksheetChanged' : 'WorksheetCalculated', ...source, ...plain });
    }
  }

  listeners(event: string): number {
    return (this.handlers.get(event) ?? []).length;
  }

  /** A user typing into a cell (not through the add-in). */
  userEdit(sheet: string, a1: string, value: number | string): void {
    const r = parseRange(a1)!;
    this.sheet(sheet).cells.set(key(r.top, r.left), { value });
  }

  cellValue(sheet: string, a1: string): FakeCell | undefined {
    const r = parseRange(a1)!;
    return this.sheet(sheet).cells.get(key(r.top, r.left));
  }

  fillOf(sheet: string, a1: string): { color: string; pattern: string } | undefined {
    const r = parseRange(a1)!;
    return this.sheet(sheet).fills.get(key(r.top, r.left));
  }
}

type Op = () => void;

export class FakeContext {
  readonly workbook: FakeWorkbook;
  /** What the next sync will run, in the order the add-in asked for it, as Excel runs a request. */
  private actions: Array<{ op: Op } | { obj: FakeObject; props: string[] }> = [];

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  queue(op: Op): void {
    this.actions.push({ op });
  }

  queueLoad(obj: FakeObject, props: string[]): void {
    this.actions.push({ obj, props });
  }

  /** Resolve something (a null object, a lookup) at its place in the request. */
  queueResolve(fn: () => void): void {
    this.actions.push({ op: fn });
  }

  pendingWork(): boolean {
    return this.actions.length > 0;
  }

  async sync(): Promise<void> {
    this.host.syncs++;
    const actions = this.actions.splice(0);
    let bytes = 0;
    const results: Array<() => void> = [];
    for (const a of actions) {
      if ('op' in a) {
        a.op();
        continue;
      }
      const values = a.obj.read(a.props);
      // bytes, as Excel counts them: UTF-8, so a Chinese character is three
      bytes += Buffer.byteLength(JSON.stringify(values, (_k, v: unknown) => (v instanceof FakeObject || typeof v === 'function' ? '{}' : v)), 'utf8');
      results.push(() => a.obj.accept(values));
    }
    if (bytes > this.host.payloadLimit) throw new PayloadTooLarge(`RequestPayloadSizeLimitExceeded: ${bytes} bytes`);
    for (const r of results) r();
    const wrote = this.host.written.splice(0);
    if (this.host.echoWrites && wrote.length) {
      const host = this.host;
      setTimeout(() => {
        for (const w of wrote) {
          const id = host.state.sheets.find((s) => s.name === w.sheet)?.id ?? w.sheet;
          void host.fire('onChanged', { worksheetId: id, address: w.address, triggerSource: 'ThisLocalAddin' });
          void host.fire('onCalculated', { worksheetId: id });
        }
      }, 5);
    }
  }

  trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

/** Base of proxy objects: properties throw until loaded and synced. */
abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(protected ctx: FakeContext) {}

  load(spec?: string | string[] | Record<string, unknown>): this {
    const props = typeof spec === 'string' ? spec.split(',').map((s) => s.trim()) : Array.isArray(spec) ? spec : Object.keys(spec ?? {});
    this.ctx.queueLoad(this, props.filter(Boolean));
    return this;
  }

  /** Compute the loaded values from the state at sync time. */
  abstract read(props: string[]): Record<string, unknown>;

  accept(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(`The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as T;
  }

  protected setNull(isNull: () => boolean): void {
    this.ctx.queueResolve(() => {
      this.nullState = isNull();
    });
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new PropertyNotLoaded('isNullObject is known only after context.sync()');
    return this.nullState;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  private readonly store: { settings: FakeSettings; comments: FakeNotes; notes: FakeNotes };
  constructor(private ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.store = { settings: new FakeSettings(ctx), comments: new FakeNotes(ctx, 'comments'), notes: new FakeNotes(ctx, 'notes') };
  }
  /** Workbook.settings is ExcelApi 1.4 (below it: Office.context.document.settings, the Common API) */
  get settings(): FakeSettings {
    this.ctx.host.gate(4, 'Workbook.settings');
    return this.store.settings;
  }
  get comments(): FakeNotes {
    this.ctx.host.gate(10, 'Workbook.comments');
    return this.store.comments;
  }
  /** ExcelApi 1.18, and absent from the local office.js build altogether */
  get notes(): FakeNotes | undefined {
    if (this.ctx.host.profile === 'local') return undefined;
    this.ctx.host.gate(18, 'Workbook.notes');
    return this.store.notes;
  }
}

interface FakeEvent {
  add: (h: (e: unknown) => void) => { remove: () => void; context: FakeContext };
}

/** An event's handlers: added and removed when the request runs, as in Office.js. */
function fakeEvent(ctx: FakeContext, event: 'onChanged' | 'onCalculated' | 'onNameChanged' | 'onAdded' | 'onDeleted', sheetName?: string): FakeEvent {
  return {
    add: (h) => {
      ctx.queue(() => ctx.host.on(event, h, sheetName === undefined ? undefined : ctx.host.sheet(sheetName).id));
      return { context: ctx, remove: () => ctx.queue(() => ctx.host.off(event, h)) };
    },
  };
}

class FakeWorksheetCollection extends FakeObject {
  // the events, each gated where office.js 1.1.110 gates it: reading the member throws on a host below its level
  get onChanged(): FakeEvent {
    this.ctx.host.gate(9, 'WorksheetCollection.onChanged');
    return fakeEvent(this.ctx, 'onChanged');
  }
  get onCalculated(): FakeEvent {
    this.ctx.host.gate(8, 'WorksheetCollection.onCalculated');
    return fakeEvent(this.ctx, 'onCalculated');
  }
  get onAdded(): FakeEvent {
    this.ctx.host.gate(7, 'WorksheetCollection.onAdded');
    return fakeEvent(this.ctx, 'onAdded');
  }
  get onDeleted(): FakeEvent {
    this.ctx.host.gate(7, 'WorksheetCollection.onDeleted');
    return fakeEvent(this.ctx, 'onDeleted');
  }
  /** ExcelApiOnline in the local office.js (throws on every desktop), ExcelApi 1.17 in the CDN's */
  get onNameChanged(): FakeEvent {
    this.ctx.host.gateOnline(17, 'WorksheetCollection.onNameChanged');
    return fakeEvent(this.ctx, 'onNameChanged');
  }

  get items(): FakeWorksheet[] {
    return this.get<FakeWorksheet[]>('items');
  }

  read(props: string[]): Record<string, unknown> {
    const sub = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    const items = this.ctx.host.state.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, s.name);
      ws.accept(ws.read(sub.length ? sub : ['name']));
      return ws;
    });
    return { items };
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.host.gate(4, 'WorksheetCollection.getItemOrNullObject');
    const ws = new FakeWorksheet(this.ctx, name);
    ws.markNullable(() => !this.ctx.host.state.sheets.some((s) => s.name === name));
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.host.state.activeSheet);
  }

  add(name: string): FakeWorksheet {
    this.ctx.queue(() => {
      if (this.ctx.host.state.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.host.state.sheets.push({ id: this.ctx.host.nextSheetId(), name, visibility: 'Visible', cells: new Map(), merges: [], fills: new Map() });
    });
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends FakeObject {
  constructor(ctx: FakeContext, private sheetName: string) {
    super(ctx);
  }

  markNullable(isNull: () => boolean): void {
    this.setNull(isNull);
  }

  get name(): string {
    return this.get('name');
  }

  get id(): string {
    return this.get('id');
  }

  /** WorksheetProtection (ExcelApi 1.2): load 'protection/protected' first */
  get protection(): { protected: boolean } {
    this.ctx.host.gate(2, 'Worksheet.protection');
    return this.get('protection');
  }

  get visibility(): string {
    return this.get('visibility');
  }

  /** Worksheet.onChanged is ExcelApi 1.7, onCalculated 1.8 (the collection's: 1.9 and 1.8) */
  get onChanged(): FakeEvent {
    this.ctx.host.gate(7, 'Worksheet.onChanged');
    return fakeEvent(this.ctx, 'onChanged', this.sheetName);
  }
  get onCalculated(): FakeEvent {
    this.ctx.host.gate(8, 'Worksheet.onCalculated');
    return fakeEvent(this.ctx, 'onCalculated', this.sheetName);
  }

  read(props: string[]): Record<string, unknown> {
    const s = this.ctx.host.sheet(this.sheetName);
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'name') out.name = s.name;
      else if (p === 'id') out.id = s.id;
      else if (p === 'protection/protected') {
        // a property above the host's level, loaded by name: the request fails when it runs
        if (!this.ctx.host.has(2)) throw new ApiNotFound('ApiNotFound: Worksheet.protection needs ExcelApi 1.2');
        out.protection = { protected: !!s.protected };
      }
      else if (p === 'visibility') out.visibility = s.visibility;
      else if (p === 'position') out.position = this.ctx.host.state.sheets.indexOf(s);
      else throw new Error(`fake: worksheet property ${p} not modelled`);
    }
    return out;
  }

  /** ExcelApi 1.1 (valuesOnly: 1.2): a blank sheet gives its top left cell */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.host.gate(2, 'Worksheet.getUsedRange(valuesOnly)');
    return new FakeRange(this.ctx, this.sheetName, () => usedRect(this.ctx.host.sheet(this.sheetName), !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.host.gate(4, 'Worksheet.getUsedRangeOrNullObject');
    const r = new FakeRange(this.ctx, this.sheetName, () => usedRect(this.ctx.host.sheet(this.sheetName), !!valuesOnly));
    r.markNullable(() => !usedRect(this.ctx.host.sheet(this.sheetName), !!valuesOnly));
    return r;
  }

  getRange(address: string): FakeRange {
    const rect = parseRange(address.replace(/\$/g, ''));
    if (!rect) throw new Error(`InvalidArgument: ${address}`);
    return new FakeRange(this.ctx, this.sheetName, () => rect);
  }

  getRanges(address: string): FakeRangeAreas {
    this.ctx.host.gate(9, 'Worksheet.getRanges');
    return new FakeRangeAreas(this.ctx, this.sheetName, address.split(',').map((a) => parseRange(a.trim())!));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.host.gate(7, 'Worksheet.getRangeByIndexes');
    return new FakeRange(this.ctx, this.sheetName, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }

  activate(): void {
    this.ctx.queue(() => {
      this.ctx.host.sheet(this.sheetName);
      this.ctx.host.state.activeSheet = this.sheetName;
    });
  }

  delete(): void {
    this.ctx.queue(() => {
      const st = this.ctx.host.state;
      st.sheets = st.sheets.filter((s) => s.name !== this.sheetName);
      for (const m of [st.notes, st.comments]) for (const k of [...m.keys()]) if (k.startsWith(`${this.sheetName}!`)) m.delete(k);
    });
  }

  set visibility(v: string) {
    this.ctx.queue(() => {
      this.ctx.host.sheet(this.sheetName).visibility = v as FakeSheet['visibility'];
    });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => ({ top: row, left: col, bottom: row, right: col }));
  }
}

function usedRect(s: FakeSheet, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  // the keys are "r,c": read without splitting (the benchmark's sheet has 50,000 of them)
  const take = (k: string): void => {
    const at = k.indexOf(',');
    let r = 0;
    for (let i = 0; i < at; i++) r = r * 10 + k.charCodeAt(i) - 48;
    let c = 0;
    for (let i = at + 1; i < k.length; i++) c = c * 10 + k.charCodeAt(i) - 48;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  for (const k of s.cells.keys()) take(k);
  if (!valuesOnly) for (const k of s.fills.keys()) take(k);
  return bottom < 0 ? null : { top, left, bottom, right };
}

class FakeFill extends FakeObject {
  constructor(ctx: FakeContext, private range: FakeRange) {
    super(ctx);
  }
  read(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const { sheet, rect } = this.range.target();
    const f = rect ? sheet.fills.get(key(rect.top, rect.left)) : undefined;
    for (const p of props) {
      if (p === 'color') out.color = f ? f.color : '#FFFFFF';
      else if ((p === 'pattern' || p === 'tintAndShade') && !this.ctx.host.has(9)) throw new ApiNotFound(`ApiNotFound: RangeFill.${p} needs ExcelApi 1.9`);
      else if (p === 'pattern') out.pattern = f ? f.pattern : 'None';
      else if (p === 'tintAndShade') out.tintAndShade = f?.tint ?? 0;
      else throw new Error(`fake: fill property ${p} not modelled`);
    }
    return out;
  }
  get color(): string {
    return this.get('color');
  }
  set color(c: string) {
    this.range.eachCell((s, k) => s.fills.set(k, { color: c.toUpperCase(), pattern: 'Solid' }));
  }
  get pattern(): string {
    this.ctx.host.gate(9, 'RangeFill.pattern');
    return this.get('pattern');
  }
  set pattern(p: string) {
    this.ctx.host.gate(9, 'RangeFill.pattern');
    this.range.eachCell((s, k) => s.fills.set(k, { ...s.fills.get(k), color: s.fills.get(k)?.color ?? '#FFFFFF', pattern: p }));
  }
  get tintAndShade(): number {
    this.ctx.host.gate(9, 'RangeFill.tintAndShade');
    return this.get('tintAndShade');
  }
  set tintAndShade(t: number) {
    this.ctx.host.gate(9, 'RangeFill.tintAndShade');
    this.range.eachCell((s, k) => s.fills.set(k, { color: s.fills.get(k)?.color ?? '#FFFFFF', pattern: s.fills.get(k)?.pattern ?? 'Solid', ...(t ? { tint: t } : {}) }));
  }
  clear(): void {
    this.range.eachCell((s, k) => s.fills.delete(k));
  }
}

export class FakeRange extends FakeObject {
  readonly format: { fill: FakeFill };
  constructor(ctx: FakeContext, readonly sheetName: string, private rect: () => Rect | null) {
    super(ctx);
    this.format = { fill: new FakeFill(ctx, this) };
  }

  target(): { sheet: FakeSheet; rect: Rect | null } {
    return { sheet: this.ctx.host.sheet(this.sheetName), rect: this.rect() };
  }

  markNullable(isNull: () => boolean): void {
    this.setNull(isNull);
  }

  /** Queue a write to each cell of the range. */
  eachCell(fn: (s: FakeSheet, k: string, r: number, c: number) => void): void {
    this.ctx.queue(() => {
      const rect = this.rect();
      if (!rect) throw new ItemNotFound('range');
      const s = this.ctx.host.sheet(this.sheetName);
      if (s.protected) throw new AccessDenied(`AccessDenied: the sheet ${s.name} is protected`);
      this.ctx.host.written.push({ sheet: s.name, address: sheetAddress(s.name, rect).replace(/^.*!/, '') });
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(s, key(r, c), r, c);
    });
  }

  read(props: string[]): Record<string, unknown> {
    const rect = this.rect();
    const out: Record<string, unknown> = {};
    if (!rect) return out;
    const s = this.ctx.host.sheet(this.sheetName);
    // the range's cells looked up once, whatever number of properties are read from them
    let cells: Array<Array<FakeCell | undefined>> | null = null;
    const grid = <T>(fn: (c: FakeCell | undefined) => T): T[][] => {
      if (!cells) {
        cells = [];
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: Array<FakeCell | undefined> = [];
          for (let c = rect.left; c <= rect.right; c++) row.push(s.cells.get(key(r, c)));
          cells.push(row);
        }
      }
      return cells.map((row) => row.map(fn));
    };
    for (const p of props) {
      switch (p) {
        case 'address': out.address = sheetAddress(s.name, rect); break;
        case 'rowIndex': out.rowIndex = rect.top; break;
        case 'columnIndex': out.columnIndex = rect.left; break;
        case 'rowCount': out.rowCount = rect.bottom - rect.top + 1; break;
        case 'columnCount': out.columnCount = rect.right - rect.left + 1; break;
        case 'values': out.values = grid((c) => (c ? c.value : '')); break;
        case 'formulas': out.formulas = grid((c) => (c ? c.formula ?? c.value : '')); break;
        case 'numberFormat': out.numberFormat = grid((c) => c?.format ?? 'General'); break;
        case 'valueTypes': out.valueTypes = grid((c) => (!c ? 'Empty' : c.error ? 'Error' : typeof c.value === 'number' ? (Number.isInteger(c.value) ? 'Integer' : 'Double') : typeof c.value === 'boolean' ? 'Boolean' : c.value === '' ? 'Empty' : 'String')); break;
        default: throw new Error(`fake: range property ${p} not modelled`);
      }
    }
    return out;
  }

  get address(): string { return this.get('address'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get values(): unknown[][] { return this.get('values'); }
  get formulas(): unknown[][] { return this.get('formulas'); }
  get numberFormat(): unknown[][] { return this.get('numberFormat'); }
  get valueTypes(): string[][] { return this.get('valueTypes'); }

  set values(v: unknown[][]) { this.write(v, false); }
  set formulas(v: unknown[][]) { this.write(v, true); }
  set numberFormat(v: unknown[][]) {
    this.eachCell((s, k, r, c) => {
      const rect = this.rect()!;
      const f = v[r - rect.top]?.[c - rect.left];
      const cell = s.cells.get(k);
      if (cell && typeof f === 'string') cell.format = f === 'General' ? undefined : f;
    });
  }

  private write(v: unknown[][], asFormulas: boolean): void {
    this.eachCell((s, k, r, c) => {
      const rect = this.rect()!;
      const x = v[r - rect.top]?.[c - rect.left];
      if (x === '' || x === null || x === undefined) {
        s.cells.delete(k);
        return;
      }
      // as in Excel, writing a value keeps the cell's number format
      const format = s.cells.get(k)?.format;
      // and as in Excel, text that reads as a number becomes one ("301.62", "85%"), unless it starts with an
      // apostrophe, which keeps it text (and is not part of the value)
      const typed = (t: string): number | string => {
        if (t.startsWith("'")) return t.slice(1);
        const m = /^\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)(%?)\s*$/.exec(t);
        if (!m || !/\d/.test(m[1]!)) return t;
        const n = Number(m[1]!.replace(/,/g, ''));
        return m[2] ? n / 100 : n;
      };
      const cell: FakeCell = asFormulas && typeof x === 'string' && x.startsWith('=')
        ? { value: x.replace(/^=HYPERLINK\("[^"]*",\s*"([^"]*)"\)$/, '$1'), formula: x }
        : { value: typeof x === 'string' ? typed(x) : x as number | boolean };
      if (format) cell.format = format;
      s.cells.set(k, cell);
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.host.gate(13, 'Range.getMergedAreasOrNullObject');
    const areas = new FakeRangeAreas(this.ctx, this.sheetName, []);
    areas.resolveMerges(() => {
      const rect = this.rect();
      const s = this.ctx.host.sheet(this.sheetName);
      if (!rect) return [];
      // the merged areas that meet the range, whole; more than 512 fail the request, as in Excel
      const found = s.merges.filter((m) => m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left);
      if (found.length > MERGE_LIMIT) throw new InvalidOperation(`InvalidOperation: ${found.length} merged areas, more than ${MERGE_LIMIT}`);
      return found;
    });
    return areas;
  }

  select(): void {
    this.ctx.queue(() => {
      const rect = this.rect()!;
      this.ctx.host.state.activeSheet = this.sheetName;
      this.ctx.host.state.selection = { sheet: this.sheetName, address: sheetAddress(this.sheetName, rect).replace(/^.*!/, '') };
    });
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.sheetName);
  }
}

class FakeRangeAreas extends FakeObject {
  private merges?: () => Rect[];
  /** RangeAreas.select is ExcelApi 1.18, and the local office.js has no such method */
  select: (() => void) | undefined;
  constructor(ctx: FakeContext, private sheetName: string, private rects: Rect[]) {
    super(ctx);
    this.select = ctx.host.profile === 'local' ? undefined : () => {
      ctx.host.gate(18, 'RangeAreas.select');
      ctx.queue(() => {
        ctx.host.state.activeSheet = this.sheetName;
        ctx.host.state.selection = { sheet: this.sheetName, address: this.rects.map((r) => sheetAddress(this.sheetName, r).replace(/^.*!/, '')).join(',') };
      });
    };
  }

  resolveMerges(fn: () => Rect[]): void {
    this.merges = fn;
    this.setNull(() => fn().length === 0);
  }

  read(props: string[]): Record<string, unknown> {
    const rects = this.merges ? this.merges() : this.rects;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'address') out.address = rects.map((r) => sheetAddress(this.sheetName, r)).join(',');
      else if (p === 'areaCount') out.areaCount = rects.length;
      else throw new Error(`fake: range areas property ${p} not modelled`);
    }
    return out;
  }

  get address(): string {
    return this.get('address');
  }
}

/** Notes (ExcelApi 1.18) and comments (1.10): keyed by "Sheet!A1". */
class FakeNotes extends FakeObject {
  constructor(ctx: FakeContext, private kind: 'notes' | 'comments') {
    super(ctx);
  }

  private refuseProtected(k: string): void {
    const sheet = k.slice(0, k.lastIndexOf('!')).replace(/^'|'$/g, '');
    if (this.ctx.host.state.sheets.find((s) => s.name === sheet)?.protected) throw new AccessDenied(`AccessDenied: the sheet ${sheet} is protected`);
  }

  /** notes are ExcelApi 1.18, comments 1.10: below that every call fails when the request runs */
  private gate(): void {
    this.ctx.host.gate(this.kind === 'notes' ? 18 : 10, `Workbook.${this.kind}`);
  }

  override load(spec?: string | string[] | Record<string, unknown>): this {
    this.gate();
    return super.load(spec);
  }

  private store(): Map<string, string> {
    return this.ctx.host.state[this.kind];
  }

  read(props: string[]): Record<string, unknown> {
    if (!props.some((p) => p === 'items' || p.startsWith('items/'))) return {};
    const items = [...this.store().entries()].map(([k, content]) => ({
      content,
      getLocation: () => {
        const [sheet, a1] = [k.slice(0, k.lastIndexOf('!')).replace(/^'|'$/g, ''), k.slice(k.lastIndexOf('!') + 1)];
        const rect = parseRange(a1)!;
        return new FakeRange(this.ctx, sheet, () => rect);
      },
    }));
    return { items };
  }

  get items(): Array<{ content: string; getLocation: () => FakeRange }> {
    return this.get('items');
  }

  add(cellAddress: string, content: string): void {
    this.gate();
    this.ctx.queue(() => {
      const k = cellAddress.replace(/\$/g, '');
      this.refuseProtected(k);
      if (this.store().has(k)) throw new InvalidOperation(`InvalidOperation: a ${this.kind === 'notes' ? 'note' : 'comment'} exists at ${k}`);
      // Excel keeps one of a note and a threaded comment per cell
      if (this.ctx.host.state[this.kind === 'notes' ? 'comments' : 'notes'].has(k)) throw new InvalidOperation(`InvalidOperation: the cell ${k} already has a ${this.kind === 'notes' ? 'threaded comment' : 'note'}`);
      this.store().set(k, content);
    });
  }

  private item(cellAddress: string, nullable: boolean): { delete: () => void; isNullObject: boolean; load: () => unknown; content: string } {
    this.gate();
    const k = cellAddress.replace(/\$/g, '');
    const ctx = this.ctx;
    const store = (): Map<string, string> => this.store();
    let resolved: boolean | undefined;
    let content: string | undefined;
    ctx.queueResolve(() => {
      resolved = !store().has(k);
      content = store().get(k);
      if (resolved && !nullable) throw new ItemNotFound(k);
    });
    return {
      delete: () => ctx.queue(() => {
        this.refuseProtected(k);
        store().delete(k);
      }),
      get isNullObject() {
        if (resolved === undefined) throw new PropertyNotLoaded('isNullObject');
        return resolved;
      },
      get content() {
        if (content === undefined && resolved === undefined) throw new PropertyNotLoaded('content');
        return content ?? '';
      },
      load: () => undefined,
    };
  }

  getItemOrNullObject(cellAddress: string) {
    return this.item(cellAddress, true);
  }

  getItemByCell(cellAddress: string) {
    return this.item(cellAddress, false);
  }

  /** NoteCollection.getItem(key): the note at a cell address; ItemNotFound when there is none. */
  getItem(cellAddress: string) {
    return this.item(cellAddress, false);
  }
}

class FakeSettings extends FakeObject {
  read(): Record<string, unknown> {
    return {};
  }

  add(k: string, value: unknown): void {
    this.ctx.queue(() => void this.ctx.host.state.settings.set(k, JSON.parse(JSON.stringify(value))));
  }

  getItemOrNullObject(k: string): { isNullObject: boolean; value: unknown; load: (p?: string) => unknown; delete: () => void } {
    const ctx = this.ctx;
    let resolved: { has: boolean; value: unknown } | undefined;
    ctx.queueResolve(() => {
      const st = ctx.host.state.settings;
      resolved = { has: st.has(k), value: st.get(k) };
    });
    return {
      get isNullObject() {
        if (!resolved) throw new PropertyNotLoaded('isNullObject');
        return !resolved.has;
      },
      get value() {
        if (!resolved) throw new PropertyNotLoaded('value');
        return resolved.value;
      },
      load: () => undefined,
      delete: () => ctx.queue(() => void ctx.host.state.settings.delete(k)),
    };
  }
}
