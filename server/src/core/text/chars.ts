// Character classes every stage agrees on, defined once.

/**
 * What ends a sentence for figures and targets: `。！？!?；;`. A `；` closes a commitment
 * (`地区生产总值增长5%左右；城镇新增就业…`), so it ends a sentence here.
 */
export const SENTENCE_END_CHARS = '。！？!?；;';
/** What ends a clause: a sentence end, or `，,：:` (`新增企业53家，总数达到216家`). */
export const CLAUSE_END_CHARS = SENTENCE_END_CHARS + '，,：:';
