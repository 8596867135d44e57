/**
 * Web Worker: lays out the poster and hashes its fingerprint off the page's main thread (a 100×
 * map takes a visible pause for both: issue 14, P16). The page shows the first sheets, laid out
 * alone, meanwhile (./usePoster.ts, ./posterBackground.ts).
 */
import { mapFingerprint } from '../../../shared/roles/fingerprint';
import { layoutPoster } from '../../../shared/roles/poster';
import type { PosterRequest, PosterResult } from './posterBackground';

self.onmessage = (event: MessageEvent<PosterRequest>) => {
  const { id, input } = event.data;
  let result: PosterResult;
  try {
    result = { id, layout: layoutPoster(input), fingerprint: mapFingerprint(input.map) };
  } catch (err) {
    result = { id, error: String((err as Error)?.message ?? err) };
  }
  self.postMessage(result);
};
