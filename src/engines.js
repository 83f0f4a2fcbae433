/**
 * The oldest JavaScript engine each host runs the task pane in: the one place the build (webpack.config.js: swc's
 * env targets for our code and node_modules, core-js by usage, webpack's own runtime), the pages' feature test
 * (src/engine-check.js, inlined into taskpane.html and the WPS index.html) and the tests (test/bundles/) read.
 *
 * excel — the webviews Office runs add-ins in that Fluent UI v9 supports: Microsoft Edge WebView2 (Chromium 86 and
 *   later; Office 2021/2024, Microsoft 365 16.0.13530+, and Office 2016/2019 retail with WebView2 installed),
 *   Safari / WKWebView 14 (Office on macOS 10.14 and later, Excel on iPad with iOS 14), and the browsers of Excel on
 *   the web (Chrome, Edge 86+, Firefox ESR 78+, Safari 14+). Older still — Internet Explorer 11 (Trident+, which
 *   Office 2016/2019 volume licence always use on Windows) and EdgeHTML 18 (Office 2016/2019 retail without WebView2)
 *   — get the "此版本的 Office 过旧" page instead of the pane: Fluent UI v9 and React 19 do not run there.
 * wps — the Chromium embedded in WPS 表格: 69 on the oldest Kylin / UOS builds still in use (69–83 seen).
 *
 * ecmaVersion is the newest syntax every engine of the list parses (checked on every emitted file with acorn);
 * syntax is a snippet of it the page's feature test compiles with `new Function` before loading any bundle.
 */
module.exports = {
  excel: {
    name: 'Office',
    browsers: ['chrome >= 86', 'edge >= 86', 'firefox >= 78', 'safari >= 14', 'ios_saf >= 14'],
    // the oldest of each family the list admits, for the old-engine test (what each one lacks is deleted there)
    floor: { chrome: 86, firefox: 78, safari: 14 },
    ecmaVersion: 2020,
    syntax: 'var o = { a: 1 }, { a, ...r } = o; class C {} return async function* () { yield o?.a ?? r; };',
    tooOld: {
      zh: '此版本的 Office 过旧：自评校核需要 Microsoft Edge WebView2（Chromium 86 及以上）或 Safari 14 及以上的加载项运行环境，本机的 Office 不满足（Internet Explorer 11 与旧版 Edge（EdgeHTML）不能运行本加载项）。Office 2016/2019 批量许可版在 Windows 上总是使用 Internet Explorer 11。请使用 Office 2021 及以上或 Microsoft 365，或为零售版 Office 2016/2019 安装 Microsoft Edge WebView2 运行时；也可以使用 Excel 网页版或 WPS 表格中的自评校核。',
      en: 'This version of Office is too old: 自评校核 needs Microsoft Edge WebView2 (Chromium 86 or later) or Safari 14 or later to run add-ins, which this Office does not provide (Internet Explorer 11 and the legacy Edge, EdgeHTML, cannot run it). Office 2016/2019 volume licence always uses Internet Explorer 11 on Windows. Use Office 2021 or later or Microsoft 365, or install the Microsoft Edge WebView2 Runtime for retail Office 2016/2019; or use 自评校核 in Excel on the web or in WPS 表格.',
    },
  },
  wps: {
    name: 'WPS',
    browsers: ['chrome >= 69'],
    floor: { chrome: 69 },
    ecmaVersion: 2019,
    syntax: 'var o = { a: 1 }, { a, ...r } = o; class C {} try { a; } catch { } return async function* () { yield r; };',
    tooOld: {
      zh: '此版本的 WPS 过旧：自评校核需要内置 Chromium 69 及以上的 WPS 表格。请升级 WPS Office。',
      en: 'This version of WPS is too old: 自评校核 needs WPS 表格 with an embedded Chromium 69 or later. Please update WPS Office.',
    },
  },
};
