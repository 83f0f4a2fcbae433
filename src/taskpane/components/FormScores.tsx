/**
 * The 评分 tab of a workbook with no 评分表 but with 项目支出 / 部门整体支出绩效自评表s: each form's scored lines
 * (the 预算执行 line and the indicators, 分值 and 得分), its 总分 against its points, and the findings of
 * rules/project/* under the line they are about — a score the rules compute otherwise as 计算, like a 评分表's.
 */
import { Badge, Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { Finding, TABLE_KIND_NAME } from '../../core/report';
import { FormLineView, FormView } from '../checking';
import { Strings } from '../i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '8px' },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '6px' },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  finding: { display: 'flex', gap: '4px', alignItems: 'flex-start', marginTop: '2px', fontSize: tokens.fontSizeBase200 },
});

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** The messages whose `expected` is the score the rules compute for the line. */
const COMPUTED = new Set(['funds', 'indicator']);

interface Props {
  t: Strings;
  onSelect(cells: string[]): void;
}

/** The findings under a line or a 总分, each with its severity; a click selects its cells. */
function Findings({ list, t, onSelect }: Props & { list: Finding[] }): React.ReactElement | null {
  const styles = useStyles();
  if (!list.length) return null;
  const word = { error: t.errors, warning: t.warnings, info: t.notes };
  return (
    <>
      {list.map((f) => (
        <div key={`${f.rule}:${f.messageId}:${f.cells.join(',')}`} className={styles.finding} data-form-finding={`${f.rule}:${f.messageId}`}>
          <Badge size="small" appearance="filled" color={COLOR[f.severity]}>{word[f.severity]}</Badge>
          <Button appearance="transparent" size="small" onClick={() => onSelect(f.cells)}>{f.message}</Button>
        </div>
      ))}
    </>
  );
}

/** One line: its name (a click selects its cells), 分值 · 得分, the computed score when the rules disagree. */
function FormLine({ line, t, onSelect }: Props & { line: FormLineView }): React.ReactElement {
  const styles = useStyles();
  const name = line.kind === 'funds' ? t.fundsLine : line.name;
  const computed = line.findings.find((f) => COMPUTED.has(f.messageId) && f.expected)?.expected;
  return (
    <li className={styles.item} data-score={name}>
      <div className={styles.head}>
        <Button appearance="transparent" size="small" onClick={() => onSelect(line.cells)}>{name}</Button>
        <Text size={200}>{t.max} {line.max ?? '—'} · {t.formScore} {line.score ?? '—'}</Text>
        {computed && <Badge color="warning" appearance="tint">{t.computedScore} {computed}</Badge>}
      </div>
      <Findings list={line.findings} t={t} onSelect={onSelect} />
    </li>
  );
}

/** One form: its name and kind, its lines, and its 总分 against its points with the findings on the form. */
function FormBlock({ form, t, lang, onSelect }: Props & { form: FormView; lang: 'zh' | 'en' }): React.ReactElement {
  const styles = useStyles();
  const title = `${form.name ?? t.unnamedForm} · ${TABLE_KIND_NAME[form.form]![lang]}`;
  const total = form.total;
  return (
    <section className={styles.form} aria-label={title} data-form={form.name ?? ''}>
      <Text as="h2" weight="semibold">{title}</Text>
      <ul className={styles.list}>
        {form.lines.map((l) => <FormLine key={l.cells[0]} line={l} t={t} onSelect={onSelect} />)}
        <li className={styles.item} data-score="总分">
          <div className={styles.head}>
            <Button appearance="transparent" size="small" onClick={() => total.cell && onSelect([total.cell])}>{t.totalScore}</Button>
            <Text size={200}>{t.outOf(total.score ?? '—', total.max)}</Text>
          </div>
          <Findings list={form.findings} t={t} onSelect={onSelect} />
        </li>
      </ul>
    </section>
  );
}

export interface FormScoresProps extends Props {
  forms: FormView[];
  lang: 'zh' | 'en';
}

/** The forms' scores, after a note that no 评分表 was recognised. */
export function FormScores({ forms, t, lang, onSelect }: FormScoresProps): React.ReactElement {
  return (
    <section aria-label={t.scoresTab}>
      <MessageBar intent="info"><MessageBarBody>{t.formsIntro}</MessageBarBody></MessageBar>
      {forms.map((f) => <FormBlock key={f.id} form={f} t={t} lang={lang} onSelect={onSelect} />)}
    </section>
  );
}
