/** Per-user settings, kept in the browser storage of the add-in (per user and computer). */
import { DEFAULT_GRADE_BANDS, GradeBand } from '../core';
import { parseBands } from '../core/bands';
import { Lang } from './i18n';

export interface PaneSettings {
  lang: Lang;
  tolerance: number;
  bands: string;
  live: boolean;
  /** a project's total may not exceed its 执行率 × 100 (some regions' rules) */
  capByRate: boolean;
}

export const DEFAULT_SETTINGS: PaneSettings = { lang: 'zh', tolerance: 1, bands: '优秀:90,良好:80,合格:60,不合格:0', live: true, capByRate: false };
const KEY = 'selfeval.settings';

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): PaneSettings {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return { ...DEFAULT_SETTINGS };
    const s = JSON.parse(raw) as Partial<PaneSettings>;
    return {
      lang: s.lang === 'en' ? 'en' : 'zh',
      tolerance: typeof s.tolerance === 'number' && s.tolerance >= 0 ? s.tolerance : 1,
      bands: typeof s.bands === 'string' && parseBandsText(s.bands) ? s.bands : DEFAULT_SETTINGS.bands,
      live: s.live !== false,
      capByRate: s.capByRate === true,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(s: PaneSettings, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // storage may be unavailable (private mode): settings then last for this session
  }
}

/** The settings' 等次 text read by the engine's own parser. */
export const parseBandsText = parseBands;

export function bandsOf(s: PaneSettings): GradeBand[] {
  return parseBandsText(s.bands) ?? DEFAULT_GRADE_BANDS;
}
