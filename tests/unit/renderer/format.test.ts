import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, dateTimeFormat, formatDateTime, formatDaysAgo, formatNumber, formatRelative, formatTime, formatWhen } from '../../../renderer/i18n/format';

// 2026-12-02 01:53 in Taipei (UTC+8), the hour the issue was reported from.
const TZ = 'Asia/Taipei';
const now = Date.UTC(2026, 11, 1, 17, 53);
const H = 3_600_000;

describe('formatWhen: due times a person can plan by', () => {
  it('a task due at T+24 h reads "tomorrow", never a bare time that looks overdue', () => {
    expect(formatWhen('zh-TW', now + 24 * H, now, TZ)).toBe('明天 01:53');
    expect(formatWhen('zh-CN', now + 24 * H, now, TZ)).toBe('明天 01:53');
    expect(formatWhen('en', now + 24 * H, now, TZ)).toBe('tomorrow 01:53');
  });

  it('today and yesterday by word, 24-hour clock', () => {
    expect(formatWhen('zh-TW', now + 13 * H, now, TZ)).toBe('今天 14:53');
    expect(formatWhen('zh-TW', now - 3 * H, now, TZ)).toBe('昨天 22:53');
  });

  it('further away: the date with weekday; another year: with the year', () => {
    expect(formatWhen('zh-TW', now + 72 * H, now, TZ)).toBe('12月5日週六 01:53');
    expect(formatWhen('en', now + 72 * H, now, TZ)).toBe('Sat, Dec 5 01:53');
    expect(formatWhen('zh-TW', now + 40 * 24 * H, now, TZ)).toMatch(/^2027年1月11日/);
  });

  it('calendar days are counted in the given zone, not by 24-hour blocks', () => {
    // 01:53 → 23:59 the same Taipei day is 0 days; +22.2 h crosses midnight → 1.
    expect(calendarDaysBetween(now, now + 22 * H, TZ)).toBe(0);
    expect(calendarDaysBetween(now, now + 23 * H, TZ)).toBe(1);
    // The same instants in UTC fall on other days.
    expect(calendarDaysBetween(now, now + 7 * H, 'UTC')).toBe(1);
  });
});

describe('dates with the time zone', () => {
  it('the full date-time names the zone, so people in two cities read the same moment', () => {
    expect(formatDateTime('zh-TW', now, { timeZone: TZ })).toBe('2026年12月2日 01:53 (GMT+8)');
    expect(formatDateTime('en', now, { timeZone: 'UTC' })).toBe('Dec 1, 2026, 17:53 (UTC)');
    expect(formatDateTime('en', now, { timeZone: 'UTC', zone: false })).toBe('Dec 1, 2026, 17:53');
  });

  it('time of day with seconds', () => {
    expect(formatTime('zh-TW', now + 9_000, { seconds: true, timeZone: TZ })).toBe('01:53:09');
  });
});

describe('numbers and relative days', () => {
  it('rounds floating-point noise away, in the language\'s digits and grouping', () => {
    expect(formatNumber('zh-TW', 27.799999999999997, 1)).toBe('27.8');
    expect(formatNumber('zh-TW', 27.799999999999997)).toBe('28');
    expect(formatNumber('en', 12345)).toBe('12,345');
  });

  it('"0 天前" becomes 今天; plural forms come from Intl', () => {
    expect(formatDaysAgo('zh-TW', 0)).toBe('今天');
    expect(formatDaysAgo('zh-CN', 1)).toBe('昨天');
    expect(formatDaysAgo('zh-TW', 3)).toBe('3 天前');
    expect(formatDaysAgo('en', 1)).toBe('yesterday');
    expect(formatDaysAgo('en', 5)).toBe('5 days ago');
    expect(formatRelative('en', -90_000)).toBe('2 minutes ago');
    expect(formatRelative('zh-TW', -2 * H)).toBe('2 小時前');
  });
});

describe('formatters are built once', () => {
  it('the same options give the same Intl object', () => {
    const a = dateTimeFormat('zh-TW', { hour: '2-digit' });
    const b = dateTimeFormat('zh-TW', { hour: '2-digit' });
    expect(a).toBe(b);
    expect(dateTimeFormat('en', { hour: '2-digit' })).not.toBe(a);
  });
});
