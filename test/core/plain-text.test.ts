/**
 * The shortcuts for plain text (text.ts isPlainText): a text they skip is one the full cleaning leaves unchanged,
 * and a plain text of words that classify calls text without parsing it is no figure and no dash.
 */
import fc from 'fast-check';
import { classify, parseNumberText } from '../../src/core/numbers';
import { isPlainText, normLabel, visibleText } from '../../src/core/text';

/** normLabel without its shortcut, as it always was. */
const slowNorm = (s: string): string => visibleText(s).normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').replace(/["'“”‘’「」『』]/g, '');

// ideographs, ASCII, and the characters NFKC or the cleaning change: full-width forms, ideographic space, Kangxi
// radicals, compatibility ideographs, circled figures, quotes, invisible characters, the _x000D_ escape
const chars = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('、', '。', '（', '）', '：', '１', '％', '\u3000', '\u00a0', '⼈', '\uf900', '①', '“', '”', '「', '\u200b', '\ufeff', '\u00ad', '_x000D_', '²', '—', '无', '万元', '元'),
);
const text = fc.array(chars, { maxLength: 20 }).map((a) => a.join(''));

test('a plain text is left unchanged by normLabel\'s cleaning and by NFKC', () => {
  fc.assert(fc.property(text, (s) => {
    if (!isPlainText(s)) return;
    expect(slowNorm(s)).toBe(s);
    expect(normLabel(s)).toBe(s);
    expect(s.normalize('NFKC').trimStart()).toBe(s);
  }), { numRuns: 5000 });
});

test('plain text with an ideograph that is no unit or count word is text: no figure, no dash, unless 无 alone', () => {
  fc.assert(fc.property(fc.oneof(text, fc.tuple(fc.stringMatching(/^[-+(]?[0-9,.]{1,8}[)%]?$/), fc.constantFrom('万元', '元', '人', '单位', '次', '年', '无')).map(([a, b]) => a + b)), (s) => {
    const t = s.trim();
    if (!t || !isPlainText(t) || ![...t].some((ch) => /[\u4e00-\u9fff]/.test(ch) && !'万元分人个名户次'.includes(ch))) return;
    if (t === '无') return void expect(classify(t).k).toBe('dash');
    expect(parseNumberText(t)).toBeNull();
    expect(classify(t)).toEqual({ k: 'text', s: t });
  }), { numRuns: 5000 });
});

test('examples', () => {
  expect(isPlainText('公共财政拨款')).toBe(true);
  expect(isPlainText('1、单位1')).toBe(true);
  expect(isPlainText('收入合计（万元）')).toBe(false);
  expect(isPlainText('“三公”经费')).toBe(false);
  expect(isPlainText('⼈员编制')).toBe(false);
  expect(normLabel('⼈员编制')).toBe('人员编制');
  expect(classify('无').k).toBe('dash');
});
