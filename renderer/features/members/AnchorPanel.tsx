import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { governanceLog, isWellFormed, keyFingerprint, parseLogItem, signingBytes, verifySignature, type MemberInfo } from '../../../shared/governance';
import { useYSnapshot } from '../../hooks/useY';
import { KeyFingerprint } from '../settings/KeyFingerprint';
import { claimWorkspace, trustCreator } from './actions';
import { runAction } from './runAction';

interface Candidate {
  key: string;
  member: MemberInfo;
  p: string;
  s: string;
}

/** Genesis entries in the log (well formed, naming their signer), and whether any genesis-like entry exists. */
function readGenesis(arr: Y.Array<unknown>, workspaceId: string): { candidates: Candidate[]; any: boolean } {
  const candidates: Candidate[] = [];
  let any = false;
  arr.toArray().forEach((raw, i) => {
    const item = parseLogItem(raw, i);
    if ((item.payload?.kind ?? item.hint?.kind) === 'roster.genesis') any = true;
    if (!isWellFormed(item) || item.payload.kind !== 'roster.genesis') return;
    const pl = item.payload;
    if (pl.ws === workspaceId && pl.by === pl.member.key && !candidates.some((c) => c.key === pl.by)) candidates.push({ key: pl.by, member: pl.member, p: item.entry.p, s: item.entry.s });
  });
  return { candidates, any };
}

/**
 * Shown when this laptop trusts no creator key for the open workspace. With no genesis in the
 * log (a workspace made before members existed) the person may claim it; otherwise they may
 * trust a creator whose signed genesis is there, after comparing its fingerprint in person.
 */
export function AnchorPanel({ workspaceId, doc }: { workspaceId: string; doc: Y.Doc }) {
  const { t } = useTranslation('members');
  const found = useYSnapshot(governanceLog(doc), (arr) => readGenesis(arr, workspaceId)) ?? { candidates: [], any: false };
  const [verified, setVerified] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    for (const c of found.candidates) {
      void verifySignature(c.key, signingBytes(c.p), c.s).then((ok) => live && setVerified((v) => (v[c.s] === ok ? v : { ...v, [c.s]: ok })));
    }
    return () => {
      live = false;
    };
  }, [found.candidates]);

  const act = (fn: () => Promise<void>) => runAction(setBusy, setError, fn);

  if (!found.any) {
    return (
      <section className="members-anchor claim" aria-labelledby="claim-title" data-testid="claim-workspace">
        <h2 id="claim-title">{t('claim.title')}</h2>
        <p>{t('claim.explain')}</p>
        <p className="muted small">{t('claim.warning')}</p>
        <button type="button" className="primary" disabled={busy} onClick={() => act(() => claimWorkspace(workspaceId))}>
          {t('claim.button')}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }
  const good = found.candidates.filter((c) => verified[c.s]);
  return (
    <section className="members-anchor" aria-labelledby="anchor-title" data-testid="trust-creator">
      <h2 id="anchor-title">{t('anchor.title')}</h2>
      <p>{t('anchor.explain')}</p>
      {good.length === 0 && <p className="muted">{t('anchor.none')}</p>}
      <ul className="card-list">
        {good.map((c) => (
          <li key={c.key} className="card">
            <strong>{c.member.name}</strong>
            {c.member.unit && <span className="muted">{c.member.unit}</span>}
            <KeyFingerprint fingerprint={keyFingerprint(c.key)} />
            <button type="button" className="row-actions" disabled={busy} onClick={() => act(() => trustCreator(workspaceId, c.key))}>
              {t('anchor.trust', { name: c.member.name })}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
