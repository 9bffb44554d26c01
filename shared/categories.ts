// The diagnostic `source` of each rule category, as Problems shows it: the server sets it
// (server/src/convert.ts), the status bar and the next/previous commands read it. Pure strings, so
// the CLI bundle and the client share them without the protocol library.

export type SourceCategory = 'numbers' | 'targets' | 'cleanup';

export const SOURCE = 'govreport';

/** `govreport·数字` and so on; English clients get `govreport·numbers`. */
export const CATEGORY_SOURCES: Record<SourceCategory, { zh: string; en: string }> = {
  numbers: { zh: `${SOURCE}·数字`, en: `${SOURCE}·numbers` },
  targets: { zh: `${SOURCE}·目标`, en: `${SOURCE}·targets` },
  cleanup: { zh: `${SOURCE}·清理`, en: `${SOURCE}·cleanup` },
};

/** The category a diagnostic's source names; undefined for anything not ours (or our plain notices). */
export function categoryOfSource(source: string | undefined): SourceCategory | undefined {
  if (!source?.startsWith(SOURCE)) return undefined;
  for (const [category, names] of Object.entries(CATEGORY_SOURCES) as [SourceCategory, { zh: string; en: string }][]) {
    if (source === names.zh || source === names.en) return category;
  }
  return undefined;
}

/** Whether a diagnostic is GovReport's, whatever its category. */
export function isOurSource(source: string | undefined): boolean {
  return source === SOURCE || (source?.startsWith(`${SOURCE}·`) ?? false);
}
