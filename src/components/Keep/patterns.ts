/**
 * What must never be broken across two lines when it fits on one: phone numbers, dates, times, amounts with
 * their unit, pick-up codes, and names. `keepText` (./index.tsx) wraps each match in a Keep; the design walker
 * (tests/support/measure.ts) looks for the same patterns on every page and fails a page where one is split.
 */

/** Numbers, anywhere in a text. Longest alternatives first. */
export const KEEP_NUMBERS =
  /0\d{2,3}-\d{7,8}|\d{3,4}-\d{3,4}-\d{4}|1[3-9]\d{9}|1\d{2}\*{4}\d{4}|(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}(?:\s?[–~-]\s?\d{1,2}:\d{2})?|[+\-−]?\d[\d,]*(?:\.\d+)?\s?(?:小时|分钟|分|元|个|人|次|件|岁|天|名|位|%)/g

/**
 * A name, when it is the whole of a text: a unit, team, branch or place (a few characters ending in what such
 * names end in). People's names are not told apart from other short words by their letters, so they are kept
 * where they are drawn (a card's title line, or <Keep>).
 */
export const KEEP_NAME =
  /[\u4e00-\u9fa5（）()0-9]{1,20}(?:志愿服务队|服务队|党支部|支部|老干部局|委员会|社区|街道|老年大学|中心|服务站|小组)/
