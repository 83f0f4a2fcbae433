/**
 * What WPS 表格's embedded Chromium may lack (older builds on Kylin / UOS run Chromium 69–83): defined only where
 * missing, before anything else of the pane runs. Array.prototype.at (Chromium 92), String.prototype.replaceAll
 * (85), Object.hasOwn (93), crypto.randomUUID (92).
 */
const at = function at<T>(this: ArrayLike<T>, i: number): T | undefined {
  const n = Math.trunc(i) || 0;
  const k = n < 0 ? this.length + n : n;
  return k < 0 || k >= this.length ? undefined : this[k];
};
if (!Array.prototype.at) Object.defineProperty(Array.prototype, 'at', { value: at, writable: true, configurable: true });
if (!String.prototype.at) Object.defineProperty(String.prototype, 'at', { value: at, writable: true, configurable: true });
if (!String.prototype.replaceAll) {
  Object.defineProperty(String.prototype, 'replaceAll', {
    value(this: string, search: string | RegExp, replacement: string) {
      if (search instanceof RegExp) return this.replace(search, replacement);
      return this.split(search).join(replacement);
    },
    writable: true,
    configurable: true,
  });
}
if (!(Object as { hasOwn?: unknown }).hasOwn) {
  Object.defineProperty(Object, 'hasOwn', { value: (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k), writable: true, configurable: true });
}
const c = (globalThis as { crypto?: Crypto }).crypto;
if (c && typeof c.getRandomValues === 'function' && typeof (c as { randomUUID?: unknown }).randomUUID !== 'function') {
  (c as unknown as { randomUUID: () => string }).randomUUID = () => {
    const b = c.getRandomValues(new Uint8Array(16));
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}
export {};
