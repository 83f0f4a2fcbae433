/** The rule registry: adding a rule is one file plus one line here. Order is the order findings are raised. */
import { budgetDifference } from './budget/difference';
import { overBudget } from './budget/over-budget';
import { budgetRate } from './budget/rate';
import { sangongOverBudget } from './budget/sangong-over-budget';
import { changeAmount } from './change/amount';
import { changeRate } from './change/rate';
import { incomeBalance } from './cross/income-balance';
import { sameFigure } from './cross/same-figure';
import { unitSet } from './cross/unit-set';
import { constantTotal } from './formula/constant-total';
import { formulaCoverage } from './formula/coverage';
import { partExceedsWhole } from './identity/part-exceeds-whole';
import { rowSum } from './identity/row-sum';
import { unconfirmed } from './structure/unconfirmed';
import { errorValue } from './input/error-value';
import { nothingRecognised } from './input/nothing-recognised';
import { notANumber } from './input/not-a-number';
import { numberAsText } from './input/number-as-text';
import { uncomputed } from './input/uncomputed';
import { unreadable } from './input/unreadable';
import { itemsTotal } from './items/total';
import { projectScore } from './project/scores';
import { projectTotal } from './project/total';
import { scoreComputed } from './score/computed';
import { scoreGrade } from './score/grade';
import { scoreMissing } from './score/missing';
import { scorePoints } from './score/points';
import { scoreRange } from './score/range';
import { scoreTotal } from './score/total';
import { balance } from './totals/balance';
import { columnSum } from './totals/column-sum';
import { consolidation } from './totals/consolidation';
import { textRate } from './text/rate';
import { textSameFigure } from './text/same-figure';
import { textSum } from './text/sum';
import { textTable } from './text/table';
import { Rule } from './types';

export const RULES: Rule[] = [
  columnSum,
  consolidation,
  rowSum,
  balance,
  partExceedsWhole,
  unitSet,
  incomeBalance,
  sameFigure,
  budgetDifference,
  changeAmount,
  changeRate,
  budgetRate,
  overBudget,
  sangongOverBudget,
  itemsTotal,
  scoreRange,
  scorePoints,
  scoreTotal,
  scoreGrade,
  scoreMissing,
  scoreComputed,
  projectScore,
  projectTotal,
  formulaCoverage,
  constantTotal,
  textRate,
  textSum,
  textSameFigure,
  textTable,
  numberAsText,
  notANumber,
  errorValue,
  uncomputed,
  unreadable,
  nothingRecognised,
  unconfirmed,
];
