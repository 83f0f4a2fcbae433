/**
 * A RuleTester in the manner of ESLint's: each rule is run alone over passing tables (no finding) and failing
 * tables (exactly the findings listed, with their message ids, cells, severities and figures).
 */
import { checkWorkbook } from '../../src/core';
import { CheckOptions, Rule } from '../../src/core/rules/types';
import { Finding } from '../../src/core/report';
import { WorkbookSnapshot } from '../../src/core/snapshot';

export interface ExpectedFinding {
  messageId: string;
  severity?: Finding['severity'];
  /** the first cells, in order (the culprit first) */
  cells?: string[];
  expected?: string;
  actual?: string;
  /** the fix the finding proposes; null: it must propose none */
  fix?: string | null;
  /** text the Chinese message must contain */
  message?: string | RegExp;
  /** text the English message must contain */
  en?: string | RegExp;
}

export interface Case {
  name: string;
  wb: WorkbookSnapshot;
  options?: Partial<CheckOptions>;
}

export function runRule(rule: Rule, wb: WorkbookSnapshot, options?: Partial<CheckOptions>, lang: 'zh' | 'en' = 'zh'): Finding[] {
  return checkWorkbook(wb, 'test.xlsx', { ...options, lang }, [rule]).report.findings;
}

export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: Array<Case & { findings: ExpectedFinding[] }> }): void {
  describe(rule.meta.id, () => {
    test('meta: id, severity, messages in both languages', () => {
      expect(rule.meta.id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
      for (const m of Object.values(rule.meta.messages)) {
        expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(m.en).toMatch(/^[\x20-\x7e“”’…−–≠≤≥·÷×±\u00a0]+$/);
      }
    });
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.wb, c.options).map((f) => `${f.messageId}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, () => {
        const found = runRule(rule, c.wb, c.options);
        const en = runRule(rule, c.wb, c.options, 'en');
        expect(found.map((f) => f.messageId)).toEqual(c.findings.map((f) => f.messageId));
        c.findings.forEach((want, i) => {
          const got = found[i]!;
          if (want.severity) expect(got.severity).toBe(want.severity);
          if (want.cells) expect(got.cells.slice(0, want.cells.length)).toEqual(want.cells);
          if (want.expected !== undefined) expect(got.expected).toBe(want.expected);
          if (want.actual !== undefined) expect(got.actual).toBe(want.actual);
          if (want.fix !== undefined) expect(got.fix).toBe(want.fix ?? undefined);
          if (want.message !== undefined) expect(got.message).toMatch(want.message);
          if (want.en !== undefined) expect(en[i]!.message).toMatch(want.en);
          expect(got.cells.length).toBeGreaterThan(0);
        });
      });
    }
  });
}
