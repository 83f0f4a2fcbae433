import {
  Button, CounterBadge, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Option, Spinner,
  Switch, Tab, TabList, Text, ToggleButton, tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import { Finding, tableName } from '../../core/report';
import { WorkbookSnapshot } from '../../core/snapshot';
import { planFill, PlannedChange, runCheck, CheckView } from '../checking';
import { findingKey, IgnoredItem, WorkbookHost, WriteNotice } from '../host';
import { Lang, STRINGS } from '../i18n';
import { PreviewHost } from '../preview-host';
import { loadSettings, PaneSettings, parseBandsText, saveSettings } from '../settings';
import { FindingList } from './FindingList';
import { PreviewGrid } from './PreviewGrid';
import { ScoresTab } from './ScoresTab';

const useStyles = makeStyles({
  root: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '8px', fontFamily: tokens.fontFamilyBase },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  summary: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'center' },
  count: { display: 'flex', gap: '4px', alignItems: 'center' },
  tables: { margin: 0, paddingLeft: '18px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  settings: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '8px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  ignored: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface AppProps {
  host: WorkbookHost;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

type Status = { kind: 'idle' } | { kind: 'checking' } | { kind: 'ready' } | { kind: 'error'; message: string };

export function App({ host, storage }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [settings, setSettings] = React.useState<PaneSettings>(() => loadSettings(storage));
  const t = STRINGS[settings.lang];
  const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
  /** what the latest write left alone (a sheet deleted since, a note the person changed), said once */
  const [notice, setNotice] = React.useState<string[] | null>(null);
  const [view, setView] = React.useState<CheckView | null>(null);
  const [ignored, setIgnored] = React.useState<IgnoredItem[]>([]);
  const [filters, setFilters] = React.useState({ error: true, warning: true, info: true });
  const [selected, setSelected] = React.useState<string | undefined>();
  const [showSettings, setShowSettings] = React.useState(false);
  const [undoLabel, setUndoLabel] = React.useState<string | undefined>();
  const [tab, setTab] = React.useState<'findings' | 'scores'>('findings');
  const [values, setValues] = React.useState<Record<string, string>>({});
  const [plan, setPlan] = React.useState<PlannedChange[] | null>(null);
  const valuesRef = React.useRef(values);
  valuesRef.current = values;
  const [, repaint] = React.useReducer((x: number) => x + 1, 0);
  const snapshot = React.useRef<WorkbookSnapshot | null>(null);
  const settingsRef = React.useRef(settings);
  settingsRef.current = settings;

  const preview = host.kind === 'preview' ? (host as PreviewHost) : null;
  React.useEffect(() => (preview ? preview.subscribe(repaint) : undefined), [preview]);

  const fail = React.useCallback((e: unknown): void => setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) }), []);

  /** the ignored findings as they are now, for live re-checks that run long after the check that started them */
  const ignoredRef = React.useRef<IgnoredItem[]>([]);
  ignoredRef.current = ignored;

  const recheck = React.useCallback((wb: WorkbookSnapshot, ig: IgnoredItem[]) => {
    snapshot.current = wb;
    setView(runCheck(wb, host.fileName, settingsRef.current, ig, valuesRef.current));
  }, [host]);

  const check = React.useCallback(async () => {
    setStatus({ kind: 'checking' });
    try {
      const [wb, ig, vals] = [await host.read(), await host.ignored(), await host.indicatorValues()];
      setIgnored(ig);
      setValues(vals);
      valuesRef.current = vals;
      recheck(wb, ig);
      setStatus({ kind: 'ready' });
      ignoredRef.current = ig;
      if (settingsRef.current.live) await host.startLive(wb, (next) => recheck(next, ignoredRef.current), fail);
    } catch (e) {
      fail(e);
    }
  }, [host, recheck, fail]);

  // settings change the report without reading the workbook again (the ignored list as it is now)
  React.useEffect(() => {
    saveSettings(settings, storage);
    if (snapshot.current) setView(runCheck(snapshot.current, host.fileName, settings, ignoredRef.current, valuesRef.current));
  }, [settings, storage, host]);

  React.useEffect(() => {
    if (!settings.live) void host.stopLive().catch(fail);
    else if (snapshot.current) void host.startLive(snapshot.current, (next) => recheck(next, ignoredRef.current), fail).catch(fail);
  }, [settings.live, host, recheck, fail]);

  const act = async (fn: () => Promise<unknown>): Promise<void> => {
    try {
      const r = (await fn()) as WriteNotice | void;
      setNotice(r && r.skipped.length ? r.skipped.map((x) => `${x.sheet}!${x.address}（${t.skipReason[x.reason] ?? x.reason}）`) : null);
      setUndoLabel(host.undoLabel());
    } catch (e) {
      fail(e);
    }
  };

  const refreshIgnored = async (): Promise<void> => {
    const ig = await host.ignored();
    setIgnored(ig);
    if (snapshot.current) setView(runCheck(snapshot.current, host.fileName, settingsRef.current, ig, valuesRef.current));
  };

  const onValue = (name: string, value: string): void => {
    if ((valuesRef.current[name] ?? '') === value.trim()) return;
    void act(async () => {
      await host.setIndicatorValue(name, value);
      const vals = await host.indicatorValues();
      setValues(vals);
      valuesRef.current = vals;
      if (snapshot.current) setView(runCheck(snapshot.current, host.fileName, settingsRef.current, ignored, vals));
    });
  };

  const confirmFill = (): void => {
    const changes = plan ?? [];
    setPlan(null);
    void act(async () => {
      const notice = await host.writeNumbers('填入计算得分', changes);
      recheck(await host.read(), ignored);
      return notice;
    });
  };

  const onSelect = (f: Finding): void => {
    setSelected(findingKey(f));
    void host.select(f.cells).catch(fail);
  };

  const visible = view ? view.visible.filter((f) => filters[f.severity]) : [];
  const s = view?.report.summary;
  const update = (patch: Partial<PaneSettings>): void => setSettings((old) => ({ ...old, ...patch }));

  return (
    <main className={styles.root} lang={settings.lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className={styles.header}>
        <Text as="h1" className={styles.title}>{t.title}</Text>
        <Switch checked={settings.live} label={t.live} onChange={(_, d) => update({ live: d.checked })} />
      </div>
      {preview && (
        <MessageBar intent="info"><MessageBarBody>{t.preview}</MessageBarBody></MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void check()} disabled={status.kind === 'checking'}>{t.check}</Button>
        <Button onClick={() => void act(() => host.mark(view?.visible ?? []))} disabled={!view}>{t.mark}</Button>
        <Button onClick={() => void act(() => host.clearMarks())}>{t.clearMarks}</Button>
        <Button onClick={() => void act(() => host.exportResults({ ...view!.report, findings: view!.visible }))} disabled={!view}>{t.export}</Button>
        <Button onClick={() => void act(async () => {
          const undone = await host.undo();
          const [ig, vals] = [await host.ignored(), await host.indicatorValues()];
          setIgnored(ig);
          setValues(vals);
          valuesRef.current = vals;
          // whatever was undone, the workbook as it is now (the live checker works from this reading too)
          if (undone) recheck(await host.read(), ig);
        })} disabled={!undoLabel} aria-label={undoLabel ? t.undoWhat(undoLabel) : t.undo}>
          {undoLabel ? t.undoWhat(undoLabel) : t.undo}
        </Button>
        <ToggleButton checked={showSettings} onClick={() => setShowSettings((x) => !x)}>{t.settings}</ToggleButton>
      </div>
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
            <span className={styles.count}><CounterBadge count={view.visible.filter((f) => f.severity === 'error').length} showZero color="danger" />{t.errors}</span>
            <span className={styles.count}><CounterBadge count={view.visible.filter((f) => f.severity === 'warning').length} showZero color="important" />{t.warnings}</span>
            <span className={styles.count}><CounterBadge count={view.visible.filter((f) => f.severity === 'info').length} showZero color="informative" />{t.notes}</span>
            {view.totalScore && <Text>{t.totalScore} {view.totalScore}{view.grade ? ` · ${t.grade} ${view.grade}` : ''}</Text>}
          </section>
          <details>
            <summary>{t.tables}（{view.report.tables.length}）</summary>
            <ul className={styles.tables}>
              {view.report.tables.map((x) => <li key={x.id}>{tableName(x, settings.lang)} · {x.range}{x.unit ? ` · ${x.unit}` : ''}</li>)}
            </ul>
          </details>
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'findings' | 'scores')}>
            <Tab value="findings">{t.findingsTab}</Tab>
            <Tab value="scores">{t.scoresTab}</Tab>
          </TabList>
          {tab === 'scores' && (
            <ScoresTab
              scores={view.scores}
              values={values}
              t={t}
              lang={settings.lang}
              plan={plan}
              onValue={onValue}
              onPlan={() => setPlan(planFill(view))}
              onConfirm={confirmFill}
              onCancel={() => setPlan(null)}
              onSelect={(cells) => void host.select(cells).catch(fail)}
            />
          )}
          {tab === 'findings' && <>
          <div className={styles.row} role="group" aria-label={t.filters}>
            {(['error', 'warning', 'info'] as const).map((k) => (
              <ToggleButton key={k} size="small" checked={filters[k]} onClick={() => setFilters((f) => ({ ...f, [k]: !f[k] }))}>
                {{ error: t.errors, warning: t.warnings, info: t.notes }[k]}
              </ToggleButton>
            ))}
          </div>
          {view.visible.length === 0 ? (
            <MessageBar intent="success"><MessageBarBody><MessageBarTitle>{t.clean}</MessageBarTitle>{t.cleanDetail}</MessageBarBody></MessageBar>
          ) : (
            <FindingList
              report={view.report}
              findings={visible}
              t={t}
              selected={selected}
              onSelect={onSelect}
              onIgnore={(f) => void act(async () => { await host.ignore(f); await refreshIgnored(); })}
            />
          )}
          </>}
          {ignored.length > 0 && (
            <details className={styles.ignored}>
              <summary>{t.ignored}（{ignored.length}）</summary>
              <ul>
                {ignored.map((i) => (
                  <li key={i.key}>
                    {i.cell} {i.message}{' '}
                    <Button size="small" appearance="transparent" onClick={() => void act(async () => { await host.restore(i.key); await refreshIgnored(); })}>{t.restore}</Button>
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
