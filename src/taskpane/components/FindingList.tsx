import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { FileReport, Finding, ListedProblem, problems, Quote, SEVERITY_RANK, tableName } from '../../core/report';
import { suggestionOf } from '../controller';
import { findingKey } from '../host';
import { Strings } from '../i18n';

const useStyles = makeStyles({
  group: { marginTop: '12px' },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, display: 'block', marginBottom: '4px' },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  // the finding over the pane's whole width, its actions in a row under it: at 350 px a column of buttons beside the
  // text left the message a third of the pane
  item: { display: 'flex', flexDirection: 'column', gap: '2px' },
  actions: { display: 'flex', gap: '4px', justifyContent: 'flex-end' },
  finding: {
    flexGrow: 1, textAlign: 'left', justifyContent: 'flex-start', height: 'auto', padding: '6px 8px', minWidth: 0,
    display: 'block', whiteSpace: 'normal', fontWeight: tokens.fontWeightRegular,
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  meta: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginTop: '2px' },
  message: { display: 'block', marginTop: '4px' },
  checks: { display: 'block', margin: '4px 0 0 0', paddingLeft: '14px' },
  quote: {
    display: 'block', marginTop: '4px', padding: '4px 6px', borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200,
  },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The pieces of a quote, plain and marked, left to right: marks out of range, empty or overlapping an earlier one
 *  are left out, so a damaged quote still shows its text whole. */
export function quotePieces(q: Quote): Array<{ text: string; marked: boolean }> {
  const text = typeof q.text === 'string' ? q.text : '';
  const marks = (Array.isArray(q.marks) ? q.marks : [])
    .filter((m) => Array.isArray(m) && Number.isInteger(m[0]) && Number.isInteger(m[1]) && m[0] >= 0 && m[1] <= text.length && m[0] < m[1])
    .sort((a, b) => a[0] - b[0]);
  const out: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [from, to] of marks) {
    if (from < at) continue;
    if (from > at) out.push({ text: text.slice(at, from), marked: false });
    out.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export interface FindingListProps {
  report: FileReport;
  findings: Finding[];
  t: Strings;
  selected?: string;
  onSelect(f: Finding): void;
  onIgnore(f: Finding[]): void;
  /** 改为建议值, where the engine names the culprit and its value */
  onApply?(f: Finding): void;
}

/** A table's findings as problems (a suspected cell's checks one), gravest first. */
export interface Section {
  title: string;
  problems: ListedProblem[];
}

const worst = (fs: readonly Finding[]): number => Math.min(...fs.map((f) => SEVERITY_RANK[f.severity]));

/**
 * The order the pane lists findings in: each table's under its name, the tables with errors first (then those with
 * warnings, then notes), so that an error is never below the fold behind a table of notes; within a table, errors
 * first. 下一处 / 上一处 walk the same order.
 */
export function sections(report: FileReport, findings: readonly Finding[], t: Strings): Section[] {
  const out: Array<Section & { rank: number; order: number }> = [];
  const add = (title: string, items: Finding[], order: number): void => {
    if (!items.length) return;
    const sorted = [...items].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const ps = problems(sorted);
    out.push({ title, problems: ps, rank: worst(items), order });
  };
  report.tables.forEach((table, i) => add(`${tableName(table, t.lang)} · ${table.range}`, findings.filter((f) => f.table === table.id), i));
  add(t.other, findings.filter((f) => f.table === undefined || !report.tables.some((x) => x.id === f.table)), report.tables.length);
  return out.sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ title, problems: ps }) => ({ title, problems: ps }));
}

/** Findings grouped by table, errors first; arrow keys move between them, Enter selects the cells. */
export function FindingList({ report, findings, t, selected, onSelect, onIgnore, onApply }: FindingListProps): React.ReactElement {
  const styles = useStyles();
  // ↑/↓ move between findings, Home/End to the first/last; Enter or Space selects (the button's own click)
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[data-finding]'));
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(items.length - 1, at + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    if (next < 0 || at < 0 && !['Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    items[next]?.focus();
  };
  const groups = sections(report, findings, t);
  const sevLabel = { error: t.errors, warning: t.warnings, info: t.notes };
  return (
    <div onKeyDown={onKeyDown} aria-label={t.title}>
      {groups.map((g) => (
        <section key={g.title} className={styles.group} aria-label={g.title}>
          <Text className={styles.groupTitle}>{g.title}</Text>
          <ul className={styles.list}>
            {g.problems.map((p) => {
              // checks that share one suspected cell are one item: the cell and what it should be, then each check
              const f = p.lead;
              const key = findingKey(p.findings[0]!);
              const severity = p.severity;
              const where = p.group ? (f.groupSubject ? `${f.groupSubject}（${p.group}）` : p.group) : '';
              const title = p.group ? t.suspect(where, p.findings.length) : f.message;
              const context = p.context;
              return (
                <li key={key + title} className={styles.item}>
                  <Button
                    appearance="subtle"
                    className={mergeClasses(styles.finding, selected === key && styles.selected)}
                    aria-label={`${sevLabel[severity]}：${f.cells[0] ?? ''} ${title}`}
                    aria-pressed={selected === key}
                    data-finding={key}
                    data-group={p.group}
                    onClick={() => onSelect(p.findings[0]!)}
                  >
                    <Badge appearance="filled" color={COLOR[severity]} size="small">{sevLabel[severity]}</Badge>{' '}
                    <Text weight="semibold">{f.cells[0]}</Text>
                    <Text className={styles.message}>{title}</Text>
                    {p.group && (
                      <ul className={styles.checks}>
                        {p.findings.map((x) => <li key={x.rule + x.messageId}><Text>{x.check ?? x.message}</Text></li>)}
                      </ul>
                    )}
                    {f.quote && (
                      <Text className={styles.quote} data-quote="">
                        {quotePieces(f.quote).map((q, i) => (q.marked ? <mark key={i} className={styles.mark}>{q.text}</mark> : <React.Fragment key={i}>{q.text}</React.Fragment>))}
                      </Text>
                    )}
                    {(f.expected !== undefined || f.actual !== undefined) && (
                      <Text className={styles.meta}>
                        {f.expected !== undefined && `${t.expected} ${f.expected}`}
                        {f.actual !== undefined && ` · ${t.actual} ${f.actual}`}
                        {f.fix !== undefined && ` · ${t.fix} ${f.fix}`}
                      </Text>
                    )}
                    {context.length > 0 && <Text className={styles.meta}>{t.cells}：{context.join(' ')}</Text>}
                  </Button>
                  <div className={styles.actions}>
                  {onApply && suggestionOf(f) && (
                    <Button size="small" appearance="primary" onClick={() => onApply(f)} aria-label={`${t.applyFix}：${f.cells[0] ?? ''} → ${f.fix}`} data-apply>
                      {t.applyFix}
                    </Button>
                  )}
                  <Button size="small" appearance="transparent" onClick={() => onIgnore(p.findings)} aria-label={`${t.ignore}：${f.cells[0] ?? ''}`}>
                    {t.ignore}
                  </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
