import { Badge, Button, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { sheetCell } from '../../core/a1';
import { shown } from '../../core/numbers';
import { ScoreResult } from '../../core/scoring/compute';
import { Strings } from '../i18n';
import { indicatorKey } from '../host';
import { FormView, PlannedChange } from '../checking';
import { FormScores } from './FormScores';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '6px' },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  meta: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  plan: { display: 'flex', flexDirection: 'column', gap: '6px', padding: '8px', border: `1px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
});

export interface ScoresTabProps {
  scores: ScoreResult[];
  /** the 项目/部门整体 self-evaluation forms, shown when there is no 评分表 */
  forms: FormView[];
  values: Record<string, string>;
  t: Strings;
  lang: 'zh' | 'en';
  plan: PlannedChange[] | null;
  onValue(name: string, value: string): void;
  onPlan(): void;
  onConfirm(): void;
  onCancel(): void;
  onSelect(cells: string[]): void;
}

/**
 * The 评分 tab: each 评分表 line with 分值, 自评得分, 计算得分, the working and where its inputs came from; without a
 * 评分表, the self-evaluation forms' lines (FormScores); without either, 未识别到评分表.
 */
export function ScoresTab({ scores, forms, values, t, lang, plan, onValue, onPlan, onConfirm, onCancel, onSelect }: ScoresTabProps): React.ReactElement {
  const styles = useStyles();
  if (!scores.length) return forms.length ? <FormScores forms={forms} t={t} lang={lang} onSelect={onSelect} /> : <Text>{t.noScoreTable}</Text>;
  const source = { tables: t.fromTables, 'value-column': t.fromValueColumn, user: t.fromUser };
  return (
    <section aria-label={t.scoresTab}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onPlan}>{t.fillScores}</Button>
      </div>
      {plan && (
        <div className={styles.plan} role="dialog" aria-label={t.fillScores}>
          {plan.length === 0 ? <Text>{t.nothingToFill}</Text> : (
            <>
              <Text weight="semibold">{t.willWrite}</Text>
              <ul>
                {plan.map((c) => <li key={c.cell}>{c.name}（{c.cell}）：{c.old} → {c.next}</li>)}
              </ul>
            </>
          )}
          <div className={styles.row}>
            {plan.length > 0 && <Button appearance="primary" onClick={onConfirm}>{t.confirmFill}</Button>}
            <Button onClick={onCancel}>{t.cancel}</Button>
          </div>
        </div>
      )}
      <ul className={styles.list}>
        {scores.map((s) => {
          const cell = sheetCell(s.table.sheet, s.line.scoreCell.row, s.line.scoreCell.col);
          const differs = s.status === 'computed' && s.line.score && !s.line.score.value.eq(s.computed!);
          const key = indicatorKey(s.line.name);
          return (
            <li key={cell} className={styles.item} data-score={s.line.name}>
              <div className={styles.head}>
                <Button appearance="transparent" size="small" onClick={() => onSelect([cell, ...s.inputCells])}>{s.line.name}</Button>
                <Text size={200}>{t.max} {s.line.max ? shown(s.line.max) : '—'} · {t.self} {s.line.score ? shown(s.line.score) : '—'}</Text>
                {s.status === 'computed'
                  ? <Badge color={differs ? 'warning' : 'success'} appearance="tint">{t.computedScore} {s.computed!.toFixed()}</Badge>
                  : <Badge color="subtle" appearance="tint">{s.status === 'manual' ? t.manual : t.needsInput}</Badge>}
              </div>
              {s.basis && <Text className={styles.meta}>{s.basis[lang]}{s.source ? `（${source[s.source]}）` : ''}</Text>}
              {s.ruleText && <Text className={styles.meta}>{t.ruleRead}：{s.ruleText[lang]}</Text>}
              {s.rule && s.status !== 'manual' && s.source !== 'tables' && s.source !== 'value-column' && (
                <Input size="small" aria-label={`${t.valueFor} ${s.line.name}`} placeholder={s.rule.kind === 'cases' ? t.casesHint : t.rateHint}
                  defaultValue={values[key] ?? ''} onBlur={(e) => onValue(key, e.currentTarget.value)}
                  onKeyDown={(e) => { if (e.key === 'Enter') onValue(key, e.currentTarget.value); }} />
              )}
            </li>
          );
        })}
      </ul>
      {scores.some((s) => s.status === 'manual') && (
        <MessageBar intent="info"><MessageBarBody>{t.manualNote}</MessageBarBody></MessageBar>
      )}
    </section>
  );
}
