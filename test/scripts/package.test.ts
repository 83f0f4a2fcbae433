/**
 * scripts/package.ts (npm run package) without webpack: its arguments and URLs, the check of the built manifest's
 * URLs (on the manifest webpack.config.js's own rewrite writes), the .7z's file list on a tiny WPS folder, the 7z
 * packing itself where a 7z command is installed, and the README it writes. The builds themselves are tested in
 * test/addin and test/wps.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import {
  archiveEntries, archiveName, DEFAULT_URL, DEFAULT_WPS_URL, findSevenZip, foreignUrls, listFiles, pack, parseArgs, readmeText, refuseOut, UsageError,
} from '../../scripts/package';

const ROOT = path.join(__dirname, '..', '..');

/** The manifest as the production build writes it for `url` (webpack.config.js's CopyWebpackPlugin transform). */
async function builtManifest(url: string): Promise<string> {
  const config = await (require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<{ plugins: unknown[] }>)({ url }, { mode: 'production' });
  const source = readFileSync(path.join(ROOT, 'manifest.xml'));
  for (const plugin of config.plugins) {
    const patterns = (plugin as { patterns?: Array<{ to?: string; transform?: (c: Buffer) => string | Buffer }> }).patterns ?? [];
    const m = patterns.find((p) => p.to === 'manifest.xml');
    if (m) return m.transform ? String(m.transform(source)) : String(source);
  }
  throw new Error('no manifest in the build');
}

