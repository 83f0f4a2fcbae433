/**
 * Every write the add-in makes goes through here, as primitive operations whose inverse is captured before
 * they run: one sync reads what the cells, notes, sheets and settings hold, a second writes. The inverses, in
 * reverse order, undo the write exactly — Excel may clear its own undo stack after an add-in writes, so the pane
 * keeps its own.
 */
import { quoteSheet as quote } from '../core/a1';
import { commonSettings, FEATURES, saveCommonSettings, usedRange } from './api';

export type { SkippedWrite, WriteOp, WriteResult } from '../taskpane/workbook-writes';
import type { SkippedWrite, WriteOp, WriteResult } from '../taskpane/workbook-writes';

/**
 * Which kind of note the host offers: notes where the host reports ExcelApi 1.18 *and* the loaded office.js has
 * `Workbook.notes` (the local build, npm @microsoft/office-js 1.1.110, has none), else comments (1.10), else none.
 */
export function noteKind(wb: Excel.Workbook): 'note' | 'comment' | null {
  if (FEATURES.notes() && typeof wb.notes?.getItemOrNullObject === 'function') return 'note';
  if (FEATURES.comments() && typeof wb.comments?.add === 'function') return 'comment';
  return null;
}

interface Prior {
  fill?: { color: string; pattern: string; tint: number } | null;
  /** `taken`: the cell holds the other kind (a threaded comment where a note would go) */
  note?: { exists: boolean; text: string; taken?: boolean };
  formulas?: unknown[][];
  sheet?: { exists: boolean; address?: string; formulas?: unknown[][] };
  setting?: { exists: boolean; value: unknown };
}

/**
 * Run write operations and return their inverse. Operations are read and written in groups; a sheet being
 * created or deleted is a group of its own, so what follows it sees the sheets as it left them.
 */
export async function applyWrites(context: Excel.RequestContext, ops: WriteOp[]): Promise<WriteResult> {
  const groups: WriteOp[][] = [];
  for (const op of ops) {
    const last = groups[groups.length - 1];
    if (op.op === 'sheet' || !last || last[0]!.op === 'sheet') groups.push([op]);
    else last.push(op);
  }
  const inverse: WriteOp[] = [];
  const skipped: SkippedWrite[] = [];
  for (const g of groups) {
    const r = await applyGroup(context, g);
    inverse.unshift(...r.inverse);
    skipped.push(...(r.skipped ?? []));
  }
  return skipped.length ? { inverse, skipped } : { inverse };
}

