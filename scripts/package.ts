/**
 * npm run package — the ready-built packages an IT person installs (docs/安装与使用.md says how), in packages/:
 *
 *   npm run package                                            Excel for https://localhost:3000/, WPS for file:///opt/selfeval-checker/
 *   npm run package -- --url https://intranet.example/selfeval/ Excel for that URL, WPS for <url>wps/
 *   npm run package -- --url https://… --wps-url http://…/     WPS for a URL of its own
 *   npm run package -- --url https://… --local-office-js       office.js served from the add-in's own folder (no internet)
 *
 * It runs webpack twice (webpack.config.js: `--env url=…` [`--env officeJs=local`] for Excel, `--env wps --env url=…`
 * for WPS), each into its folder under packages/ (`--output-path`, so dist/ and dist-wps/ are left alone), then:
 *   packages/excel/                       the add-in's folder, manifest.xml among it, for the web server at --url
 *   packages/wps/                         the WPS 加载项's folder for the web server at --wps-url (online mode), with
 *     selfeval-checker_<version>.7z       the same folder packed (when a 7z command is installed; else how to pack it)
 *     jsplugins.xml, publish.xml, oem.ini the deployment files webpack filled in for --wps-url (from src/wps/deploy/)
 *   packages/README.txt                   what goes where, in Chinese
 * and prints what it wrote. The pure parts (arguments, URLs, the manifest's URLs, the archive's file list, the
 * README text) are exported for test/scripts/package.test.ts.
 */
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'fs';
import path from 'path';

/** webpack.config.js's defaults: DEV_URL for Excel, the WPS build's `env.url || 'file:///opt/selfeval-checker/'`. */
export const DEFAULT_URL = 'https://localhost:3000/';
export const DEFAULT_WPS_URL = 'file:///opt/selfeval-checker/';
/** The deployment files of the WPS build (src/wps/deploy/*, written to deploy/), moved beside the folder's files. */
export const WPS_DEPLOY_FILES = ['jsplugins.xml', 'publish.xml', 'oem.ini'];
/** The add-in's name in jsplugins.xml and the archive's (src/wps/deploy/jsplugins.xml: selfeval-checker_{{VERSION}}.7z). */
export const WPS_NAME = 'selfeval-checker';

export interface Options {
  url: string;
  wpsUrl: string;
  localOfficeJs: boolean;
  out: string;
}

export class UsageError extends Error {}

/** A URL with its trailing slash (the manifest rewrite replaces https://localhost:3000/ with it as given). */
export function normaliseUrl(raw: string, what: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`${what} 不是有效的网址：${raw}`);
  }
  if (!['https:', 'http:', 'file:'].includes(u.protocol)) throw new UsageError(`${what} 应以 https://、http:// 或 file:/// 开头：${raw}`);
  if (u.search || u.hash) throw new UsageError(`${what} 不能带 ? 或 #：${raw}`);
  const s = u.href;
  return s.endsWith('/') ? s : `${s}/`;
}

export function parseArgs(argv: string[]): Options {
  let url: string | undefined;
  let wpsUrl: string | undefined;
  let localOfficeJs = false;
  let out = 'packages';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const [name, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} 后面要给出值`);
      return v;
    };
    if (name === '--url') url = value();
    else if (name === '--wps-url') wpsUrl = value();
    else if (name === '--out') out = value();
    else if (name === '--local-office-js' && inline === undefined) localOfficeJs = true;
    else if (name === '--help' || name === '-h') throw new UsageError('');
    else throw new UsageError(`未知参数 ${a}`);
  }
  const excel = normaliseUrl(url ?? DEFAULT_URL, '--url');
  if (new URL(excel).protocol !== 'https:') throw new UsageError(`--url 必须是 https:// 网址（Excel 只从 HTTPS 加载加载项）：${excel}`);
  const wps = normaliseUrl(wpsUrl ?? (url === undefined ? DEFAULT_WPS_URL : `${excel}wps/`), '--wps-url');
  return { url: excel, wpsUrl: wps, localOfficeJs, out };
}

