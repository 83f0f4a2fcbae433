/**
 * The task pane's entry, which picks its host at start-up: inside WPS 表格 (its embedded browser provides
 * `window.Application`) the WPS host; inside Excel the open workbook through Office.js; anywhere else (a plain
 * browser, or when office.js could not be loaded) preview mode on the bundled sample workbook. The pane says in a
 * line which host it runs in.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { detectExcel } from '../excel/host';
import { detectWps } from '../wps/host';
import { App } from './components/App';
import { WorkbookHost } from './host';
import { PreviewHost } from './preview-host';

async function start(): Promise<void> {
  let host: WorkbookHost | null = detectWps();
  if (!host) {
    try {
      host = await detectExcel();
    } catch {
      host = null;
    }
  }
  const el = document.getElementById('root');
  // the page's feature test (src/engine-check.js) showed 此版本的 Office/WPS 过旧 instead: an error of a bundle before
  // anything rendered; the pane would not run here
  if (!el || (window as { selfevalTooOld?: string }).selfevalTooOld) return;
  document.body.dataset.mode = host ? host.kind : 'preview';
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host ?? new PreviewHost()} />
    </FluentProvider>,
  );
}

void start();
