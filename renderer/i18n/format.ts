/**
 * Dates, times and numbers in the UI language, all through `Intl`. One formatter per
 * (language, options, time zone) is built once and kept: lists format hundreds of rows per render.
 *
 * Times of day use a 24-hour clock in every language (a crisis room reads "14:05", not "下午2:05").
 * `timeZone` is optional everywhere (the laptop's zone when absent) so tests can pin one.
 */

type Cached = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat;
const cache = new Map<string, Cached>();

function cached<T extends Cached>(kind: string, lang: string, options: object, make: () => T): T {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** The shared `Intl.DateTimeFormat` for these options (built on first use). */
export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('dt', lang, options, () => new Intl.DateTimeFormat(lang, options));
}

/** The shared `Intl.NumberFormat` for these options. */
export function numberFormat(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('num', lang, options, () => new Intl.NumberFormat(lang, options));
}

/** The shared `Intl.RelativeTimeFormat` ("numeric: auto": 今天, 明天, yesterday). */
export function relativeTimeFormat(lang: string, numeric: 'auto' | 'always' = 'auto'): Intl.RelativeTimeFormat {
  return cached('rel', lang, { numeric }, () => new Intl.RelativeTimeFormat(lang, { numeric }));
}

const zoned = (tz: string | undefined) => (tz ? { timeZone: tz } : {});

/** A number with at most `maxFractionDigits` decimals (27.799999999999997 → "27.8"), grouped in the language's way. */
export function formatNumber(lang: string, n: number, maxFractionDigits = 0): string {
  return numberFormat(lang, { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** Time of day, "14:05" (or "14:05:09" with seconds). */
export function formatTime(lang: string, at: number, opts: { seconds?: boolean; timeZone?: string } = {}): string {
  const o: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(opts.seconds ? { second: '2-digit' } : {}), ...zoned(opts.timeZone) };
  return dateTimeFormat(lang, o).format(at);
}

/** The short name of the time zone in force at `at`, e.g. "GMT+8" / "UTC" / "台北標準時間" (language's own form). */
export function formatTimeZone(lang: string, at: number, timeZone?: string): string {
  const parts = dateTimeFormat(lang, { timeZoneName: 'short', ...zoned(timeZone) }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** Full date and time with the year and the time zone: "2026年12月2日 14:05 (GMT+8)". For anything people coordinate on across places. */
export function formatDateTime(lang: string, at: number, opts: { timeZone?: string; zone?: boolean } = {}): string {
  const text = dateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zoned(opts.timeZone) }).format(at);
  return opts.zone === false ? text : `${text} (${formatTimeZone(lang, at, opts.timeZone)})`;
}

/** Calendar day number (days since 1970-01-01) of `at` in the time zone. */
function dayNumber(at: number, timeZone?: string): number {
  const parts = dateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', ...zoned(timeZone) }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / 86_400_000);
}

/** Whole calendar days from `now` to `at` in the time zone (tomorrow = 1, yesterday = −1). */
export function calendarDaysBetween(now: number, at: number, timeZone?: string): number {
  return dayNumber(at, timeZone) - dayNumber(now, timeZone);
}

/**
 * A moment relative to `now`, as a person plans by it: "今天 14:05", "明天 02:26", "昨天 23:10";
 * further away with the date (and weekday), "12月5日 週六 02:26"; in another year with the year.
 * A due time of 02:26 tomorrow can then never be read as overdue.
 */
export function formatWhen(lang: string, at: number, now: number, timeZone?: string): string {
  const days = calendarDaysBetween(now, at, timeZone);
  const time = formatTime(lang, at, zoned(timeZone));
  if (Math.abs(days) <= 1) return `${relativeTimeFormat(lang).format(days, 'day')} ${time}`;
  const sameYear = dateTimeFormat('en-US', { year: 'numeric', ...zoned(timeZone) }).format(at) === dateTimeFormat('en-US', { year: 'numeric', ...zoned(timeZone) }).format(now);
  const date = dateTimeFormat(lang, { ...(sameYear ? {} : { year: 'numeric' }), month: 'short', day: 'numeric', weekday: 'short', ...zoned(timeZone) }).format(at);
  return `${date} ${time}`;
}

/** How long ago (or ahead) in calendar days, "今天" / "昨天" / "3 天前" / "in 2 days". */
export function formatDaysAgo(lang: string, days: number): string {
  return relativeTimeFormat(lang).format(-Math.round(days), 'day');
}

/** A duration in the largest fitting unit, "30 秒前" / "5 分鐘前" / "2 小時前" / "3 天前" (past for negative ms). */
export function formatRelative(lang: string, ms: number): string {
  const rtf = relativeTimeFormat(lang);
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  if (abs < 60_000) return rtf.format(sign * Math.round(abs / 1000), 'second');
  if (abs < 3_600_000) return rtf.format(sign * Math.round(abs / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(sign * Math.round(abs / 3_600_000), 'hour');
  return rtf.format(sign * Math.round(abs / 86_400_000), 'day');
}
