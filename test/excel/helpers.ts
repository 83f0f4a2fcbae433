/** Installing the fake host as the Office and Excel globals the adapter uses. */
import { FakeContext, FakeExcel } from './fake-excel';

export function installHost(fake: FakeExcel): void {
  (globalThis as Record<string, unknown>).Office = {
    context: {
      requirements: { isSetSupported: (n: string, v?: string) => fake.isSetSupported(n, v) },
      document: { settings: fake.commonSettings },
    },
  };
  (globalThis as Record<string, unknown>).Excel = {
    run: fake.run,
    // the loaded office.js's classes: the local build has no RangeAreas.select
    get RangeAreas() {
      return { prototype: fake.profile === 'local' ? {} : { select: () => undefined } };
    },
  };
}

export function uninstallHost(): void {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
}

/** Run a batch against the fake as Excel.run would, typed as the real API for the adapter. */
export function run<T>(fake: FakeExcel, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((ctx: FakeContext) => batch(ctx as unknown as Excel.RequestContext));
}
