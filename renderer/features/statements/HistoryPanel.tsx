import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useSession } from '../../session/sessionStore';
import { childrenOf, type YRecord } from '../../../shared/doc/collection';
import { diffTexts, listVersions, restoreVersion, versionText, type DiffPart } from '../../../shared/statements/history';
import type { StatementFields, StatementVersion } from '../../../shared/statements/types';
import { runAction } from './actions';
import { formatDateTime } from './format';
import { useDeepVersion } from './hooks';
import type { AnyYType } from './hooks';

const CURRENT = 'current';

/** A version's stored label in the UI language. */
function versionLabel(t: TFunction<'statements'>, v: StatementVersion, all: StatementVersion[], language: Parameters<typeof formatDateTime>[1]): string {
  if (v.label.startsWith('status:')) return t('history.atStatus', { status: t(`status.${v.label.slice(7)}`) });
  if (v.label.startsWith('restore:')) {
    const from = all.find((x) => x.id === v.label.slice(8));
    return t('history.restored', { at: from ? formatDateTime(from.at, language) : '?' });
  }
  return v.label || t('history.manual');
}

export function DiffView({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="diff" data-testid="diff">
      {parts.map((p, i) => (p.kind === 'added' ? <ins key={i}>{p.value}</ins> : p.kind === 'removed' ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
    </div>
  );
}

/** Versions (one per status change, plus saved ones), a diff of any two, restore as a new version. */
export const HistoryPanel = memo(function HistoryPanel({ rec, fields, currentText, editable }: { rec: YRecord; fields: StatementFields; currentText: string; editable: boolean }) {
  const { t } = useTranslation('statements');
  const language = useSession((s) => s.language);
  const userName = useSession((s) => s.userName);
  useDeepVersion((childrenOf(rec, 'versions') ?? undefined) as AnyYType | undefined);
  const versions = listVersions(rec);
  const newest = versions.findLast((v) => !v.unreadable);
  const [a, setA] = useState<string>(newest?.id ?? CURRENT);
  const [b, setB] = useState<string>(CURRENT);
  const textOf = (id: string) => (id === CURRENT ? currentText : versionText(versions.find((v) => v.id === id) ?? { text: '', bodyJson: '' } as StatementVersion));
  const before = textOf(a);
  const after = textOf(b);
  const parts = useMemo(() => diffTexts(before, after, fields.language), [before, after, fields.language]);
  // A version that cannot be rebuilt here is listed, but neither compared nor restored.
  const options = [{ id: CURRENT, label: t('history.current') }, ...[...versions].reverse().filter((v) => !v.unreadable).map((v) => ({ id: v.id, label: `${formatDateTime(v.at, language)} · ${versionLabel(t, v, versions, language)} · ${v.by}` }))];

  return (
    <section className="history-panel" data-testid="history-panel">
      {versions.length === 0 && <p className="muted small">{t('history.none')}</p>}
      <ol className="version-list" reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.id} data-testid="version">
            <span>{formatDateTime(v.at, language)}</span> · <strong>{versionLabel(t, v, versions, language)}</strong> · <span>{v.by}</span>
            {v.unreadable && (
              <>
                {' '}
                · <span className="muted small" data-testid="version-unreadable">{t('history.unreadable')}</span>
              </>
            )}
            {editable && !v.unreadable && (
              <button type="button" className="link restore" data-testid="restore-version" onClick={() => runAction(t, () => restoreVersion(rec, v.id, userName || t('someone'), `restore:${v.id}`))}>
                {t('history.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="record-row">
        <label className="field">
          <span>{t('history.from')}</span>
          <select value={a} data-testid="diff-from" onChange={(e) => setA(e.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('history.to')}</span>
          <select value={b} data-testid="diff-to" onChange={(e) => setB(e.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DiffView parts={parts} />
    </section>
  );
});