export const USAGE = `用法：npm run package -- [--url https://服务器/目录/] [--wps-url 网址] [--local-office-js] [--out 目录]

  --url <网址>         Excel 加载项所在的 HTTPS 地址（默认 ${DEFAULT_URL}，仅供本机试用）
  --wps-url <网址>     WPS 加载项所在的地址（给了 --url 时默认 <url>wps/，否则 ${DEFAULT_WPS_URL}）
  --local-office-js    office.js 随加载项一起放在服务器上（政务内网无法访问互联网时用）
  --out <目录>         输出目录（默认 packages）
`;

/** The archive's name, as jsplugins.xml names it. */
export const archiveName = (version: string): string => `${WPS_NAME}_${version}.7z`;

/**
 * What goes into the .7z: the WPS folder's top-level entries (index.html and ribbon.xml at the archive's root, as
 * WPS looks for them), without the deployment files and archives that sit beside them.
 */
export function archiveEntries(wpsDir: string): string[] {
  return readdirSync(wpsDir)
    .filter((f) => !WPS_DEPLOY_FILES.includes(f) && !f.endsWith('.7z') && f !== 'deploy')
    .sort();
}

/**
 * Every http(s) URL of a manifest, outside its comments and namespaces, that is not under `url` (none, when the
 * build's rewrite did its work).
 */
export function foreignUrls(manifest: string, url: string): string[] {
  const found = manifest.replace(/<!--[\s\S]*?-->/g, '').match(/https?:\/\/[^\s"'<>]+/g) ?? [];
  const ours = found.filter((u) => !/^https?:\/\/schemas\.microsoft\.com\//.test(u) && !/^http:\/\/www\.w3\.org\//.test(u));
  return [...new Set(ours.filter((u) => !u.startsWith(url)))];
}

/** Every file under `dir`, relative, with '/' (what the printout lists). */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, `${prefix}${f}/`));
    else out.push(`${prefix}${f}`);
  }
  return out;
}

export interface Packed {
  /** The archive's path, or null when no 7z command was found. */
  archive: string | null;
  /** The command that packed it (or would pack it). */
  command: string;
}

