/**
 * The Chromium switches the app's main process sets before `ready` (app.ts). The Chromium that
 * stands in for Electron's renderer in the scale benchmarks and the two-laptop tests gets the same
 * ones (`chromiumCommandLine`: bench/lib/appScale.ts, tests/e2e/netns/netns.ts), so it runs the
 * app's pages as the app does.
 */
export const DISABLED_FEATURES: readonly string[] = [
  // Chromium hides local IPs behind mDNS names; LAN peers without multicast then never connect.
  'WebRtcHideLocalIpsWithMdns',
  // With it (on by default in Chromium 150, the one these machines run), scripts reach V8 through a
  // background fetcher that never uses V8's code cache: every new renderer parsed and compiled the
  // app's code again (traces: no script with `consumedCacheSize`; without it, each boot chunk says
  // "script has code-cache available"). Measured in the built app, new tabs, bench P13's info row
  // "with Chromium's default features".
  'BackgroundResourceFetch',
];

/**
 * V8 flags of the renderers (Electron passes `js-flags` to renderer processes, not to the main
 * process): a young generation of at most 4 MB per semi-space. Decoding a large document (opening
 * or joining a year of work) allocates objects that nearly all survive, and V8's scavenger copies
 * every survivor, so its pauses grow with the young generation and add to the tasks that apply a
 * joiner's 12 ms batches (Node's V8, the 100× state: scavenges up to 42 ms by default, 21 ms with
 * the cap). Measured in Chromium 150 (bench P15, interleaved runs on a 2-core machine): the joiner's
 * longest task, median 143 ms over 8 joins without the cap, 91.5 ms over 12 joins with it. What it
 * saves a raw decode: bench P13's info row with the default V8 flags.
 */
export const JS_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/** [name, value] pairs for `app.commandLine.appendSwitch` (one `disable-features` list: a second one would replace the first). */
export const CHROMIUM_SWITCHES: ReadonlyArray<readonly [string, string]> = [
  ['disable-features', DISABLED_FEATURES.join(',')],
  ['js-flags', JS_FLAGS.join(' ')],
];

/** The same switches as command-line arguments for a Chromium launched by a test or benchmark. */
export function chromiumCommandLine(): string[] {
  return CHROMIUM_SWITCHES.map(([name, value]) => `--${name}=${value}`);
}
