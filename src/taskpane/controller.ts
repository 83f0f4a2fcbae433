/**
 * The pane's workflow, apart from how it looks: check → findings → writes → undo → live. It owns the state the
 * workflow changes (the report, the ignored findings, the indicator values, what can be undone, what the last
 * write left alone) and the actions on it; `App` renders that state and calls the actions. Decisions are made on
 * what the host returns, never by matching a label's text.
 */
import * as React from 'react';
import { splitRef } from '../core/a1';
import { Finding } from '../core/report';
import { WorkbookSnapshot } from '../core/snapshot';
import { GridCache } from '../core/grid';
import { CheckView, planFill, PlannedChange, runCheck } from './checking';
import { IgnoredItem, WorkbookHost, WriteNotice } from './host';
import { STRINGS } from './i18n';
import { loadSettings, PaneSettings, saveSettings } from './settings';

export type Status = { kind: 'idle' } | { kind: 'checking' } | { kind: 'ready' } | { kind: 'error'; message: string };

export interface PaneController {
  settings: PaneSettings;
  update(patch: Partial<PaneSettings>): void;
  status: Status;
  /** what the latest write left alone (a sheet deleted since, a note the person changed), one line a cell */
  notice: string[] | null;
  view: CheckView | null;
  ignored: IgnoredItem[];
  values: Record<string, string>;
  undoLabel: string | undefined;
  /** the action just done (its undo label: 标记, 导出 …), for a confirmation with 撤销 in it; cleared by the next
   *  check, undo or failure */
  done: string | undefined;
  /** the cells 填入计算得分 would write, while the person confirms */
  plan: PlannedChange[] | null;
  check(): Promise<void>;
  mark(): Promise<void>;
  clearMarks(): Promise<void>;
  exportResults(): Promise<void>;
  undo(): Promise<void>;
  /** Ignore findings (the checks of one suspected cell are ignored together), one after the other. */
  ignore(f: Finding | Finding[]): Promise<void>;
  restore(key: string): Promise<void>;
  setValue(name: string, value: string): Promise<void>;
  planFill(): void;
  /** 改为建议值: write the value a named culprit should hold (one undoable step), then check again. Offered only
   *  where the engine names the culprit (suggestionOf). */
  applyFix(f: Finding): Promise<void>;
  cancelFill(): void;
  confirmFill(): Promise<void>;
  select(cells: string[]): void;
}

const HIDDEN_SHEET: Record<PaneSettings['lang'], (sheet: string, cell: string) => string> = {
  zh: (sheet, cell) => `工作表“${sheet}”已隐藏，无法定位到 ${cell}：请先取消隐藏该工作表（右键工作表标签 → 取消隐藏）。`,
  en: (sheet, cell) => `The sheet “${sheet}” is hidden, so ${cell} cannot be selected: unhide the sheet first (right-click a sheet tab → Unhide).`,
};

