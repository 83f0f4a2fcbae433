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
  /** The year the column stands for: from its header ("2021年", "2021年决算数"), or 上年/本年 resolved against the
   *  table's other year columns; `period` says which side of a year-over-year pair it is. */
  year?: number;
  period?: 'prior' | 'current';
}

export interface Row {
  row: number;
  /** Label as shown ("1、局机关") and its key (normalised, numbering removed: "局机关"). */
  label: string;
  key: string;
  /** The label began with "其中：" (the prefix is not part of the key). */
  ofWhich?: boolean;
  /** The label began with "按…分：" ("按收入性质分：财政拨款"): a second breakdown of the same whole begins. */
  byList?: boolean;
  /** Leading indentation of the label (spaces, full-width spaces count two; the cell's indent level counts four). */
  indent?: number;
  /** The row's classification code (科目编码: 210, 21001, 2100101), where the table is keyed by codes (codes.ts). */
  code?: string;
  /** Outline numbering style of the label ("一、" → "cn", "1、" → "n"), '' when none. */
  numbering?: string;
  /** `label`: a group label with no figures ("（一）本级"): neither a term nor a total. `part`: a part of the line
   *  above (a "其中：" list, an indented line, a known breakdown), not summed again into the total. */
  role: 'total' | 'subtotal' | 'detail' | 'part' | 'label';
  /** A row of rates or shares (执行率, 占比 …, or only percentages): never a term of a sum, nor a line to sum in. */
  rate?: boolean;
  /** The figures did not confirm the sum this row's label proposed (see `Note` kind `unconfirmed`). */
  unconfirmed?: boolean;
  /** Rows this row sums (for total and subtotal rows; for a detail row that heads an outline group). */
  children: Row[];
  parent: Row | null;
}

/**
 * A whole equal to (complete) or at least (partial) the sum of its parts: in `Table.relations` a column and part
 * columns, checked in every row; in `Table.rowRelations` a row and part rows, checked in every summable column.
 * `units`: the 汇总 column of a table with the units as columns, and the unit columns.
 */
export interface Relation {
  whole: number;
  /** Each part is one column (row), or several that together make the part. */
  parts: number[][];
  complete: boolean;
  source: 'header' | 'vocabulary' | 'labels' | 'units';
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
  /** Breakdowns down the rows (收入合计 over "其中：财政拨款 / 上年结转 / 其他收入"), checked in every summable column. */
  rowRelations: Relation[];
  budgetPairs: BudgetPair[];
  /** Year-over-year column pairs: 上年 | 本年 | 增减额 | 增减率. */
  changePairs: ChangePair[];
  /** Rows are sub-units (机构/单位) rather than items or lines. */
  unitRows: boolean;
  /** Columns are sub-units (项目 | 汇总 | 局机关 | 妇幼保健院 …), rows are measures. */
  unitCols?: boolean;
  /** The year the table's figures stand for, from its title ("2021年度…"), when it says (or, for sheets of one
   *  layout, one a year, from its sheet: see recognize/consolidation.ts). */
  year?: number;
  /** Whose figures these are when they are not the department's: on a unit sheet of a workbook with one sheet per
   *  unit, that unit (its "单位名称：…" line, else its title, else its sheet name; recognize/consolidation.ts).
   *  Absent: the department's, or the table does not say. */
  entity?: string;
  /** The table is one side of a two-sided 总表 (收入 on the left, 支出 on the right, on the same rows). */
  side?: 'income' | 'expenditure';
}

/** 上年 and 本年 columns with the change between them. `sign` 1: 增减 = 本年 − 上年; −1: 上年 − 本年. */
export interface ChangePair {
  prior: number;
  current: number;
  diff?: number;
  rate?: number;
  /** The header states the direction ("增减额（上年-本年）"); otherwise the rows' majority decides. */
  sign?: 1 | -1;
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
  kind: 'unreadable-sheet' | 'number-as-text' | 'error-value' | 'bad-merge' | 'merges-unread' | 'merges-too-many' | 'unconfirmed' | 'uncomputed' | 'uncomputed-unknown' | 'not-a-number';
  sheet: string;
  row?: number;
  col?: number;
  text: string;
  tableId?: number;
  /** For `unconfirmed`: the cells of the relation, how many lines held and how many did not. */
  cells?: string[];
  held?: number;
  failed?: number;
  /** For `bad-merge` and `merges-too-many`: how many areas (the text lists the first few). */
  count?: number;
}

