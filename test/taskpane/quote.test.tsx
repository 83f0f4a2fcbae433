/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import * as React from 'react';
import { FileReport, Finding } from '../../src/core/report';
import { FindingList, quotePieces } from '../../src/taskpane/components/FindingList';
import { STRINGS } from '../../src/taskpane/i18n';

const SENTENCE = '项目全年预算数16.56万元，执行数为15.70万元，完成预算的94.78%。';
const at = (s: string): [number, number] => [SENTENCE.indexOf(s), SENTENCE.indexOf(s) + s.length];

describe('a text finding shows its sentence with the figures in question marked (issue 18)', () => {
  test('the pieces of a quote, marks in order; bad marks are left out and the text stays whole', () => {
    const pieces = quotePieces({ text: SENTENCE, marks: [at('94.78%'), at('16.56万元'), at('15.70万元')] });
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['16.56万元', '15.70万元', '94.78%']);
    expect(pieces.map((p) => p.text).join('')).toBe(SENTENCE);
    const bad = quotePieces({ text: SENTENCE, marks: [[-1, 3], [5, 999], [7, 7], [2, 6], [4, 8]] });
    expect(bad.filter((p) => p.marked).map((p) => p.text)).toEqual([SENTENCE.slice(2, 6)]);
    expect(bad.map((p) => p.text).join('')).toBe(SENTENCE);
  });

  test('the list shows the quote under the message, the figures in <mark>', () => {
    const finding = {
      rule: 'text/rate', severity: 'error', cells: ['正文!A176'], message: '完成预算的94.78%与 15.70 ÷ 16.56 = 94.81% 不符', messageId: 'x', data: {},
      quote: { text: SENTENCE, marks: [at('16.56万元'), at('15.70万元'), at('94.78%')] },
    } as Finding;
    const report = { file: 'r.docx', error: null, tables: [], findings: [finding], scores: [], summary: { errors: 1, warnings: 0, info: 0 } } as unknown as FileReport;
    const { container } = render(<FluentProvider theme={webLightTheme}><FindingList report={report} findings={[finding]} t={STRINGS.zh} onSelect={() => undefined} onIgnore={() => undefined} /></FluentProvider>);
    const quote = container.querySelector('[data-quote]')!;
    expect(quote.textContent).toBe(SENTENCE);
    expect([...quote.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['16.56万元', '15.70万元', '94.78%']);
  });
});