/** One group: a sync to read what the operations will change, a sync to write (plus two to locate comments). */
async function applyGroup(context: Excel.RequestContext, given: WriteOp[]): Promise<WriteResult> {
  let ops = given;
  const wb = context.workbook;
  const kind = noteKind(wb);
  const skipped: SkippedWrite[] = [];
  // the sheets as they are now, by id and by name, and which are protected (ExcelApi 1.2): a sheet renamed since an
  // operation was recorded is found by its id; one deleted since, or protected, is skipped — a write to it would
  // fail the whole request — and said
  const cellOps = ops.filter((o) => o.op === 'fill' || o.op === 'note' || o.op === 'cells');
  const nameById = new Map<string, string>();
  const idByName = new Map<string, string>();
  const locked = new Set<string>();
  if (cellOps.length) {
    const sheets = wb.worksheets;
    const protection = FEATURES.protection();
    sheets.load(protection ? 'items/name,items/id,items/protection/protected' : 'items/name,items/id');
    await context.sync();
    for (const ws of sheets.items) {
      nameById.set(ws.id, ws.name);
      idByName.set(ws.name, ws.id);
      if (protection && ws.protection.protected) locked.add(ws.name);
    }
  }
  const live: WriteOp[] = [];
  for (const op of ops) {
    if (op.op !== 'fill' && op.op !== 'note' && op.op !== 'cells') {
      live.push(op);
      continue;
    }
    const sheetId = op.op === 'cells' ? undefined : op.sheetId;
    const name = sheetId ? nameById.get(sheetId) : idByName.has(op.sheet) ? op.sheet : undefined;
    if (!name) skipped.push({ sheet: op.sheet, address: op.address, reason: 'sheet-gone' });
    else if (locked.has(name)) {
      if (!skipped.some((x) => x.sheet === name && x.address === op.address && x.reason === 'protected')) skipped.push({ sheet: name, address: op.address, reason: 'protected' });
    } else live.push(op.op === 'cells' ? op : { ...op, sheet: name, sheetId: idByName.get(name) });
  }
  ops = live;
  // comments cannot be looked up by cell without failing the request, so the cells that already hold a comment are
  // listed first: where comments are the marks (ExcelApi 1.10–1.17), and where notes are (1.18), since Excel keeps
  // one of the two per cell and a note cannot be added beside a person's threaded comment
  const commented = new Map<string, string>();
  if (kind && ops.some((o) => o.op === 'note' && (kind === 'comment' || o.text !== null))) {
    for (const [at, text] of await commentsByCell(context)) commented.set(at, text);
  }
  // which sheets exist (a method called on a sheet that does not exist would fail the whole request)
  const sheetExists = new Map<string, boolean>();
  const sheetOps = ops.filter((o): o is Extract<WriteOp, { op: 'sheet' }> => o.op === 'sheet');
  if (sheetOps.length && FEATURES.nullObjects()) {
    const probes = sheetOps.map((o) => ({ name: o.name, ws: wb.worksheets.getItemOrNullObject(o.name) }));
    await context.sync();
    for (const p of probes) sheetExists.set(p.name, !p.ws.isNullObject);
  } else if (sheetOps.length) {
    // getItemOrNullObject is ExcelApi 1.4: below, the sheets by name
    const sheets = wb.worksheets;
    sheets.load('items/name');
    await context.sync();
    const names = new Set(sheets.items.map((ws) => ws.name));
    for (const o of sheetOps) sheetExists.set(o.name, names.has(o.name));
  }
  const patterns = FEATURES.fillPattern();
  const workbookSettings = FEATURES.settings();
  let commonChanged = false;
  // 1. read what each operation will change (all queued, one sync, then read from the records)
  type Pending =
    | { kind: 'fill'; fill: Excel.RangeFill }
    | { kind: 'note'; note: Excel.Note | null; at: string }
    | { kind: 'cells'; range: Excel.Range }
    | { kind: 'sheet'; used: ReturnType<typeof usedRange> | null }
    | { kind: 'setting'; setting: Excel.Setting | null; key: string };
  const pending: Pending[] = ops.map((op): Pending => {
    switch (op.op) {
      case 'fill': {
        const fill = wb.worksheets.getItem(op.sheet).getRange(op.address).format.fill;
        // pattern and tint are ExcelApi 1.9: below, the colour alone
        fill.load(patterns ? 'color,pattern,tintAndShade' : 'color');
        return { kind: 'fill', fill };
      }
      case 'note': {
        const at = `${quote(op.sheet)}!${op.address}`;
        if (kind !== 'note') return { kind: 'note', note: null, at };
        const note = wb.notes.getItemOrNullObject(at);
        note.load('content');
        return { kind: 'note', note, at };
      }
      case 'cells': {
        const range = wb.worksheets.getItem(op.sheet).getRange(op.address);
        range.load('formulas');
        return { kind: 'cells', range };
      }
      case 'sheet': {
        if (!sheetExists.get(op.name)) return { kind: 'sheet', used: null };
        return { kind: 'sheet', used: usedRange(wb.worksheets.getItem(op.name), 'address,formulas,values') };
      }
      case 'setting': {
        if (!workbookSettings) return { kind: 'setting', setting: null, key: op.key };
        const setting = wb.settings.getItemOrNullObject(op.key);
        setting.load('value');
        return { kind: 'setting', setting, key: op.key };
      }
    }
  });
  await context.sync();
  const priors: Prior[] = pending.map((p): Prior => {
    switch (p.kind) {
      case 'fill':
        // below ExcelApi 1.9 no pattern tells a white fill from none: white is taken as none
        if (!patterns) return { fill: /^#FFFFFF$/i.test(p.fill.color) ? null : { color: p.fill.color, pattern: 'Solid', tint: 0 } };
        return { fill: p.fill.pattern === 'None' ? null : { color: p.fill.color, pattern: p.fill.pattern, tint: typeof p.fill.tintAndShade === 'number' ? p.fill.tintAndShade : 0 } };
      case 'note':
        if (!p.note) return { note: { exists: commented.has(p.at), text: commented.get(p.at) ?? '' } };
        // a person's threaded comment where the note would go: the cell is taken (never written over)
        if (p.note.isNullObject && commented.has(p.at)) return { note: { exists: false, text: '', taken: true } };
        return { note: p.note.isNullObject ? { exists: false, text: '' } : { exists: true, text: String(p.note.content ?? '') } };
      case 'cells':
        return { formulas: p.range.formulas };
      case 'sheet':
        if (!p.used) return { sheet: { exists: false } };
        if (p.used.blank()) return { sheet: { exists: true } };
        return { sheet: { exists: true, address: p.used.range.address.replace(/^.*!/, ''), formulas: p.used.range.formulas } };
      case 'setting': {
        if (!p.setting) {
          const v = commonSettings().get(p.key) as unknown;
          return { setting: v === null || v === undefined ? { exists: false, value: undefined } : { exists: true, value: v } };
        }
        return { setting: p.setting.isNullObject ? { exists: false, value: undefined } : { exists: true, value: p.setting.value } };
      }
    }
  });

  // 2. write, and build the inverse (last write undone first); notes and comments are added after the rest, in a
  // request of their own (see addNotes)
  const inverse: WriteOp[] = [];
  const adds: NoteAdd[] = [];
  ops.forEach((op, i) => {
    const prior = priors[i]!;
    switch (op.op) {
      case 'fill': {
        const fill = wb.worksheets.getItem(op.sheet).getRange(op.address).format.fill;
        if (op.color) fill.color = op.color;
        else fill.clear();
        // a patterned fill (ExcelApi 1.9) comes back with its pattern, not as a plain colour
        // (a mark made on a newer Excel and cleared on an older one: its colour only)
        if (patterns && op.color && op.pattern && op.pattern !== 'Solid' && op.pattern !== 'None') fill.pattern = op.pattern as Excel.FillPattern;
        // and a theme colour's tint or shade (ExcelApi 1.9)
        if (patterns && op.color && op.tint) fill.tintAndShade = op.tint;
        inverse.unshift({
          op: 'fill', sheet: op.sheet, sheetId: op.sheetId, address: op.address, color: prior.fill ? prior.fill.color : null,
          ...(prior.fill && prior.fill.pattern !== 'Solid' ? { pattern: prior.fill.pattern } : {}),
          ...(prior.fill && prior.fill.tint ? { tint: prior.fill.tint } : {}),
        });
        break;
      }
      case 'note': {
        const at = `${quote(op.sheet)}!${op.address}`;
        if (!kind) break;
        const existing = prior.note!;
        if (op.text === null) {
          // gone already (the person deleted it), or no longer what the add-in wrote: left alone, and said
          if (!existing.exists) {
            if (op.expect !== undefined) skipped.push({ sheet: op.sheet, address: op.address, reason: 'note-gone' });
            break;
          }
          if (op.expect !== undefined && existing.text !== op.expect) {
            skipped.push({ sheet: op.sheet, address: op.address, reason: 'note-edited' });
            break;
          }
          if (kind === 'note') wb.notes.getItem(at).delete();
          else wb.comments.getItemByCell(at).delete();
          inverse.unshift({ op: 'note', sheet: op.sheet, sheetId: op.sheetId, address: op.address, text: existing.text });
        } else {
          if (existing.exists || existing.taken) break; // never overwrite a person's note or comment
          const undo: WriteOp = { op: 'note', sheet: op.sheet, sheetId: op.sheetId, address: op.address, text: null, expect: op.text };
          adds.push({ at, text: op.text, undo });
          inverse.unshift(undo);
        }
        break;
      }
      case 'cells': {
        wb.worksheets.getItem(op.sheet).getRange(op.address).formulas = op.formulas as never;
        inverse.unshift({ op: 'cells', sheet: op.sheet, address: op.address, formulas: prior.formulas! });
        break;
      }
      case 'sheet': {
        const had = prior.sheet!;
        if (op.exists && !had.exists) {
          wb.worksheets.add(op.name);
          inverse.unshift({ op: 'sheet', name: op.name, exists: false });
        } else if (!op.exists && had.exists) {
          wb.worksheets.getItem(op.name).delete();
          // recreate it with what it held (values and formulas; formatting is not kept)
          if (had.address && had.formulas) inverse.unshift({ op: 'cells', sheet: op.name, address: had.address, formulas: had.formulas });
          inverse.unshift({ op: 'sheet', name: op.name, exists: true });
        }
        break;
      }
      case 'setting': {
        if (!workbookSettings) {
          // the Common API (below ExcelApi 1.4): changed in memory, kept by saveAsync after the request
          if (op.value === undefined) commonSettings().remove(op.key);
          else commonSettings().set(op.key, op.value);
          commonChanged = true;
        } else if (op.value === undefined) {
          if (prior.setting!.exists) wb.settings.getItemOrNullObject(op.key).delete();
        } else wb.settings.add(op.key, op.value as never);
        inverse.unshift({ op: 'setting', key: op.key, value: prior.setting!.exists ? prior.setting!.value : undefined });
        break;
      }
    }
  });
  await context.sync();
  if (commonChanged) await saveCommonSettings();
  if (kind && adds.length) {
    const failed = await addNotes(context, kind, adds);
    if (failed.size) inverse.splice(0, inverse.length, ...inverse.filter((op) => !failed.has(op)));
  }
  return skipped.length ? { inverse, skipped } : { inverse };
}

interface NoteAdd {
  at: string;
  text: string;
  /** the inverse entry that removes it again */
  undo: WriteOp;
}

/** Every comment of the workbook by its cell ("Sheet!A1" as Excel writes the address, without $): two syncs. */
async function commentsByCell(context: Excel.RequestContext): Promise<Map<string, string>> {
  const comments = context.workbook.comments;
  comments.load('items/content');
  await context.sync();
  const locations = comments.items.map((c) => ({ content: c.content, at: c.getLocation().load('address') }));
  await context.sync();
  return new Map(locations.map((l) => [l.at.address.replace(/\$/g, ''), String(l.content ?? '')]));
}

/**
 * Add the marks' notes (or comments) in one request. Excel keeps one of a note and a threaded comment per cell,
 * and below ExcelApi 1.18 a person's note cannot even be seen, so an add can fail on a cell that looked free —
 * and a failed request stops there. Then what was added is read back and the rest is added one by one; one that
 * still fails is left out (its cell keeps the fill, and what the person wrote there). Returns the undo entries of
 * the adds that did not happen.
 */
async function addNotes(context: Excel.RequestContext, kind: 'note' | 'comment', adds: NoteAdd[]): Promise<Set<WriteOp>> {
  const wb = context.workbook;
  const add = (a: NoteAdd): void => {
    if (kind === 'note') wb.notes.add(a.at, a.text);
    else wb.comments.add(a.at, a.text);
  };
  const failed = new Set<WriteOp>();
  for (const a of adds) add(a);
  try {
    await context.sync();
    return failed;
  } catch {
    // some made it before the failing one: which, read back
  }
  let present: Map<string, string>;
  if (kind === 'comment') present = await commentsByCell(context);
  else {
    const notes = adds.map((a) => ({ at: a.at, note: wb.notes.getItemOrNullObject(a.at).load('content') }));
    await context.sync();
    present = new Map(notes.filter((n) => !n.note.isNullObject).map((n) => [n.at, String(n.note.content ?? '')]));
  }
  for (const a of adds) {
    if (present.get(a.at) === a.text) continue;
    add(a);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one cell a request is the point: a collision fails only its own
      await context.sync();
    } catch {
      failed.add(a.undo);
    }
  }
  return failed;
}

/** The pane's own undo history: each entry undoes one write the add-in made. */
export class UndoStack {
  private entries: Array<{ label: string; inverse: WriteOp[] }> = [];

  push(label: string, result: WriteResult): void {
    if (result.inverse.length) this.entries.push({ label, inverse: result.inverse });
  }

  get size(): number {
    return this.entries.length;
  }

  peek(): string | undefined {
    return this.entries[this.entries.length - 1]?.label;
  }

  /** What undoing the latest write will run (for telling its echo from a person's edit). */
  peekInverse(): WriteOp[] {
    return this.entries[this.entries.length - 1]?.inverse ?? [];
  }

  /** Undo the latest write. */
  async undo(context: Excel.RequestContext): Promise<string | undefined> {
    const last = this.entries.pop();
    if (!last) return undefined;
    await applyWrites(context, last.inverse);
    return last.label;
  }
}
