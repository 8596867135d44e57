import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { OVERRIDABLE_GATES, type Gate } from '../../../shared/governance';
import type { GateState } from '../../../shared/statements/approval';
import type { StatementFields } from '../../../shared/statements/types';
import { overrideGate } from '../../../shared/statements/workflow';
import { useSession } from '../../session/sessionStore';
import { Dialog } from './Dialog';
import { formatDateTime } from './format';
import { runSigned, type Signer } from './signoff';

/**
 * The release gates (放行條件) of the current text: unfilled placeholders, error-level wording,
 * facts conflicts, a required reviewer's open comments, and the drill mark. Each failing gate
 * blocks approval and release; an owner may lift one (not the drill gate) with a written reason,
 * which is signed and shown here to everyone.
 */
export function ReleaseGates({ doc, fields, gate, signer }: { doc: Y.Doc; fields: StatementFields; gate: GateState; signer: Signer }) {
  const { t } = useTranslation('statements');
  const language = useSession((s) => s.language);
  const [overriding, setOverriding] = useState<Gate | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const report = gate.gates;
  if (!report) return null;
  const shown = report.gates.filter((g) => g.failing);
  const open = fields.stage === 'draft' || fields.stage === 'in_review';

  const submit = async () => {
    const ctx = signer.context();
    if (!overriding || !ctx) return;
    setBusy(true);
    try {
      if (await runSigned(t, () => overrideGate(doc, fields.id, overriding, reason, ctx))) {
        setOverriding(null);
        setReason('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="release-gates" data-testid="release-gates">
      <h3 className="small-heading">{t('gates.title')}</h3>
      {shown.length === 0 ? (
        <p className="muted small" data-testid="gates-clear">
          {t('gates.clear')}
        </p>
      ) : (
        <ul className="gate-list">
          {shown.map((g) => {
            const o = g.override;
            return (
              <li key={g.gate} data-testid={`gate-${g.gate}`} data-state={o ? 'overridden' : 'failing'}>
                <strong>{t(`gates.${g.gate}`)}</strong>
                {g.gate !== 'drill' && <span className="muted small"> ({g.count})</span>}
                {' · '}
                {g.gate === 'drill' ? t('gates.drillNote') : o ? '' : g.blocksApproval ? t('gates.blocksBoth') : t('gates.blocksRelease')}
                {o?.payload && (
                  <span className="small" data-testid="gate-override">
                    {t('gates.overridden', {
                      by: signer.gov?.roster.byKey.get(o.payload.by)?.name ?? o.payload.by.slice(0, 8),
                      at: formatDateTime(o.payload.at, language),
                      reason: o.payload.reason,
                    })}
                  </span>
                )}
                {!o && open && signer.isOwner && OVERRIDABLE_GATES.includes(g.gate) && (
                  <button type="button" className="link" data-testid={`override-${g.gate}`} onClick={() => setOverriding(g.gate)}>
                    {t('gates.override')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {gate.overrides.filter((o) => !o.valid).length > 0 && (
        <p className="muted small">{t('gates.invalidOverrides', { count: gate.overrides.filter((o) => !o.valid).length })}</p>
      )}
      <Dialog open={overriding !== null} title={t('gates.overrideTitle', { gate: overriding ? t(`gates.${overriding}`) : '' })} onClose={() => setOverriding(null)} testId="override-dialog">
        <p>{t('gates.overrideHint')}</p>
        <label className="field">
          <span>{t('gates.reason')}</span>
          <textarea rows={3} value={reason} maxLength={2000} data-testid="override-reason" onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="row dialog-actions">
          <button type="button" onClick={() => setOverriding(null)}>
            {t('dialog.cancel')}
          </button>
          <button type="button" className="primary" data-testid="override-confirm" disabled={!reason.trim() || busy} onClick={() => void submit()}>
            {t('gates.overrideSign')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