describe('arguments', () => {
  test('the defaults are webpack.config.js’s', () => {
    expect(parseArgs([])).toEqual({ url: DEFAULT_URL, wpsUrl: DEFAULT_WPS_URL, localOfficeJs: false, out: 'packages' });
    expect(DEFAULT_URL).toBe('https://localhost:3000/');
    expect(readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8')).toContain(`env.url || '${DEFAULT_WPS_URL}'`);
  });

  test('--url gets its slash, and WPS goes under it unless told otherwise', () => {
    expect(parseArgs(['--url', 'https://intranet.example/selfeval'])).toMatchObject({ url: 'https://intranet.example/selfeval/', wpsUrl: 'https://intranet.example/selfeval/wps/' });
    expect(parseArgs(['--url=https://a.example/', '--wps-url', 'http://10.0.0.8/selfeval', '--local-office-js'])).toEqual({
      url: 'https://a.example/', wpsUrl: 'http://10.0.0.8/selfeval/', localOfficeJs: true, out: 'packages',
    });
  });

  test.each([
    [['--url', 'http://intranet.example/'], /https/],
    [['--url', 'intranet.example'], /不是有效的网址/],
    [['--url', 'https://a.example/?x=1'], /\?/],
    [['--url'], /后面要给出值/],
    [['--wps-url', 'ftp://a.example/'], /开头/],
    [['--frobnicate'], /未知参数/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('the output folder, emptied before it is written', () => {
  test('never the project or a folder above it', () => {
    expect(refuseOut(ROOT, ROOT)).toMatch(/项目目录/);
    expect(refuseOut(path.dirname(ROOT), ROOT)).toMatch(/项目目录/);
    expect(refuseOut('/', ROOT)).toMatch(/项目目录/);
    expect(refuseOut(path.join(ROOT, 'packages-that-do-not-exist'), ROOT)).toBeNull();
  });
  test('a previous run’s output is replaced, a folder of other files is not touched', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-out-'));
    try {
      mkdirSync(path.join(dir, 'excel'));
      writeFileSync(path.join(dir, 'README.txt'), '');
      expect(refuseOut(dir, ROOT)).toBeNull();
      writeFileSync(path.join(dir, '工作簿.xlsx'), '');
      expect(refuseOut(dir, ROOT)).toMatch(/工作簿\.xlsx/);
      expect(refuseOut(path.join(dir, 'README.txt'), ROOT)).toMatch(/不是文件夹/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the built manifest’s URLs', () => {
  test.each(['https://intranet.example/selfeval/', 'https://selfeval.example.gov.cn/'])('all under %s after the build’s rewrite', async (url) => {
    const xml = await builtManifest(url);
    expect(foreignUrls(xml, url)).toEqual([]);
    expect(xml).toContain(`${url}taskpane.html`);
  });

  test('the source manifest’s localhost URLs are found when they were not rewritten', async () => {
    const xml = await builtManifest(DEFAULT_URL);
    expect(foreignUrls(xml, 'https://intranet.example/selfeval/')).toContain('https://localhost:3000/taskpane.html');
  });
});

describe('the WPS folder and its archive', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'selfeval-package-'));
    mkdirSync(path.join(dir, 'assets'));
    for (const f of ['index.html', 'ribbon.xml', 'taskpane.html', 'taskpane.0123abcd.js', 'ribbon.89abcdef.js', 'jsplugins.xml', 'publish.xml', 'oem.ini', 'selfeval-checker_0.0.9.7z']) writeFileSync(path.join(dir, f), f);
    writeFileSync(path.join(dir, 'assets', 'icon-32.png'), 'png');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the archive holds the add-in’s files at its root, not the deployment files or older archives', () => {
    expect(archiveEntries(dir)).toEqual(['assets', 'index.html', 'ribbon.89abcdef.js', 'ribbon.xml', 'taskpane.0123abcd.js', 'taskpane.html']);
    expect(listFiles(dir)).toContain('assets/icon-32.png');
  });

  test('the archive is named as jsplugins.xml names it', () => {
    const template = readFileSync(path.join(ROOT, 'src/wps/deploy/jsplugins.xml'), 'utf8');
    expect(template).toContain('{{URL}}selfeval-checker_{{VERSION}}.7z');
    expect(archiveName('0.1.0')).toBe('selfeval-checker_0.1.0.7z');
  });

  const sevenZip = findSevenZip();
  (sevenZip ? test : test.skip)('7z packs them, index.html and ribbon.xml at the root', () => {
    const archive = path.join(dir, archiveName('0.1.0'));
    const packed = pack(dir, archiveEntries(dir), archive);
    expect(packed.archive).toBe(archive);
    const list = spawnSync(sevenZip!, ['l', '-slt', archive], { encoding: 'utf8' }).stdout;
    const names = [...list.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]!.replace(/\\/g, '/')).filter((p) => p !== archive);
    expect(names.sort()).toEqual(['assets', 'assets/icon-32.png', 'index.html', 'ribbon.89abcdef.js', 'ribbon.xml', 'taskpane.0123abcd.js', 'taskpane.html']);
  });
});

describe('README.txt', () => {
  const o = parseArgs(['--url', 'https://intranet.example/selfeval/']);
  test('says where each folder goes, for the URLs given', () => {
    const text = readmeText(o, '0.1.0', { archive: '/x/selfeval-checker_0.1.0.7z', command: '7z a …' });
    expect(text).toContain('https://intranet.example/selfeval/taskpane.html');
    expect(text).toContain('https://intranet.example/selfeval/wps/index.html');
    expect(text).toContain('wps/selfeval-checker_0.1.0.7z');
    expect(text).toContain('%APPDATA%\\kingsoft\\wps\\jsaddons\\');
    expect(text).toContain('~/.local/share/Kingsoft/wps/jsaddons/');
    expect(text).toContain('受信任的加载项目录');
    expect(text).toContain('--local-office-js');
    expect(text).not.toMatch(/\r\n\r\n\r\n/);
  });
  test('without 7z it says how to pack the folder', () => {
    const text = readmeText(o, '0.1.0', { archive: null, command: '7z a -t7z selfeval-checker_0.1.0.7z assets index.html' });
    expect(text).toContain('p7zip-full');
    expect(text).toContain('7z a -t7z selfeval-checker_0.1.0.7z assets index.html');
  });
});