export function readmeText(o: Options, version: string, packed: Packed): string {
  const a = archiveName(version);
  const localUrl = o.wpsUrl.startsWith('file:');
  return [
    `自评校核 ${version} 安装包（npm run package 生成）`,
    '',
    '详细说明见源代码中的 docs/安装与使用.md。',
    '',
    '一、Excel 加载项：excel/',
    `  1. 把 excel/ 中的全部文件复制到 Web 服务器，使 ${o.url}taskpane.html 能打开。`,
    '     必须是 HTTPS，证书须被各台电脑信任（单位自己的证书颁发机构签发，或把证书导入“受信任的根证书颁发机构”）。',
    o.localOfficeJs
      ? '     本包的 office.js 随加载项放在 excel/office-js/ 中，不需要访问互联网。'
      : '     本包的 office.js 从微软 CDN（appsforoffice.microsoft.com）加载；内网不能访问互联网时，请加 --local-office-js 重新生成。',
    '  2. 把 excel/manifest.xml（清单文件）交给用户安装：',
    '     - 共享文件夹目录：把 manifest.xml 放进一个共享文件夹（如 \\\\服务器\\加载项），在 Excel 的',
    '       文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录 中添加该共享文件夹并勾选“显示在菜单中”，',
    '       重启 Excel 后在 插入（或 开始）→ 加载项 / 我的加载项 → 共享文件夹 中添加“自评校核”；',
    '     - 集中部署：Microsoft 365 管理中心 → 设置 → 集成应用 → 上传自定义应用，上传 manifest.xml 并指定用户。',
    '  3. 按钮“自评校核”在 开始 选项卡上。',
    '',
    '二、WPS 加载项：wps/',
    `  在线模式：把 wps/ 中的全部文件复制到服务器，使 ${o.wpsUrl}index.html 能打开；`,
    '    再把 wps/publish.xml 复制到每台电脑当前用户的 jsaddons 文件夹：',
    '      Windows：%APPDATA%\\kingsoft\\wps\\jsaddons\\',
    '      Linux（麒麟、统信 UOS）：~/.local/share/Kingsoft/wps/jsaddons/',
    '    以后升级只需替换服务器上的文件。',
    `  离线模式：${packed.archive ? `wps/${a}` : `${a}（尚未生成，见下）`} 与 wps/jsplugins.xml 放在 ${o.wpsUrl}，`,
    '    并把 wps/oem.ini 中的几行加入 WPS 的 office6/cfgs/oem.ini：',
    '      Windows：<WPS 安装目录>\\office6\\cfgs\\oem.ini',
    '      Linux：/opt/kingsoft/wps-office/office6/cfgs/oem.ini',
    localUrl ? `    （本包的地址是本机路径 ${o.wpsUrl}：把 wps/ 复制到该目录即可。）` : null,
    packed.archive
      ? null
      : `    本机没有 7z 命令，未能打包。请安装 7-Zip（Debian/统信/麒麟：apt-get install p7zip-full）后在 wps/ 中运行：\n      ${packed.command}`,
    '  启动 WPS 表格，“自评校核”按钮在 开始 选项卡上。',
    '',
    '三、命令行（审核人员批量校验）：在源代码目录中 npm ci 后运行',
    '  node bin/selfeval-check.js 文件夹 --report 校验汇总.xlsx',
    '',
  ].filter((l) => l !== null).join('\r\n');
}

/**
 * The first 7z command found (7z from p7zip-full or 7-Zip, 7za, 7zz from 7-Zip for Linux; on Windows also 7-Zip's
 * 7z.exe in Program Files, which its installer does not put on PATH), or null.
 */
