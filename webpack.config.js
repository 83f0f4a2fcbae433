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
/** What the local copy of office.js needs to start in Excel: the loader, Excel's host scripts, two locales. */
const OFFICE_FILES = ['office.js', 'o15apptofilemappingtable.js', 'es6-promise.js', 'excel-*.js', 'excelwebapp-*.js', 'excelios-*.js', 'zh-cn/*', 'en-us/*', 'telemetry/**', 'ariatelemetry/**'];

/** Our TypeScript and TSX through swc, for a syntax level. */
function tsRule(target) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target } },
    },
  };
}

/** WPS's embedded Chromium on Kylin / UOS builds can be as old as 69: syntax for it, src/wps/polyfills.ts for the rest. */
const WPS_TARGET = 'es2017';

function wpsConfig(env, dev) {
  const url = env.url || 'file:///opt/selfeval-checker/';
  const version = require('./package.json').version;
  const fill = (content) => content.toString().split('{{URL}}').join(url.endsWith('/') ? url : `${url}/`).split('{{VERSION}}').join(version);
  return {
    mode: dev ? 'development' : 'production',
    devtool: false,
    // webpack's own runtime and the minifier must not write newer syntax back either
    target: ['web', WPS_TARGET],
    entry: {
      taskpane: ['./src/wps/polyfills.ts', './src/taskpane/index.tsx'],
      ribbon: ['./src/wps/polyfills.ts', './src/wps/ribbon.ts'],
    },
    output: { path: path.resolve(__dirname, 'dist-wps'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false } },
    module: {
      rules: [tsRule(WPS_TARGET), {
        // React and Fluent UI ship ES2020+ syntax (?. ??): brought down to what old Chromium parses
        test: /\.m?js$/,
        include: /node_modules/,
        use: { loader: 'swc-loader', options: { jsc: { target: WPS_TARGET }, isModule: 'unknown' } },
      }],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJs: '' }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/wps/index.html', chunks: ['ribbon'] }),
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
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false } },
    module: {
      rules: [tsRule('es2019')],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJs }),
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
