/** The fake ET Application, for the browser test: loaded into the page before the pane, as WPS would provide it. */
import { sampleWorkbook } from '../../src/sample';
import { fakeFromSnapshot } from './fake-et';

const fake = fakeFromSnapshot(sampleWorkbook());
const w = window as unknown as Record<string, unknown>;
w.Application = fake;
w.wps = fake;
w.__fakeEt = fake;
