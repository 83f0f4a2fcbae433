/**
 * npm run preview — serves dist/ on http://127.0.0.1:8080 so the task pane can be tried in any browser (preview
 * mode on the bundled sample workbook). Build first: `npm run build -- --env officeJs=local`.
 */
import path from 'path';
import { serve } from './serve';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const s = await serve(path.resolve(__dirname, '../../dist'), port);
  process.stdout.write(`task pane preview: ${s.url}/taskpane.html (Ctrl+C to stop)\n`);
}

if (require.main === module) void main();
