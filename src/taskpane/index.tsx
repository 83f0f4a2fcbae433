/**
 * The task pane's entry: inside Excel it checks the open workbook; anywhere else (a plain browser, or when
 * office.js could not be loaded) it runs in preview mode on the bundled sample workbook.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { detectExcel } from '../excel/host';
import { App } from './components/App';
import { WorkbookHost } from './host';
import { PreviewHost } from './preview-host';

async function start(): Promise<void> {
  let host: WorkbookHost | null = null;
  try {
    host = await detectExcel();
  } catch {
    host = null;
  }
  const el = document.getElementById('root');
  if (!el) return;
  document.body.dataset.mode = host ? 'excel' : 'preview';
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host ?? new PreviewHost()} />
    </FluentProvider>,
  );
}

void start();
