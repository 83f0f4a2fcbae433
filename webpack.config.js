/**
 * Builds the add-in: the task pane and ribbon-command bundles, their pages, the icons and the manifest, into
 * dist/.
 *
 *   npm run build                                  production build; manifest URLs → https://localhost:3000/
 *   npm run build -- --env url=https://addin.example.gov.cn/selfeval/
 *                                                  production build for that host (dist/manifest.xml rewritten)
 *   npm run build -- --env officeJs=local          serve office.js from dist/office-js/ instead of Microsoft's CDN
 *                                                  (for 政务内网 without internet access)
 *   npm run dev-server                             https dev server on localhost:3000 (office-addin-dev-certs)
 *   npm run build:wps [-- --env url=http://intranet/selfeval/]
 *                                                  the WPS 表格 加载项 in dist-wps/: the same pane without office.js,
 *                                                  the ribbon page, ribbon.xml, icons and the deployment files
 *                                                  (jsplugins.xml, publish.xml, oem.ini) for that URL
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
/** The oldest engine per host (one place), the core-js the polyfills come from, the pages' feature test. */
const ENGINES = require('./src/engines.js');
const CORE_JS = require('core-js/package.json').version;
const ENGINE_CHECK = require('fs').readFileSync(path.join(__dirname, 'src/engine-check.js'), 'utf8');
/** What the local copy of office.js needs to start in Excel: the loader, Excel's host scripts, two locales. */
const OFFICE_FILES = ['office.js', 'o15apptofilemappingtable.js', 'es6-promise.js', 'excel-*.js', 'excelwebapp-*.js', 'excelios-*.js', 'zh-cn/*', 'en-us/*', 'telemetry/**', 'ariatelemetry/**'];

/**
 * Every module of a bundle through swc for the host's oldest engine (engines.js): our TypeScript and TSX, and
 * node_modules too (React, Fluent UI, Griffel, tabster and keyborg ship ES2020–2022 syntax), down to that engine's
 * syntax, with core-js imported by usage for what it lacks (globalThis, String.prototype.matchAll and replaceAll,
 * Object.fromEntries and hasOwn, Array.prototype.at, structuredClone …). core-js itself is not compiled (it
 * would import itself); src/wps/polyfills.ts adds what core-js has no module for (WeakRef, crypto.randomUUID).
 */
function jsRules(engine) {
  const env = { targets: engine.browsers, mode: 'usage', coreJs: CORE_JS };
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, env } },
    },
    {
      test: /\.[cm]?js$/,
      include: /node_modules/,
      exclude: /node_modules[\\/](core-js|webpack|@swc[\\/]helpers)[\\/]/,
      use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'ecmascript' } }, env, isModule: 'unknown' } },
    },
  ];
}

/** webpack's own runtime must not write newer syntax back either. */
const webTarget = (engine) => ['web', `browserslist:${engine.browsers.join(', ')}`];
/**
 * Nor the minifier: webpack derives terser's `ecma` from the target's features, and Chromium 69's BigInt literals
 * and dynamic import() make that 2020, so terser would turn `a != null ? a : b` into `a ?? b` (Chromium 80).
 */
const minimizeOptions = (engine) => ({ javascript: { ecma: engine.ecmaVersion, compress: { passes: 2 } } });

/** What the pages' inline feature test needs: the host's floor and its too-old message, and the script itself. */
const pageOptions = (engine) => ({ engine: { name: engine.name, syntax: engine.syntax, tooOld: engine.tooOld }, engineCheck: ENGINE_CHECK, inject: false });

function wpsConfig(env, dev) {
  const url = env.url || 'file:///opt/selfeval-checker/';
  const version = require('./package.json').version;
  const fill = (content) => content.toString().split('{{URL}}').join(url.endsWith('/') ? url : `${url}/`).split('{{VERSION}}').join(version);
  return {
    mode: dev ? 'development' : 'production',
    devtool: false,
    target: webTarget(ENGINES.wps),
    optimization: { minimizeOptions: minimizeOptions(ENGINES.wps) },
    entry: {
      taskpane: ['./src/wps/polyfills.ts', './src/taskpane/index.tsx'],
      ribbon: ['./src/wps/polyfills.ts', './src/wps/ribbon.ts'],
    },
    output: { path: path.resolve(__dirname, 'dist-wps'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false } },
    module: { rules: jsRules(ENGINES.wps) },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJs: '', ...pageOptions(ENGINES.wps) }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['ribbon'], ...pageOptions(ENGINES.wps) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/wps/deploy/*', to: 'deploy/[name][ext]', transform: fill },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  if (env.wps) return wpsConfig(env, argv.mode === 'development');
  const dev = argv.mode === 'development';
  const serving = !!process.env.WEBPACK_SERVE;
  const url = env.url || DEV_URL;
  const localOffice = env.officeJs === 'local';
  const officeJs = localOffice ? 'office-js/office.js' : CDN;
  const config = {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    target: webTarget(ENGINES.excel),
    optimization: { minimizeOptions: minimizeOptions(ENGINES.excel) },
    entry: {
      taskpane: ['./src/wps/polyfills.ts', './src/taskpane/index.tsx'],
      commands: './src/commands/commands.ts',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false } },
    module: { rules: jsRules(ENGINES.excel) },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJs, ...pageOptions(ENGINES.excel) }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], officeJs }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (url === DEV_URL ? content : content.toString().split(DEV_URL).join(url).split(DEV_URL.replace(/\/$/, '')).join(url.replace(/\/$/, ''))),
          },
          // copied as shipped: already minified, and not ours to minify again
          ...(localOffice ? OFFICE_FILES.map((p) => ({
            from: p, context: OFFICE_DIST, to: 'office-js/', noErrorOnMissing: true,
            globOptions: { ignore: ['**/*.debug.js'] }, info: { minimized: true },
          })) : []),
        ],
      }),
    ],
    performance: { hints: false },
  };
  if (serving) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      static: { directory: path.resolve(__dirname, 'dist') },
    };
  }
  return config;
};
