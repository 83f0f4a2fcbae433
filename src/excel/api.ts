/**
 * Which Excel API sets the host offers. The manifest requires ExcelApi 1.9 (what the core path needs); newer
 * sets are used where present: comments 1.10, merged areas 1.13, event trigger sources 1.14, notes 1.18.
 */
export function supports(set: 'ExcelApi', version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

export const FEATURES = {
  comments: (): boolean => supports('ExcelApi', '1.10'),
  mergedAreas: (): boolean => supports('ExcelApi', '1.13'),
  triggerSource: (): boolean => supports('ExcelApi', '1.14'),
  notes: (): boolean => supports('ExcelApi', '1.18'),
};
