import type { Locale } from './types';

/**
 * A message in both languages. Rules carry their own messages (a per-rule bundle), so a
 * rule file holds everything about the rule; Chinese is the default, English is used when
 * the client's locale is English.
 */
export interface Msg {
  zh: string;
  en: string;
}

export type MsgArgs = Record<string, string | number>;

export function format(msg: Msg, locale: Locale, args: MsgArgs = {}): string {
  const template = locale === 'en' ? msg.en : msg.zh;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

/** `en`, `en-US` → English; everything else (zh-cn, zh-tw, unknown) → Chinese. */
export function localeOf(tag: string | undefined | null): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'zh';
}
