/** Splitting the engine's sheet-qualified references ("'附表 1'!B5:B9") into sheet and address. */
export interface SheetAddress {
  sheet: string;
  address: string;
}

export function splitRef(ref: string): SheetAddress | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(ref.trim());
  if (!m) return null;
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), address: m[3]!.replace(/\$/g, '') };
}

/** The top-left cell of an address: "B5:B9" → "B5". */
export function firstCell(address: string): string {
  return address.split(':')[0]!;
}
