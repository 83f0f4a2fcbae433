/**
 * What the pane needs from the workbook it checks. Two hosts implement it: Excel itself (src/excel/host.ts, the
 * only code that touches Office.js) and the preview host, a bundled sample workbook for a plain browser.
 */
import { FileReport, Finding, IgnoredItem } from '../core/report';
import { WorkbookSnapshot } from '../core/snapshot';

export interface WorkbookHost {
  kind: 'excel' | 'wps' | 'preview';
  /** the file name shown and written into exports */
  fileName: string;
  read(): Promise<WorkbookSnapshot>;
  select(cells: string[]): Promise<void>;
  /** what could not be done is returned, for the pane to say (a sheet deleted since, a note the person changed) */
  mark(findings: Finding[]): Promise<WriteNotice | void>;
  clearMarks(): Promise<WriteNotice | void>;
  ignored(): Promise<IgnoredItem[]>;
  /** Ignore a finding, or the checks of one suspected cell together (one step to undo). */
  ignore(f: Finding | readonly Finding[]): Promise<void>;
  restore(key: string): Promise<void>;
  exportResults(report: FileReport): Promise<void>;
  /** undo the add-in's latest write; returns what was undone */
  undo(): Promise<string | undefined>;
  undoLabel(): string | undefined;
  /** values a person gave for indicators, kept in the workbook */
  indicatorValues(): Promise<Record<string, string>>;
  setIndicatorValue(name: string, value: string | undefined): Promise<void>;
  /** write numbers into cells (computed scores), as one undoable step */
  writeNumbers(label: string, changes: CellChange[]): Promise<WriteNotice | void>;
  startLive(initial: WorkbookSnapshot, onSnapshot: (wb: WorkbookSnapshot) => void, onError: (e: unknown) => void): Promise<void>;
  stopLive(): Promise<void>;
  /** what this host cannot do, for the pane to say once (an older Excel: marks as fills only, a click selects the
   *  first cell, no live checking); none where it can do everything */
  limitations?(lang: 'zh' | 'en'): string[];
}

/** What a write left alone, and why. */
export interface WriteNotice {
  skipped: Array<{ sheet: string; address: string; reason: 'sheet-gone' | 'note-gone' | 'note-edited' | 'protected' }>;
}

export interface CellChange {
  /** "评分表!F3" */
  cell: string;
  value: number;
}

/** Ignored findings and their keys are the engine's (core/report.ts). */
export { findingKey, type IgnoredItem } from '../core/report';

/** The key an indicator value is kept under: its name without spaces and quote marks. */
export { indicatorKey } from '../core/scoring/indicators';
