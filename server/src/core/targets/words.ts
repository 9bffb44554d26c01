// The targets stage's vocabulary: each list with an example and the reason it is there.

/**
 * Words that say a target was missed (`粮食种植面积未能完成年初目标`, `低于13%左右的预期目标`).
 * Softer words (不及预期, 仍需加力) are not counted: they do not say the target was missed.
 */
export const MISS_WORDS = /未能实现|未能完成|未完成|没有完成|没能完成|未能达到|未达到预期|未达预期|低于预期|低于[^，。；]{0,12}预期目标/g;

/** What separates the items of a list of targets (`5个自建房区域和2700户棚户区改造`). */
export const LIST_SEPARATORS = '、和及';
