import { makeStyles, mergeClasses, Tab, TabList, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { cellA1, colLetters } from '../../core/a1';
import { CellValue, isCellError } from '../../core/snapshot';
import { PreviewState } from '../preview-host';

const useStyles = makeStyles({
  wrap: { marginTop: '12px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  scroll: { overflow: 'auto', maxHeight: '320px' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  th: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, padding: '1px 4px', position: 'sticky', top: 0, border: `1px solid ${tokens.colorNeutralStroke2}` },
  rh: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, padding: '1px 4px', border: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'right' },
  td: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 4px', maxWidth: '160px', overflow: 'hidden', textOverflow: 'ellipsis' },
  num: { textAlign: 'right' },
  selected: { outline: '2px solid #0F6CBD', outlineOffset: '-2px', backgroundColor: '#DEECF9' },
  error: { backgroundColor: '#F8CBAD' },
  warning: { backgroundColor: '#FFE699' },
  info: { backgroundColor: '#DDEBF7' },
});

function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return String(v).replace(/\n/g, ' ');
}

export interface PreviewGridProps {
  state: PreviewState;
  label: string;
}

/** The sample workbook as a small read-only grid; the selected finding's cells are highlighted. */
export function PreviewGrid({ state, label }: PreviewGridProps): React.ReactElement {
  const styles = useStyles();
  const [tab, setTab] = React.useState(state.sheets[1]?.name ?? state.sheets[0]?.name ?? '');
  const selectionSheet = state.selection?.sheet;
  React.useEffect(() => {
    if (selectionSheet) setTab(selectionSheet);
  }, [selectionSheet, state.selection]);
  const scroller = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    // bring the highlighted cells into view, as Excel scrolls to a selection
    const cell = scroller.current?.querySelector<HTMLElement>('[data-selected="true"]');
    cell?.scrollIntoView?.({ block: 'center', inline: 'center' });
  }, [state.selection, tab]);
  const sheet = state.sheets.find((s) => s.name === tab) ?? state.sheets[0];
  const width = sheet ? sheet.values.reduce((m, r) => Math.max(m, r.length), 0) : 0;
  return (
    <div className={styles.wrap} role="region" aria-label={label}>
      <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(String(d.value))}>
        {state.sheets.map((s) => <Tab key={s.name} value={s.name}>{s.name}</Tab>)}
      </TabList>
      {sheet && (
        <div className={styles.scroll} ref={scroller}>
          <table className={styles.table} aria-label={sheet.name}>
            <thead>
              <tr>
                <th className={styles.th} />
                {Array.from({ length: width }, (_, j) => <th key={j} className={styles.th} scope="col">{colLetters(sheet.left + j)}</th>)}
              </tr>
            </thead>
            <tbody>
              {sheet.values.map((row, i) => (
                <tr key={i}>
                  <th className={styles.rh} scope="row">{sheet.top + i + 1}</th>
                  {Array.from({ length: width }, (_, j) => {
                    const r = sheet.top + i;
                    const c = sheet.left + j;
                    const v = row[j] ?? null;
                    const selected = state.selection?.sheet === sheet.name && state.selection.cells.has(`${r},${c}`);
                    const mark = state.marks.get(`${sheet.name}!${cellA1(r, c)}`);
                    const cls = mergeClasses(styles.td, typeof v === 'number' && styles.num, mark && styles[mark], selected && styles.selected);
                    return (
                      <td key={j} className={cls} data-cell={cellA1(r, c)} data-selected={selected ? 'true' : undefined} title={text(v)}>
                        {text(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