export function usePaneController(host: WorkbookHost, storage?: Pick<Storage, 'getItem' | 'setItem'>): PaneController {
  const [settings, setSettings] = React.useState<PaneSettings>(() => loadSettings(storage));
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  const [notice, setNotice] = React.useState<string[] | null>(null);
  const [view, setView] = React.useState<CheckView | null>(null);
  const [ignored, setIgnored] = React.useState<IgnoredItem[]>([]);
  const [undoLabel, setUndoLabel] = React.useState<string | undefined>();
  const [done, setDone] = React.useState<string | undefined>();
  const [values, setValues] = React.useState<Record<string, string>>({});
  const [plan, setPlan] = React.useState<PlannedChange[] | null>(null);
  // what callbacks that run later (live re-checks, writes that finish) must see as it is then, not as it was
  const valuesRef = React.useRef(values);
  valuesRef.current = values;
  const ignoredRef = React.useRef<IgnoredItem[]>([]);
  ignoredRef.current = ignored;
  const settingsRef = React.useRef(settings);
  settingsRef.current = settings;
  const snapshot = React.useRef<WorkbookSnapshot | null>(null);
  // the grids of earlier checks, reused for the sheets a live re-check did not read again (core GridCache)
  // (made once: useRef's argument would be built again at every render)
  const [grids] = React.useState(() => new GridCache());

  const fail = React.useCallback((e: unknown): void => setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) }), []);
  /** an error shown stays until the next operation that succeeds, no longer */
  const succeeded = React.useCallback((): void => {
    setStatus((s) => (s.kind === 'error' ? { kind: snapshot.current ? 'ready' : 'idle' } : s));
  }, []);

  const recheck = React.useCallback((wb: WorkbookSnapshot, ig: IgnoredItem[] = ignoredRef.current, vals = valuesRef.current) => {
    snapshot.current = wb;
    setView(runCheck(wb, host.fileName, settingsRef.current, ig, vals, grids));
  }, [host, grids]);
  /** a live re-check that came through is a success too */
  const relive = React.useCallback((wb: WorkbookSnapshot) => {
    recheck(wb);
    succeeded();
  }, [recheck, succeeded]);

  /** the report again from the copy already read (settings, ignored list or values changed) */
  const rerun = React.useCallback((ig = ignoredRef.current, vals = valuesRef.current) => {
    if (snapshot.current) setView(runCheck(snapshot.current, host.fileName, settingsRef.current, ig, vals, grids));
  }, [host, grids]);

  const check = React.useCallback(async () => {
    setStatus({ kind: 'checking' });
    setDone(undefined);
    try {
      const [wb, ig, vals] = [await host.read(), await host.ignored(), await host.indicatorValues()];
      setIgnored(ig);
      ignoredRef.current = ig;
      setValues(vals);
      valuesRef.current = vals;
      recheck(wb, ig, vals);
      setStatus({ kind: 'ready' });
      if (settingsRef.current.live) await host.startLive(wb, relive, fail);
    } catch (e) {
      fail(e);
    }
  }, [host, recheck, relive, fail]);

  // settings change the report without reading the workbook again
  React.useEffect(() => {
    saveSettings(settings, storage);
    rerun();
  }, [settings, storage, rerun]);

  React.useEffect(() => {
    if (!settings.live) void host.stopLive().catch(fail);
    else if (snapshot.current) void host.startLive(snapshot.current, relive, fail).catch(fail);
  }, [settings.live, host, relive, fail]);

  /** Run a write: what it left alone is said, the undo button follows, a failure is shown. */
  const act = React.useCallback(async (fn: () => Promise<WriteNotice | void>, confirm = true): Promise<void> => {
    try {
      const r = await fn();
      const t = STRINGS[settingsRef.current.lang];
      setNotice(r && r.skipped.length ? r.skipped.map((x) => `${x.sheet}!${x.address}（${t.skipReason[x.reason] ?? x.reason}）`) : null);
      setUndoLabel(host.undoLabel());
      // a write is confirmed, with 撤销 beside it (an undo is not)
      setDone(confirm ? host.undoLabel() : undefined);
      succeeded();
    } catch (e) {
      setDone(undefined);
      // what could be undone may have changed before the failure (a step that ran half way)
      setUndoLabel(host.undoLabel());
      fail(e);
    }
  }, [host, fail, succeeded]);

  /** Clicking a finding: a cell on a hidden sheet cannot be selected (Excel and WPS refuse to activate the
   *  sheet), so the pane says so — in a message that the next success clears — rather than failing. */
  const select = (cells: string[]): void => {
    const ref = cells[0] ? splitRef(cells[0]) : null;
    if (ref && snapshot.current?.sheets.find((s) => s.name === ref.sheet)?.hidden) {
      setStatus({ kind: 'error', message: HIDDEN_SHEET[settingsRef.current.lang](ref.sheet, cells[0]!) });
      return;
    }
    void host.select(cells).then(succeeded, fail);
  };

  const refreshIgnored = async (): Promise<void> => {
    const ig = await host.ignored();
    setIgnored(ig);
    ignoredRef.current = ig;
    rerun(ig);
  };

  return {
    settings,
    update: (patch) => setSettings((old) => ({ ...old, ...patch })),
    status, notice, view, ignored, values, undoLabel, plan, done,
    check,
    mark: () => act(() => host.mark(view?.visible ?? [])),
    clearMarks: () => act(() => host.clearMarks()),
    exportResults: () => act(async () => {
      if (view) await host.exportResults({ ...view.report, findings: view.visible });
    }),
    undo: () => act(async () => {
      const undone = await host.undo();
      const [ig, vals] = [await host.ignored(), await host.indicatorValues()];
      setIgnored(ig);
      ignoredRef.current = ig;
      setValues(vals);
      valuesRef.current = vals;
      // whatever was undone, the workbook as it is now (the live checker works from this reading too)
      if (undone) recheck(await host.read(), ig, vals);
    }, false),
    ignore: (f) => act(async () => {
      await host.ignore(f);
      await refreshIgnored();
    }),
    restore: (key) => act(async () => {
      await host.restore(key);
      await refreshIgnored();
    }),
    setValue: async (name, value) => {
      if ((valuesRef.current[name] ?? '') === value.trim()) return;
      await act(async () => {
        await host.setIndicatorValue(name, value);
        const vals = await host.indicatorValues();
        setValues(vals);
        valuesRef.current = vals;
        rerun(ignoredRef.current, vals);
      });
    },
    planFill: () => setPlan(view ? planFill(view) : null),
    cancelFill: () => setPlan(null),
    confirmFill: async () => {
      const changes = plan ?? [];
      setPlan(null);
      await act(async () => {
        const written = await host.writeNumbers('填入计算得分', changes);
        recheck(await host.read());
        return written;
      });
    },
    applyFix: async (f) => {
      const s = suggestionOf(f);
      if (!s) return;
      await act(async () => {
        const written = await host.writeNumbers('改为建议值', [s]);
        recheck(await host.read());
        return written;
      });
    },
    select,
  };
}

/** The value a finding proposes for its named culprit, as a write: only where the engine names the cell (its
 *  first cell is the culprit) and the fix is a plain number. */
export function suggestionOf(f: Finding): { cell: string; value: number } | null {
  const cell = typeof f.data?.culprit === 'string' ? f.data.culprit : f.group;
  if (f.fix === undefined || !cell || f.cells[0] !== cell || !/^-?\d+(\.\d+)?$/.test(f.fix)) return null;
  const value = Number(f.fix);
  return Number.isFinite(value) ? { cell, value } : null;
}
