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

/** [name, value] pairs for `app.commandLine.appendSwitch` (one `disable-features` list: a second one would replace the first). */
export const CHROMIUM_SWITCHES: ReadonlyArray<readonly [string, string]> = [['disable-features', DISABLED_FEATURES.join(',')]];

/** The same switches as command-line arguments for a Chromium launched by a test or benchmark. */
export function chromiumCommandLine(): string[] {
  return CHROMIUM_SWITCHES.map(([name, value]) => `--${name}=${value}`);
}
