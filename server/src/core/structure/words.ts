// The structure stage's vocabulary: how a report opens, who speaks, what its parts are called.
// Each entry has an example and the reason it is there; the readers build on these once.

/** `各位代表：` / `各位代表！`: the salutation opens the speech and closes it; it is never a lead-in or a continuation. */
export const SALUTATION = /^各位代表/;

/** The titles a report's speaker holds (`国务院总理 李强`, `新市区人民政府区长 宋振博`, `副市长 …` when a deputy reads it). */
const SPEAKER_TITLE = '总理|主席|省长|市长|区长|县长|州长|旗长|盟长|副\\S{1,4}长';
/** A speaker line: place, title, name (`上海市市长 龚 正`): prose never joins it, meta reads the place from it. */
export const SPEAKER_LINE = new RegExp(`^\\S{2,40}(?:${SPEAKER_TITLE})[ \\u3000\\t]{1,20}\\S{2,12}$`);
/** The longest text SPEAKER_LINE matches: a longer passage is not tried (its `\S{2,40}` backtracks at every break). */
export const SPEAKER_LINE_MAX = 40 + 6 + 20 + 12;
/** The same line, with the place (group 1) and the title (group 2) captured. */
export const SPEAKER_PARTS = new RegExp(`^(\\S+?)(?:人民政府)?\\s*(${SPEAKER_TITLE})[ \\u3000\\t]+(\\S+)$`);

/** A day or month a draft has not fixed yet: `2024年×月×日`, `2024年X月XX日`, `2024年□月□日`. */
const DATE_PLACEHOLDER = '[×xX＿_○〇□*＊]{1,2}';
/**
 * The subtitle: `——2023年1月13日在新市区第十五届人民代表大会第三次会议上` (year in group 1, place in
 * group 2). A draft's is often unfinished and is read all the same: `2024年1月在…`, `2024年×月×日在…`.
 */
export const DATE_LINE = new RegExp(
  `^(?:——)?\\s*((?:19|20)\\d{2})\\s*年\\s*(?:\\d{1,2}|${DATE_PLACEHOLDER})\\s*月\\s*(?:(?:\\d{1,2}|${DATE_PLACEHOLDER})\\s*日)?\\s*在(.+?)(?:第[一二三四五六七八九十百\\d]+届)?(?:人民代表大会|人大)`,
);
/**
 * The opening sentence names the government: `我代表新市区人民政府，向大会报告工作`; the national
 * reports say it as `我代表国务院，向大会作政府工作报告` (2014) or `向大会报告政府工作` (2015).
 */
export const OPENING = /我代表([^，,]{2,30}?)，\s*向(?:大会|本次会议)(?:作|报告)/;
/** A title that names its government: `2024年新市区政府工作报告（征求意见稿）` (the place in group 1). */
export const TITLE_GOVERNMENT = /^(?:(?:19|20)\d{2}\s*年(?:度)?)?\s*([^\s\d（(]{2,20}?)(?:人民)?政府工作报告/;

/** Paragraph starts that open a new unit and so never continue a sentence split by a page break (`一、`, `（一）`, `1.`, `1000、`, `一是`, `——`). */
export const OPENER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,4}[.．、](?!\d)|[一二三四五六七八九十]是|——)/;

/** Part titles: a review (`2022年工作回顾`, `“十四五”发展成就`). */
export const REVIEW_PART = /回顾|发展成就/;
/** Part titles that set requirements and targets (`2023年经济社会发展总体要求和政策取向`). */
export const REQUIREMENTS_PART = /总体要求|政策取向|总体部署|主要目标|目标任务|预期目标|战略举措/;
/** Part titles of the work plan (`2023年主要工作`, `2025年工作安排建议`). */
export const PLAN_PART = /主要工作|重点工作|工作任务|政府工作的建议|工作安排/;
/** The glossary after the closing paragraph, a line of its own: `名词解释`, `附件2 名词解释`, `注释`. */
export const GLOSSARY_TITLE = /^(?:附件\s*\d*\s*[：:]?\s*)?(?:名词解释|名词注释|注释)$/;
/** The title line (`# 政府工作报告`, `2024年新市区政府工作报告`). */
export const TITLE = /政府工作报告\s*$/;
/** The 主要预期目标 passage (`今年发展主要预期目标是：…`; 2020: `预期目标作了适当调整`). */
export const TARGETS_PASSAGE = /主要预期目标是|预期目标作了.{0,6}调整/;
/** Part titles about five years (`过去五年工作回顾`, `“十四五”时期…`). */
export const FIVE_YEAR_TITLE = /五年|“十[一二三四五六七八九]五”时期|十[一二三四五六七八九]五时期/;

/**
 * A run-in lead sentence is an imperative title (`实施更大规模的减税。`); a sentence with a subject
 * (`我们要坚持…。`, `当今世界面临…。`) or a copula (`…是…`) opens an ordinary paragraph.
 */
export const NOT_LEAD_SENTENCE = /^(我们|我国|今年|当今|当前|目前|这|那|各级|同时|此外|总之)|我们|(?<!特别|尤其|还|或|就|正|不)是/;
