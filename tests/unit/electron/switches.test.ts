import { describe, expect, it } from 'vitest';
import { CHROMIUM_SWITCHES, chromiumCommandLine, DISABLED_FEATURES, JS_FLAGS } from '../../../electron/switches';

describe('Chromium switches of the app', () => {
  it('disables mDNS-hidden ICE addresses and the background fetcher that skips the code cache, in one list', () => {
    expect(DISABLED_FEATURES).toEqual(['WebRtcHideLocalIpsWithMdns', 'BackgroundResourceFetch']);
    // Chromium keeps one value per switch: two disable-features switches would lose the first list.
    expect(CHROMIUM_SWITCHES.filter(([name]) => name === 'disable-features')).toHaveLength(1);
  });

  it("caps the renderers' young generation through one js-flags switch", () => {
    expect(JS_FLAGS).toEqual(['--max-semi-space-size=4']);
    expect(CHROMIUM_SWITCHES.filter(([name]) => name === 'js-flags')).toHaveLength(1);
  });

  it('gives tests and benchmarks the same switches as command-line arguments', () => {
    expect(chromiumCommandLine()).toEqual(['--disable-features=WebRtcHideLocalIpsWithMdns,BackgroundResourceFetch', '--js-flags=--max-semi-space-size=4']);
  });
});
