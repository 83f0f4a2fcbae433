/**
 * What the oldest engines of engines.js lack and core-js has no module for, defined only where missing, before
 * anything else of the pane runs (the first module of the pane's bundle in both builds, and of the WPS ribbon's).
 * Everything else — globalThis, String.prototype.matchAll / replaceAll / at, Object.fromEntries / hasOwn,
 * Array.prototype.at, structuredClone … — is imported from core-js by usage, module by module, by the build's swc
 * env targets (webpack.config.js).
 *
 * WeakRef (Chromium 84, Safari 14.1, so missing in WPS's Chromium 69–83 and Safari 14.0) cannot be polyfilled
 * faithfully: nothing in JavaScript can observe a collection without it. keyborg (3.x) and tabster (8.x), which
 * Fluent UI v9 runs for focus management, call `new WeakRef(element)` unconditionally — with no WeakRef the first
 * focus throws and the pane stops. The fallback here holds a strong reference: `deref()` returns the target until
 * the WeakRef itself is dropped. What keyborg and tabster keep this way (the element last focused by script, the
 * shadow roots seen, the elements tabster observes) then lives as long as their own records of it, a few DOM nodes
 * for the pane's lifetime — a leak bounded by the pane, not a change of behaviour.
 *
 * crypto.randomUUID (Chromium 92, Safari 15.4) from crypto.getRandomValues, as a version-4 UUID.
 */
type Ref<T> = { deref(): T | undefined };

const g = (typeof window !== 'undefined' ? window : self) as unknown as Record<string, unknown>;

if (typeof g.WeakRef !== 'function') {
  class StrongRef<T extends object> implements Ref<T> {
    private readonly target: T;
    constructor(target: T) {
      if (target === null || (typeof target !== 'object' && typeof target !== 'function')) throw new TypeError('WeakRef: target must be an object');
      this.target = target;
    }
    deref(): T | undefined {
      return this.target;
    }
  }
  Object.defineProperty(g, 'WeakRef', { value: StrongRef, writable: true, configurable: true });
}

const c = g.crypto as Crypto | undefined;
if (c && typeof c.getRandomValues === 'function' && typeof (c as { randomUUID?: unknown }).randomUUID !== 'function') {
  (c as unknown as { randomUUID: () => string }).randomUUID = () => {
    const b = c.getRandomValues(new Uint8Array(16));
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    let h = '';
    for (let i = 0; i < b.length; i++) h += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}
export {};