/**
 * A 汇总 table whose every figure is the same figure summed over tables of its layout on the unit sheets
 * (recognize/consolidation.ts): proposed by the sheets' names and titles, confirmed by the figures.
 */
export interface Consolidation {
  /** the 汇总 table (the department's figures) */
  total: Table;
  /** the tables of the same layout on the unit sheets, each with its `entity` */
  units: Table[];
  /** each figure of the 汇总 table with the unit cells it sums (a unit that lacks the line adds none) */
  lines: ConsolidationLine[];
}

/** One figure of a 汇总 table: its cell and the matching cells of the unit tables. */
export interface ConsolidationLine {
  row: number;
  col: number;
  /** the unit cells, in the order of `Consolidation.units` (a unit that lacks the line is left out) */
  terms: Array<{ table: Table; row: number; col: number }>;
}

export interface WorkbookModel {
  /** 项目支出绩效自评表 and 部门整体支出绩效自评表 (see recognize/project.ts) */
  projects: ProjectTable[];
  /** Budget-against-actual lines of every table and form (derived facts, see recognize/derived.ts). */
  budgetLines: BudgetLine[];
  /** Budget lines written as a form ("预算数：16.56万元  执行数：15.70万元"), also among `budgetLines`. */
  formLines: FormLine[];
  grids: Grid[];
  tables: Table[];
  scoreTables: ScoreTable[];
  profiles: Profile[];
  /** 汇总 sheets over unit sheets of the same layout (recognize/consolidation.ts) */
  consolidations: Consolidation[];
  notes: Note[];
  /** Figures stated in sentences and how the sentences relate them (recognize/claims.ts). */
  claims: TextClaim[];
}

// ---- derived facts (built by derived.ts) and the project forms (built by project.ts); declared here so the
// model imports nothing from what builds it

export interface Cell {
  row: number;
  col: number;
}

/** One budget-against-actual line: a table row under a 预算数/决算数 column pair, or a form line. */
export interface BudgetLine {
  grid: Grid;
  /** the table (or form line) it belongs to, for the report */
  tableId: number;
  /** the table and row it is a row of; absent for a form line */
  table?: Table;
  row?: Row;
  pair?: BudgetPair;
  budget: Num | null;
  actual: Num | null;
  diff: Num | null;
  rate: Num | null;
  cells: { budget: Cell; actual: Cell; diff?: Cell; rate?: Cell };
  /** What the line is: from the group header over the pair, else from the row label. */
  concept?: ConceptId;
  /** "三公经费" or "疾病预防控制中心·三公经费" */
  name: string;
  /** The header's name of the rate and difference columns ("执行率", "差额（预算-决算）"). */
  rateName?: string;
  diffHeader?: string;
  unit?: AmountUnit;
  /** The line is a table's total row (the department's figure). */
  total: boolean;
}

export interface FormLine extends BudgetLine {
  /** the cells the line spans, for the report's range */
  rect: { top: number; left: number; bottom: number; right: number };
}


export interface ProjectLine {
  row: number;
  name: string;
  target: string;
  actual: string;
  max?: Num;
  score?: Num;
  cells: { target: number; actual: number; max: number; score: number };
}

