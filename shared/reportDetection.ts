// What makes a Markdown text a 政府工作报告: the client uses it to switch a file to the report
// language, the server to index the workspace's reports. Pure text in, boolean out.

/**
 * The first line of every document GovReport writes (the review checklist): our own output quotes
 * the report (`对照 2023年政府工作报告…`) but is no report, so it is never switched, indexed or linted.
 */
export const GENERATED_MARKER = '<!-- govreport: generated document, not a report -->';

/** Whether a Markdown text looks like a 政府工作报告 (its title, or the salutation with the delivery sentence). */
export function looksLikeReport(text: string): boolean {
  if (isGenerated(text)) return false;
  const head = text.slice(0, 4000);
  if (/政府工作报告/.test(head)) return true;
  // Reports without a title still open with the salutation and the delivery sentence.
  return /各位代表[：:]/.test(head) && /向大会报告/.test(head);
}

/** Whether GovReport wrote this text (its first line is GENERATED_MARKER, a BOM or blank lines before it allowed). */
export function isGenerated(text: string): boolean {
  return text.replace(/^\ufeff?\s*/, '').startsWith(GENERATED_MARKER);
}
