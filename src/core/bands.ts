/** 评价等次 bands written as text: "优秀:90,良好:80,合格:60,不合格:0" (names with / for synonyms: "优/优秀:90"). */
import { GradeBand } from './rules/types';

/** The bands, highest first, the lowest taking every score below the next; null when the text is unreadable. */
export function parseBands(text: string): GradeBand[] | null {
  const parts = text.split(/[,，]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const bands: GradeBand[] = [];
  for (const p of parts) {
    const m = /^(.+)[:：]\s*(-?\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return null;
    const names = m[1]!.split('/').map((x) => x.trim()).filter(Boolean);
    if (!names.length) return null;
    bands.push({ names, min: Number(m[2]) });
  }
  bands.sort((a, b) => b.min - a.min);
  bands[bands.length - 1]!.min = Number.NEGATIVE_INFINITY;
  return bands;
}

/** The name to write for a band: the two-character one (优秀) where there is one. */
export function bandName(b: GradeBand): string {
  return b.names.find((n) => n.length > 1) ?? b.names[0]!;
}