export interface ProjectTable {
  id: number;
  kind: 'project';
  sheet: string;
  grid: Grid;
  rect: Rect;
  name?: string;
  /** 项目支出绩效自评表 (one project) or 部门整体支出绩效自评表 (the department's whole spending) */
  form: 'project' | 'department';
  funds?: { row: number; budget?: Num; actual?: Num; max?: Num; rate?: Num; score?: Num; cols: { budget: number; actual: number; max: number; rate: number; score: number } };
  lines: ProjectLine[];
  total?: { row: number; max?: Num; score?: Num; maxCol: number; scoreCol: number };
  /** a 自评等次/评价等次 cell right below the table, when there is one */
  grade?: KeyValue;
}

// ---- figures stated in sentences (built by claims.ts): the report's text and the prose cells of a workbook

/** A text cell read as prose: a paragraph of a Word report (sheet 正文, column A) or a prose cell of a workbook. */
export interface TextParagraph {
  grid: Grid;
  row: number;
  col: number;
  text: string;
  /** position in reading order over the snapshot (paragraphs that follow one another differ by 1) */
  index: number;
}

/** A figure as written in a paragraph: UTF-16 offsets [start, end) of its digits and unit within `para.text`. */
export interface TextFigure {
  para: TextParagraph;
  start: number;
  end: number;
  /** as written ("8162.27万元", "94.78%") */
  text: string;
  /** an amount in 万元 (元 carries 4 more decimals, 亿元 4 fewer), or a percentage (`percent`, held as a fraction),
   *  at the decimals it shows (`formatted`: the text fixes them) */
  num: Num;
}

/** Who, when, what and from which funds an amount is, as its clause says. */
export interface ClauseFacts {
  /** the clause's name for it, without numbering, year and entity ("一般公共预算财政拨款支出") */
  label: string;
  /** the item without scope and measure words, normalised for matching ("支出", "住房公积金") */
  key: string;
  year?: number;
  measure?: 'budget' | 'actual';
  /** the fund scope (资金口径) the clause states: 全部资金, 财政拨款, 一般公共预算财政拨款, 一般公共预算, 政府性基金,
   *  国有资本经营预算; absent when it states none (such a figure is compared with nothing) */
  scope?: string;
  /** a unit named in the sentence (…中心, …医院): figures of different entities are never compared */
  entity?: string;
}

/** An amount of a sentence, with its clause's facts. */
export interface TextAmount extends TextFigure, ClauseFacts {
  unit: '元' | '万元' | '亿元';
  /** `fact`: a figure of an item; `delta`: a change (增加X万元); `aside`: in brackets, or a standard (每人每月100元) */
  role: 'fact' | 'delta' | 'aside';
}

export type TextClaim =
  /** every amount read, for comparing one figure stated twice (text/same-figure) and against tables (text/table) */
  | { kind: 'amount'; para: TextParagraph; amount: TextAmount }
  /** "A万元，其中：B万元，占P%；C万元…": parts of a whole; `complete` when the shares add up to 100% or the
   *  vocabulary knows the breakdown (支出 = 基本支出 + 项目支出); paragraphs that follow "…A万元，其中：" count too */
  | { kind: 'parts'; para: TextParagraph; whole: TextAmount; parts: TextAmount[]; shares: Array<TextFigure | undefined>; complete: boolean }
  /** "预算数A万元，执行数为B万元，完成预算的P%" */
  | { kind: 'rate'; para: TextParagraph; budget: TextAmount; actual: TextAmount; rate: TextFigure }
  /** "B万元，比2018年增加D万元，增长P%", "2025年…A万元，2026年…B万元，比2025年减少P%" */
  | { kind: 'change'; para: TextParagraph; current: TextAmount; prior?: TextAmount; delta?: TextAmount; percent?: TextFigure;
    direction: 1 | -1; word: { start: number; end: number; text: string; para: TextParagraph };
    /** the percentage's own direction word where it follows the amount change ("增加20.25万元，增长2.66%") */
    percentWord?: { start: number; end: number; text: string; para: TextParagraph; direction: 1 | -1 } }
  /** "1、…A万元；2、…B万元；…" (in one paragraph or one item a paragraph), with the total it is a list of, if stated */
  | { kind: 'list'; para: TextParagraph; items: TextAmount[]; total?: TextAmount };
