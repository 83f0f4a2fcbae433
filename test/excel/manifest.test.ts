/**
 * The manifest Excel reads, as the production build writes it (webpack.config.js's own rewrite of manifest.xml for
 * a host with a path), parsed: it must load in Excel 2016 (ExcelApi 1.1), and every AppDomain must be an origin.
 * `npm run validate` needs Microsoft's validation service, which 政务内网 cannot reach; this needs nothing.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { SaxesParser } from 'saxes';

const ROOT = path.join(__dirname, '..', '..');
const SOURCE = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** The manifest the production build writes for `url`, through the build's own transform. */
async function built(url: string): Promise<string> {
  const config = await (require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<{ plugins: unknown[] }>)({ url }, { mode: 'production' });
  for (const plugin of config.plugins) {
    const patterns = (plugin as { patterns?: Array<{ to?: string; transform?: (c: Buffer) => string | Buffer }> }).patterns ?? [];
    const m = patterns.find((p) => p.to === 'manifest.xml');
    if (m) return m.transform ? String(m.transform(Buffer.from(SOURCE))) : SOURCE;
  }
  throw new Error('no manifest in the build');
}

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: '#root', attrs: {}, text: '', children: [] };
  const stack = [root];
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, text: '', children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

const all = (el: El, name: string): El[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

test.each([
  ['the dev manifest', 'https://localhost:3000/'],
  ['a production host with a path', 'https://addin.example.gov.cn/selfeval/'],
  ['a production host at its root', 'https://selfeval.example.gov.cn/'],
])('%s: well-formed, every AppDomain an origin, ExcelApi 1.1 required, every URL on the add-in’s host', async (_name, url) => {
  const xml = await built(url);
  const doc = parse(xml);
  expect(doc.name).toBe('OfficeApp');
  for (const d of all(doc, 'AppDomain')) expect(new URL(d.text.trim()).origin).toBe(d.text.trim());
  const sets = all(doc, 'Set').filter((s) => s.attrs.Name === 'ExcelApi');
  expect(sets.map((s) => s.attrs.MinVersion)).toEqual(['1.1']);
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u.startsWith(url)).toBe(true);
  // the schema's order in OfficeApp: AppDomains (if any) after SupportUrl and before Hosts
  const order = doc.children.map((c) => c.name);
  expect(order.indexOf('Hosts')).toBeGreaterThan(order.indexOf('SupportUrl'));
  if (order.includes('AppDomains')) expect(order.indexOf('AppDomains')).toBe(order.indexOf('SupportUrl') + 1);
});
