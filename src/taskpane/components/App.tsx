import {
  Button, CounterBadge, Dropdown, Field, Input, makeStyles, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Option, Spinner,
  Switch, Tab, TabList, Text, ToggleButton, tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import { Finding, summarize, tableName } from '../../core/report';
import { usePaneController } from '../controller';
import { findingKey, WorkbookHost } from '../host';
import { Lang, STRINGS } from '../i18n';
import { PreviewHost } from '../preview-host';
import { parseBandsText } from '../settings';
import { FindingList, sections } from './FindingList';
import { PreviewGrid } from './PreviewGrid';
import { ScoresTab } from './ScoresTab';

const useStyles = makeStyles({
  root: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '8px', fontFamily: tokens.fontFamilyBase },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px' },
  hostLine: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', minHeight: '24px' },
  // the filters and 上一处 / 下一处 on one line at 350 px
  tight: { minWidth: 'auto', paddingLeft: '6px', paddingRight: '6px' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  summary: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'center' },
  count: { display: 'flex', gap: '4px', alignItems: 'center' },
  tables: { margin: 0, paddingLeft: '18px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  settings: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '8px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  ignored: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // the confirmation of a write as a toast: at the foot of the pane whatever the person scrolled to, with room kept
  // under the list so it covers nothing
  toast: { position: 'fixed', left: '12px', right: '12px', bottom: '12px', zIndex: 10, boxShadow: tokens.shadow16 },
  toastRoom: { paddingBottom: '64px' },
});

export interface AppProps {
  host: WorkbookHost;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export function App({ host, storage }: AppProps): React.ReactElement {
  const styles = useStyles();
  const c = usePaneController(host, storage);
  const { settings, status, notice, view, ignored, values, undoLabel, plan, done } = c;
  const t = STRINGS[settings.lang];
  const [filters, setFilters] = React.useState({ error: true, warning: true, info: true });
  const [selected, setSelected] = React.useState<string | undefined>();
  const [showSettings, setShowSettings] = React.useState(false);
  const [showIgnored, setShowIgnored] = React.useState(false);
  const [showHelp, setShowHelp] = React.useState(false);
  const [limitsOpen, setLimitsOpen] = React.useState<boolean | undefined>();
  const [tab, setTab] = React.useState<'findings' | 'scores'>('findings');
  const [, repaint] = React.useReducer((x: number) => x + 1, 0);
  const preview = host.kind === 'preview' ? (host as PreviewHost) : null;
  // what an older host cannot do (Excel 2016/2019: no live checking, marks as fills only …), said once, up front
  const limits = React.useMemo(() => host.limitations?.(settings.lang) ?? [], [host, settings.lang]);
  React.useEffect(() => (preview ? preview.subscribe(repaint) : undefined), [preview]);

  const onSelect = (f: Finding): void => {
    setSelected(findingKey(f));
    c.select(f.cells);
  };

  const visible = view ? view.visible.filter((f) => filters[f.severity]) : [];
  const s = view?.report.summary;
  const update = c.update;
  // the counts count problems (a suspected cell's checks once), as the report's summary does
  const counts = summarize(view?.visible ?? []);
  // 下一处 / 上一处 (F8 / Shift+F8) walk the problems in the order the list shows them
  const order = view ? sections(view.report, visible, t).flatMap((x) => x.problems.map((p) => p.findings[0]!)) : [];
  const step = (by: number): void => {
    if (!order.length) return;
    const at = order.findIndex((f) => findingKey(f) === selected);
    const next = order[at < 0 ? (by > 0 ? 0 : order.length - 1) : (at + by + order.length) % order.length]!;
    onSelect(next);
    [...document.querySelectorAll<HTMLElement>('[data-finding]')].find((b) => b.dataset.finding === findingKey(next))?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key !== 'F8' || tab !== 'findings') return;
    e.preventDefault();
    step(e.shiftKey ? -1 : 1);
  };
  const perTable = (id: number): string => {
    const c2 = summarize((view?.visible ?? []).filter((f) => f.table === id));
    return t.tableCounts(c2.errors, c2.warnings);
  };

  return (
    <main className={mergeClasses(styles.root, done && styles.toastRoom)} lang={settings.lang === 'zh' ? 'zh-CN' : 'en'} onKeyDown={onKeyDown}>
      <div className={styles.header}>
        <Text as="h1" className={styles.title}>{t.title}</Text>
        <Switch checked={settings.live} label={t.live} onChange={(_, d) => update({ live: d.checked })} />
      </div>
      {/* the host, with 设置 and 帮助 on its right: a row of buttons fewer above the findings at 350 px */}
      <div className={styles.hostLine}>
        {preview ? <span /> : <Text size={200} data-host={host.kind}>{host.kind === 'wps' ? t.hostWps : t.hostExcel}</Text>}
        <span className={styles.count}>
          <ToggleButton size="small" appearance="subtle" checked={showSettings} onClick={() => setShowSettings((x) => !x)}>{t.settings}</ToggleButton>
          <ToggleButton size="small" appearance="subtle" checked={showHelp} onClick={() => setShowHelp((x) => !x)}>{t.help}</ToggleButton>
        </span>
      </div>
      {preview && <MessageBar intent="info"><MessageBarBody>{t.preview}</MessageBarBody></MessageBar>}
      {limits.length > 0 && (
        // in full until the first check; then its title alone, with 详情, so the findings start on the first screen
        <MessageBar intent="info" data-limits>
          <MessageBarBody>
            <MessageBarTitle>{t.limits}</MessageBarTitle>
            {(limitsOpen ?? !view) && limits.map((l) => <div key={l}>{l}</div>)}
          </MessageBarBody>
          {view && (
            <MessageBarActions>
              <Button size="small" appearance="transparent" aria-expanded={limitsOpen ?? false} onClick={() => setLimitsOpen(!(limitsOpen ?? false))}>
                {(limitsOpen ?? false) ? t.less : t.more}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void c.check()} disabled={status.kind === 'checking'}>{t.check}</Button>
        <Button onClick={() => void c.mark()} disabled={!view}>{t.mark}</Button>
        <Button onClick={() => void c.clearMarks()}>{t.clearMarks}</Button>
        <Button onClick={() => void c.exportResults()} disabled={!view}>{t.export}</Button>
        <Button onClick={() => void c.undo()} disabled={!undoLabel} aria-label={undoLabel ? t.undoWhat(undoLabel) : t.undo}>
          {undoLabel ? t.undoWhat(undoLabel) : t.undo}
        </Button>
      </div>
      {showHelp && (
        <section className={styles.settings} aria-label={t.help} data-help>
          {t.helpItems.map(([title, text]) => (
            <div key={title}><Text weight="semibold">{title}</Text><br /><Text size={200}>{text}</Text></div>
          ))}
        </section>
      )}
      {showSettings && (
        <section className={styles.settings} aria-label={t.settings}>
          <Field label={t.language}>
            <Dropdown
              value={settings.lang === 'zh' ? '中文' : 'English'}
              selectedOptions={[settings.lang]}
              onOptionSelect={(_, d) => update({ lang: (d.optionValue as Lang) ?? 'zh' })}
            >
              <Option value="zh">中文</Option>
              <Option value="en">English</Option>
            </Dropdown>
          </Field>
          <Field label={t.tolerance} hint={t.toleranceHint}>
            <Input type="number" min={0} step={0.5} value={String(settings.tolerance)} onChange={(_, d) => {
              const n = Number(d.value);
              if (Number.isFinite(n) && n >= 0) update({ tolerance: n });
            }} />
          </Field>
          <Field label={t.bands} hint={t.bandsHint} validationState={parseBandsText(settings.bands) ? 'none' : 'error'}>
            <Input value={settings.bands} onChange={(_, d) => update({ bands: d.value })} />
          </Field>
          <Switch checked={settings.capByRate} label={t.capByRate} onChange={(_, d) => update({ capByRate: d.checked })} />
          <Text size={200}>{t.saved}</Text>
        </section>
      )}
      {status.kind === 'checking' && <Spinner size="small" label={t.checking} />}
      {done && status.kind !== 'error' && (
        <MessageBar intent="success" data-done className={styles.toast} role="status" aria-live="polite">
          <MessageBarBody>{t.done(done)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => void c.undo()} data-done-undo>{t.undo}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="warning"><MessageBarBody><MessageBarTitle>{t.skippedTitle}</MessageBarTitle>{t.skipped(notice)}</MessageBarBody></MessageBar>
      )}
      {status.kind === 'error' && (
        <MessageBar intent="error"><MessageBarBody><MessageBarTitle>{t.error}</MessageBarTitle>{status.message}</MessageBarBody></MessageBar>
      )}
      {!view && status.kind === 'idle' && <Text>{t.notChecked}</Text>}
      {view && s && (
        <>
          <section className={styles.summary} aria-label={t.title}>
            <span className={styles.count}><CounterBadge count={counts.errors} showZero color="danger" />{t.errors}</span>
            <span className={styles.count}><CounterBadge count={counts.warnings} showZero color="important" />{t.warnings}</span>
            <span className={styles.count}><CounterBadge count={counts.info} showZero color="informative" />{t.notes}</span>
            {view.totalScore && <Text>{t.totalScore} {view.totalScore}{view.grade ? ` · ${t.grade} ${view.grade}` : ''}</Text>}
          </section>
          <details>
            <summary>{t.tables}（{view.report.tables.length}）</summary>
            <ul className={styles.tables}>
              {view.report.tables.map((x) => {
                const n = perTable(x.id);
                return <li key={x.id} data-table={x.id}>{tableName(x, settings.lang)} · {x.range}{x.unit ? ` · ${x.unit}` : ''}{n ? ` · ${n}` : ''}</li>;
              })}
            </ul>
          </details>
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'findings' | 'scores')}>
            <Tab value="findings">{t.findingsTab}</Tab>
            <Tab value="scores">{t.scoresTab}</Tab>
          </TabList>
          {tab === 'scores' && (
            <ScoresTab
              scores={view.scores}
              forms={view.forms}
              values={values}
              t={t}
              lang={settings.lang}
              plan={plan}
              onValue={(name, value) => void c.setValue(name, value)}
              onPlan={c.planFill}
              onConfirm={() => void c.confirmFill()}
              onCancel={c.cancelFill}
              onSelect={c.select}
            />
          )}
          {tab === 'findings' && <>
          <div className={styles.row} role="group" aria-label={t.filters}>
            {(['error', 'warning', 'info'] as const).map((k) => (
              // a filter that is on looks on (filled), one that is off looks off (outlined, struck through), with its count
              <ToggleButton key={k} size="small" className={styles.tight} checked={filters[k]} appearance={filters[k] ? 'primary' : 'outline'} aria-pressed={filters[k]}
                style={filters[k] ? undefined : { textDecoration: 'line-through' }} onClick={() => setFilters((f) => ({ ...f, [k]: !f[k] }))}>
                {{ error: t.errors, warning: t.warnings, info: t.notes }[k]} {{ error: counts.errors, warning: counts.warnings, info: counts.info }[k]}
              </ToggleButton>
            ))}
            <Button size="small" className={styles.tight} onClick={() => step(-1)} disabled={!order.length} title={t.navHint}>{t.prev}</Button>
            <Button size="small" className={styles.tight} onClick={() => step(1)} disabled={!order.length} title={t.navHint}>{t.next}</Button>
          </div>
          {view.visible.length === 0 && ignored.length > 0 ? (
            // everything ignored is not a clean workbook: said so, with the way back
            <MessageBar intent="warning" data-all-ignored>
              <MessageBarBody>{t.allIgnored(ignored.length)}</MessageBarBody>
              <Button size="small" appearance="transparent" onClick={() => setShowIgnored(true)}>{t.showIgnored}</Button>
            </MessageBar>
          ) : view.visible.length === 0 ? (
            <MessageBar intent="success"><MessageBarBody><MessageBarTitle>{t.clean}</MessageBarTitle>{t.cleanDetail}</MessageBarBody></MessageBar>
          ) : (
            <FindingList
              report={view.report}
              findings={visible}
              t={t}
              selected={selected}
              onSelect={onSelect}
              onIgnore={(f) => void c.ignore(f)}
              onApply={(f) => void c.applyFix(f)}
            />
          )}
          </>}
          {ignored.length > 0 && (
            <details className={styles.ignored} open={showIgnored} onToggle={(e) => setShowIgnored((e.target as HTMLDetailsElement).open)}>
              <summary>{t.ignored}（{ignored.length}）</summary>
              <ul>
                {ignored.map((i) => (
                  <li key={i.key}>
                    {i.cell} {i.message}{' '}
                    <Button size="small" appearance="transparent" onClick={() => void c.restore(i.key)}>{t.restore}</Button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {preview && <PreviewGrid state={preview.state} label={t.workbook} />}
    </main>
  );
}