export function findSevenZip(): string | null {
  const windows = process.platform === 'win32'
    ? [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter((d): d is string => !!d).map((d) => path.join(d, '7-Zip', '7z.exe'))
    : [];
  for (const c of ['7z', '7za', '7zz', ...windows]) {
    const r = spawnSync(c, ['i'], { stdio: 'ignore' });
    if (!r.error && r.status === 0) return c;
  }
  return null;
}

/** Packs `entries` of `dir` into `archive` (replacing it); null when no 7z is installed. */
export function pack(dir: string, entries: string[], archive: string): Packed {
  const command = `7z a -t7z ${path.basename(archive)} ${entries.join(' ')}`;
  const tool = findSevenZip();
  if (!tool) return { archive: null, command };
  rmSync(archive, { force: true });
  const r = spawnSync(tool, ['a', '-t7z', '-bd', '-y', archive, ...entries], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`7z 打包失败（${tool}，退出码 ${r.status}）：${r.stderr || r.stdout}`);
  return { archive, command };
}

/** What a previous run leaves in the output folder: the only entries it may hold before it is emptied. */
export const OUT_ENTRIES = ['excel', 'wps', 'README.txt'];

/**
 * Why `out` must not be emptied and written (null when it may): it is the project or holds it, or it holds
 * anything a previous run would not have written (--out pointing at a folder of someone's files).
 */
export function refuseOut(out: string, root: string): string | null {
  const o = path.resolve(out);
  const r = path.resolve(root);
  if (o === r || r.startsWith(o.endsWith(path.sep) ? o : o + path.sep)) return `--out ${out} 是项目目录或其上级目录`;
  if (!existsSync(o)) return null;
  if (!statSync(o).isDirectory()) return `--out ${out} 不是文件夹`;
  const other = readdirSync(o).filter((f) => !OUT_ENTRIES.includes(f));
  return other.length ? `--out ${out} 中已有其他文件（${other.slice(0, 3).join('、')}${other.length > 3 ? ' 等' : ''}），不会清空它；请换一个目录` : null;
}

function projectRoot(): string {
  for (let d = __dirname; ; d = path.dirname(d)) {
    const p = path.join(d, 'package.json');
    if (existsSync(p) && (JSON.parse(readFileSync(p, 'utf8')) as { name?: string }).name === 'selfeval-checker') return d;
    if (path.dirname(d) === d) throw new Error('package.json of selfeval-checker not found');
  }
}

function webpack(root: string, outDir: string, env: string[]): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  const args = [cli, '--mode', 'production', ...env.flatMap((e) => ['--env', e]), '--output-path', outDir];
  process.stdout.write(`webpack ${args.slice(1).map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`webpack 构建失败（退出码 ${r.status}）`);
}

function main(argv: string[]): number {
  try {
    return build(parseArgs(argv));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (!e.message) {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(`${e.message}\n\n${USAGE}`);
    return 2;
  }
}

function build(o: Options): number {
  const root = projectRoot();
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const out = path.resolve(root, o.out);
  const excelDir = path.join(out, 'excel');
  const wpsDir = path.join(out, 'wps');
  const refused = refuseOut(out, root);
  if (refused) throw new UsageError(refused);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  webpack(root, excelDir, [`url=${o.url}`, ...(o.localOfficeJs ? ['officeJs=local'] : [])]);
  const manifest = readFileSync(path.join(excelDir, 'manifest.xml'), 'utf8');
  const foreign = foreignUrls(manifest, o.url);
  if (foreign.length) throw new Error(`excel/manifest.xml 中仍有不在 ${o.url} 下的网址：${foreign.join(' ')}`);

  webpack(root, wpsDir, ['wps', `url=${o.wpsUrl}`]);
  for (const f of WPS_DEPLOY_FILES) renameSync(path.join(wpsDir, 'deploy', f), path.join(wpsDir, f));
  rmSync(path.join(wpsDir, 'deploy'), { recursive: true, force: true });
  const packed = pack(wpsDir, archiveEntries(wpsDir), path.join(wpsDir, archiveName(version)));

  writeFileSync(path.join(out, 'README.txt'), `\ufeff${readmeText(o, version, packed)}`);

  const rel = (p: string) => path.relative(root, p) || '.';
  const w = (s: string) => process.stdout.write(`${s}\n`);
  w('');
  w(`已写入 ${rel(out)}/（版本 ${version}）：`);
  w(`  ${rel(excelDir)}/  Excel 加载项，复制到 ${o.url}${o.localOfficeJs ? '（含 office-js/，不需要互联网）' : '（office.js 来自微软 CDN）'}`);
  for (const f of listFiles(excelDir).filter((f) => !f.startsWith('office-js/'))) w(`    ${f}`);
  if (o.localOfficeJs) w(`    office-js/（${listFiles(path.join(excelDir, 'office-js')).length} 个文件）`);
  w(`  ${rel(wpsDir)}/  WPS 加载项，复制到 ${o.wpsUrl}`);
  for (const f of listFiles(wpsDir)) w(`    ${f}`);
  w(`  ${rel(path.join(out, 'README.txt'))}  各文件放在哪里`);
  if (o.url === DEFAULT_URL) w('');
  if (o.url === DEFAULT_URL) w(`注意：Excel 加载项的地址是默认的 ${DEFAULT_URL}（仅供本机试用）；部署时请加 --url https://服务器/目录/。`);
  if (!packed.archive) {
    w('');
    w(`未找到 7z 命令，${archiveName(version)} 没有生成。请安装 7-Zip（Debian/统信/麒麟：apt-get install p7zip-full；`);
    w(`Windows：7-Zip 的 7z.exe），然后在 ${rel(wpsDir)}/ 中运行：`);
    w(`  ${packed.command}`);
  }
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`npm run package：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
