import { classify, readFormat, shown } from '../../src/core/numbers';

const num = (v: Parameters<typeof classify>[0], fmt?: string) => {
  const i = classify(v, fmt);
  if (i.k !== 'num') throw new Error(`not a number: ${JSON.stringify(i)}`);
  return i.n;
};

describe('numbers as people type them', () => {
  test.each([
    ['1,256.62', '1256.62', 2],
    ['１２５６.６２', '1256.62', 2],
    ['(12.50)', '-12.5', 2],
    ['（12.50）', '-12.5', 2],
    ['-12.5', '-12.5', 1],
    ['−12.5', '-12.5', 1],
    ['15.70', '15.7', 2],
    [' 788.64 ', '788.64', 2],
    ['16.56万元', '16.56', 2],
    ['743人', '743', 0],
    ['5分', '5', 0],
  ])('%s reads as %s with %d decimals, from text', (text, value, decimals) => {
    const n = num(text);
    expect(n.value.toFixed()).toBe(value);
    expect(n.decimals).toBe(decimals);
    expect(n.fromText).toBe(true);
  });

  test('94.78% typed as text is the fraction 0.9478, shown with 2 decimals of a percent', () => {
    const n = num('94.78%');
    expect(n.value.toFixed()).toBe('0.9478');
    expect(n.percent).toBe(true);
    expect(shown(n)).toBe('94.78%');
  });

  test('0.9478 with a 0.00% format is the same', () => {
    const n = num(0.9478, '0.00%');
    expect(n.percent).toBe(true);
    expect(n.decimals).toBe(2);
    expect(shown(n)).toBe('94.78%');
    expect(n.fromText).toBe(false);
  });

  test.each(['—', '-', '/', '－', '——', '无', 'N/A'])('%s is an empty placeholder', (t) => {
    expect(classify(t).k).toBe('dash');
  });

  test('blank, null and spaces are empty; words are text; errors are errors', () => {
    expect(classify(null).k).toBe('empty');
    expect(classify('   ').k).toBe('empty');
    expect(classify('局机关').k).toBe('text');
    expect(classify('1,25,6').k).toBe('text');
    expect(classify({ error: '#REF!' })).toEqual({ k: 'error', e: '#REF!' });
  });

  test('a number holds what Excel shows at 15 significant digits', () => {
    expect(num(5522.5700000000006).value.toFixed()).toBe('5522.57');
    expect(num(0.1 + 0.2).value.toFixed()).toBe('0.3');
    expect(num(15.695, '0.00').value.toFixed()).toBe('15.695');
  });

  test('decimals shown come from the number format when it fixes them', () => {
    expect(num(730.2, '0.00').decimals).toBe(2);
    expect(num(730.2, '#,##0.00_);[Red](#,##0.00)').decimals).toBe(2);
    expect(num(730.2).decimals).toBe(1);
    expect(shown(num(730.2, '0.00'))).toBe('730.20');
    expect(readFormat('yyyy"年"m"月"d"日"').date).toBe(true);
    expect(classify(44561, 'yyyy-mm-dd').k).toBe('text');
  });
});
