import { useTranslation } from 'react-i18next';
import { deriveAdmissions, deriveRoomKeyRotations, ENTRY_KINDS, keyFingerprint, type EntryReason, type Governance, type LogItem, type MalformedReason } from '../../../shared/governance';

interface Row {
  item: LogItem;
  kind: string;
  by?: string;
  reason: EntryReason | MalformedReason;
}

const GOVERNANCE_KINDS = /^(roster\.|policy\.|admission\.|room\.)/;

/** Roster, policy, admission and room key entries that do not count, with why (forged, unsigned, out of authority…). */
export function rejectedRows(gov: Governance): Row[] {
  const rows: Row[] = [];
  for (const r of [...gov.roster.rejected, ...gov.policy.rejected]) {
    if (r.reason === 'verifying') continue;
    rows.push({ item: r.item, kind: r.item.payload?.kind ?? '', by: r.item.payload?.by, reason: r.reason });
  }
  const adm = deriveAdmissions(gov);
  for (const o of adm.offers) if (o.reason && o.reason !== 'verifying') rows.push({ item: o.item, kind: o.payload.kind, by: o.payload.by, reason: o.reason });
  for (const q of adm.requests) if (q.reason && q.reason !== 'verifying') rows.push({ item: q.item, kind: q.payload.kind, by: q.payload.by, reason: q.reason });
  for (const r of deriveRoomKeyRotations(gov).rotations) if (r.reason && r.reason !== 'verifying') rows.push({ item: r.item, kind: r.payload.kind, by: r.payload.by, reason: r.reason });
  for (const item of gov.malformed) {
    const kind = item.hint?.kind ?? '';
    if (GOVERNANCE_KINDS.test(kind) || !kind) rows.push({ item, kind, ...(item.hint?.by ? { by: item.hint.by } : {}), reason: item.malformed ?? 'badPayload' });
  }
  return rows.sort((a, b) => a.item.index - b.item.index);
}

/** Entries that tried to change the roster (or policy, or admissions) and do not count. */
export function RejectedEntries({ gov }: { gov: Governance }) {
  const { t } = useTranslation('members');
  const rows = rejectedRows(gov);
  if (rows.length === 0) return null;
  const signer = (by?: string) => {
    if (!by) return t('rejected.unknownSigner');
    const m = gov.roster.byKey.get(by);
    if (m) return m.name;
    try {
      return t('rejected.stranger', { fingerprint: keyFingerprint(by).hex });
    } catch {
      return t('rejected.unknownSigner');
    }
  };
  return (
    <section aria-labelledby="rejected-title" data-testid="rejected-entries">
      <h2 id="rejected-title">{t('rejected.title')}</h2>
      <p className="muted">{t('rejected.explain')}</p>
      <ul className="card-list">
        {rows.map((r) => (
          <li key={r.item.index} className="card rejected-entry" data-testid="rejected-entry" data-kind={r.kind} data-reason={r.reason}>
            <span className="badge">{t('rejected.notCounted')}</span>
            <strong>{(ENTRY_KINDS as readonly string[]).includes(r.kind) ? t(`kinds.${r.kind.replace('.', '_')}`) : r.kind || t('rejected.unreadable')}</strong>
            <span>{t('rejected.by', { who: signer(r.by) })}</span>
            <span className="error">{t(`reasons.${r.reason}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
