import { describe, expect, it } from 'vitest';
import { CHROMIUM_SWITCHES, chromiumCommandLine, DISABLED_FEATURES } from '../../../electron/switches';

describe('Chromium switches of the app', () => {
  it('disables mDNS-hidden ICE addresses and the background fetcher that skips the code cache, in one list', () => {
    expect(DISABLED_FEATURES).toEqual(['WebRtcHideLocalIpsWithMdns', 'BackgroundResourceFetch']);
    // Chromium keeps one value per switch: two disable-features switches would lose the first list.
    expect(CHROMIUM_SWITCHES.filter(([name]) => name === 'disable-features')).toHaveLength(1);
    expect(chromiumCommandLine()).toEqual(['--disable-features=WebRtcHideLocalIpsWithMdns,BackgroundResourceFetch']);
  });
});
