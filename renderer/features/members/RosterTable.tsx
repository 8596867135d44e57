import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirm } from '../../ui/confirm';
import { MEMBER_ROLES, type Governance, type Member, type MemberRole } from '../../../shared/governance';
import { KeyFingerprint } from '../settings/KeyFingerprint';
import { changeRoles, removeMember } from './actions';
import { runAction } from './runAction';

/**
 * The roster as this laptop replays it: name, unit, roles, key fingerprint (to compare in the
 * room), who added them, removed or not. An owner can change roles and remove members; nobody
 * else sees those buttons (and the replay would ignore such entries from them anyway).
 */
export function RosterTable({ gov, myKey, isOwner }: { gov: Governance; myKey: string | null; isOwner: boolean }) {
  const { t } = useTranslation('members');
  const owners = gov.roster.members.filter((m) => !m.removed && m.roles.includes('owner')).length;
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t('roster.title')}</h2>
      <table className="members-table" data-testid="roster">
        <thead>
          <tr>
            <th scope="col">{t('roster.name')}</th>
            <th scope="col">{t('roster.roles')}</th>
            <th scope="col">{t('roster.fingerprint')}</th>
            <th scope="col">{t('roster.addedBy')}</th>
            {isOwner && <th scope="col">{t('roster.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {gov.roster.members.map((m) => (
            <MemberRow key={m.key} gov={gov} member={m} isMe={m.key === myKey} isOwner={isOwner} lastOwner={m.roles.includes('owner') && owners === 1} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MemberRow({ gov, member: m, isMe, isOwner, lastOwner }: { gov: Governance; member: Member; isMe: boolean; isOwner: boolean; lastOwner: boolean }) {
  const { t, i18n } = useTranslation('members');
  const [editing, setEditing] = useState<MemberRole[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ws = gov.input.workspaceId;
  const addedBy = m.addedBy === m.key && gov.roster.genesis?.payload.by === m.key ? t('roster.creator') : (gov.roster.byKey.get(m.addedBy)?.name ?? m.addedBy.slice(0, 8));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(m.addedAt);
  const act = (fn: () => Promise<void>) => runAction(setBusy, setError, fn);
  const remove = () => {
    void confirm({ title: t('remove.button'), body: t('remove.confirm', { name: m.name }), confirmLabel: t('remove.button'), danger: true }).then((ok) => ok && act(() => removeMember(ws, m.key)));
  };
  return (
    <tr data-testid="member-row" data-key={m.key} data-name={m.name} data-removed={m.removed} className={m.removed ? 'removed' : undefined}>
      <td>
        <strong data-testid="member-name">{m.name}</strong>
        {isMe && <span className="badge">{t('roster.you')}</span>}
        {m.unit && <div className="muted small">{m.unit}</div>}
        {m.removed && (
          <div className="members-removed small" data-testid="member-removed">
            {t('roster.removed')}
          </div>
        )}
      </td>
      <td data-testid="member-roles" data-roles={m.roles.join(' ')}>
        {editing ? (
          <fieldset className="role-editor" data-testid="role-editor">
            <legend className="sr-only">{t('roster.roles')}</legend>
            {MEMBER_ROLES.map((r) => (
              <label key={r} className="role-option">
                <input
                  type="checkbox"
                  checked={editing.includes(r)}
                  disabled={r === 'owner' && lastOwner}
                  onChange={(e) => setEditing(e.target.checked ? MEMBER_ROLES.filter((x) => x === r || editing.includes(x)) : editing.filter((x) => x !== r))}
                />
                {t(`roles.${r}`)}
              </label>
            ))}
            <div className="row">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() =>
                  act(async () => {
                    await changeRoles(ws, m.key, editing);
                    setEditing(null);
                  })
                }
              >
                {t('roles.save')}
              </button>
              <button type="button" onClick={() => setEditing(null)}>
                {t('roles.cancel')}
              </button>
            </div>
          </fieldset>
        ) : m.roles.length > 0 ? (
          m.roles.map((r) => (
            <span key={r} className="badge role-badge">
              {t(`roles.${r}`)}
            </span>
          ))
        ) : (
          <span className="muted">{t('roles.none')}</span>
        )}
      </td>
      <td>
        <KeyFingerprint fingerprint={m.fingerprint} testId="member-fingerprint" />
      </td>
      <td className="small">
        {addedBy}
        <div className="muted">{when}</div>
      </td>
      {isOwner && (
        <td>
          {!m.removed && !editing && (
            <div className="row">
              <button type="button" data-testid="change-roles" onClick={() => setEditing([...m.roles])}>
                {t('roles.change')}
              </button>
              <button type="button" className="danger" data-testid="remove-member" disabled={busy || lastOwner} title={lastOwner ? t('remove.lastOwner') : undefined} onClick={remove}>
                {t('remove.button')}
              </button>
            </div>
          )}
          {error && (
            <p className="error small" role="alert">
              {error}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}
