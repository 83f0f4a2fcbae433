/**
 * Browser build. For now it bundles the checking core alone (dist/core.js), which proves the core runs in a
 * browser with no Node built-ins; the task pane and ribbon-command bundles join it with the add-in issue.
 */
const path = require('path');

module.exports = (env, argv) => ({
  mode: argv.mode || 'production',
  entry: { core: './src/core/index.ts' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', library: { name: 'SelfevalCore', type: 'umd' }, clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false, path: false } },
  module: {
    rules: [{
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020' } } },
    }],
  },
  devtool: argv.mode === 'development' ? 'source-map' : false,
  performance: { hints: false },
});
