/** What the engine understood of a workbook: its tables, columns, rows and the relations between them. */
import { Rect } from '../a1';
import { Grid } from '../grid';
import { AmountUnit, Num } from '../numbers';
import { ConceptId, Measure } from '../vocabulary';

export type TableKind =
  | 'income' | 'expenditure' | 'sangong' | 'assets' | 'budget' | 'projects' | 'items' | 'score' | 'profile';

/** A header cell (through merges) and the header cells below it. */
export interface HeaderNode {
  label: string;
  text: string;
  rect: Rect;
  parent: HeaderNode | null;
  children: HeaderNode[];
}

export interface Column {
  col: number;
  role: 'label' | 'index' | 'number' | 'text';
  /** Header cells from the top of the header to this column's own header cell. */
  path: HeaderNode[];
  /** Name for messages: "收入合计", "三公经费·预算数". */
  name: string;
  concept?: ConceptId;
  measure?: Measure;
  /** Values of a rate column are percent figures (94.78) rather than fractions (0.9478). */
  percentPoints?: boolean;
}

export interface Row {
  row: number;
  /** Label as shown ("1、局机关") and its key (normalised, numbering removed: "局机关"). */
  label: string;
  key: string;
  /** The label began with "其中：" (the prefix is not part of the key). */
  ofWhich?: boolean;
  /** Outline numbering style of the label ("一、" → "cn", "1、" → "n"), '' when none. */
  numbering?: string;
  role: 'total' | 'subtotal' | 'detail' | 'part';
  /** Rows this row sums (for total and subtotal rows; for a detail row that heads an outline group). */
  children: Row[];
  parent: Row | null;
}

/** A whole column equal to (complete) or at least (partial) the sum of groups of part columns. */
export interface Relation {
  whole: number;
  /** Each part is one column, or several columns that together make the part. */
  parts: number[][];
  complete: boolean;
  source: 'header' | 'vocabulary';
}

export interface BudgetPair {
  budget: number;
  actual: number;
  diff?: number;
  rate?: number;
  /** Concept of the group header above the pair (三公经费 预算数 | 决算数), when there is one. */
  concept?: ConceptId;
  name: string;
}

export interface Table {
  id: number;
  kind: TableKind;
  sheet: string;
  grid: Grid;
  /** Header and data, without title lines. */
  rect: Rect;
  headerRows: number[];
  title?: string;
  unit?: AmountUnit;
  labelCol: number;
  columns: Column[];
  rows: Row[];
  total?: Row;
  relations: Relation[];
  budgetPairs: BudgetPair[];
  /** Rows are sub-units (机构/单位) rather than items or lines. */
  unitRows: boolean;
}

export interface ScoreGroup {
  label: string;
  text: string;
  /** Points stated in the label: "预算配置（15分）" → 15. */
  points?: Num;
  cell: { row: number; col: number };
  rows: number[];
}

export interface ScoreLine {
  row: number;
  name: string;
  level1?: ScoreGroup;
  level2?: ScoreGroup;
  criteria?: string;
  max?: Num;
  /** Cell holding the 分值 (the top-left of a merged 分值 shared by several lines). */
  maxCell?: { row: number; col: number };
  /** Lines sharing one merged 分值 have the same shareId. */
  shareId: number;
  score?: Num;
  scoreCell: { row: number; col: number };
  scoreText?: string;
}

export interface KeyValue {
  key: string;
  cell: { row: number; col: number };
  valueCell: { row: number; col: number };
  num?: Num;
  text?: string;
}

export interface ScoreTable {
  id: number;
  kind: 'score';
  sheet: string;
  grid: Grid;
  rect: Rect;
  cols: { level1?: number; level2?: number; level3?: number; criteria?: number; max: number; score: number; note?: number; value?: number };
  lines: ScoreLine[];
  totalRow?: { row: number; max?: Num; score?: Num };
  grade?: KeyValue;
  overall?: KeyValue;
}

export interface Profile {
  sheet: string;
  grid: Grid;
  rect: Rect;
  staffQuota?: KeyValue;
  staffActual?: KeyValue;
}

/** Something the recognizer noticed while reading (a sheet it could not read, numbers stored as text …). */
export interface Note {
  kind: 'unreadable-sheet' | 'number-as-text' | 'error-value' | 'bad-merge';
  sheet: string;
  row?: number;
  col?: number;
  text: string;
  tableId?: number;
}

export interface WorkbookModel {
  /** 项目支出绩效自评表 (see recognize/project.ts) */
  projects: import('./project').ProjectTable[];
  /** Computed scores of the 评分表 lines (filled by the engine after recognition; see scoring/compute.ts). */
  scores?: import('../scoring/compute').ScoreResult[];
  grids: Grid[];
  tables: Table[];
  scoreTables: ScoreTable[];
  profiles: Profile[];
  notes: Note[];
}
