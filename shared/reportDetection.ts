// What makes a Markdown text a 政府工作报告: the client uses it to switch a file to the report
// language, the server to index the workspace's reports. Pure text in, boolean out.

/** Whether a Markdown text looks like a 政府工作报告 (its title, or the salutation with the delivery sentence). */
export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, 4000);
  if (/政府工作报告/.test(head)) return true;
  // Reports without a title still open with the salutation and the delivery sentence.
  return /各位代表[：:]/.test(head) && /向大会报告/.test(head);
}
