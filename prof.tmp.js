const { readXlsx } = require('/work/main/build/src/cli/read-xlsx.js');
const { checkWorkbook } = require('/work/main/build/src/core/index.js');
(async () => { let t = Date.now(); const s = await readXlsx(process.argv[2]); console.log('read', Date.now() - t); t = Date.now(); const r = checkWorkbook(s, 'x'); console.log('check', Date.now() - t, JSON.stringify(r.report).length); })();
