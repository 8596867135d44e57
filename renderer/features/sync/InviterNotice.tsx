import { useTranslation } from 'react-i18next';
import { keyFingerprint } from '../../../shared/governance';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { useGovernance } from '../../identity/useGovernance';
import { useJoinedInvites } from '../../sync/joinedInvites';
import { KeyFingerprint } from '../settings/KeyFingerprint';

/**
 * After joining by invite: whose device key signed the code (its fingerprint at once) and, once
 * the roster has arrived by sync and every signature in it is checked, whether that key belongs
 * to a member of the workspace — a code signed by someone outside the roster is flagged.
 */
export function InviterNotice() {
  const { t } = useTranslation('sync');
  const current = useCurrentWorkspace((s) => s.current);
  const inviter = useJoinedInvites((s) => (current ? s.byWorkspace[current.id] : undefined));
  const dismiss = useJoinedInvites((s) => s.dismiss);
  const gov = useGovernance();
  if (!current || !inviter) return null;
  const roster = gov?.roster;
  // Before the creator's genesis has arrived the roster is empty, not a verdict.
  const known = Boolean(roster?.settled && roster.genesis);
  const member = known ? roster!.byKey.get(inviter) : undefined;
  const standing = !known ? 'waiting' : !member ? 'notMember' : member.removed ? 'removed' : member.roles.includes('owner') ? 'owner' : 'member';
  const bad = standing === 'notMember' || standing === 'removed';
  return (
    <div className={bad ? 'sync-banner danger' : 'card'} role={bad ? 'alert' : 'status'} data-testid="inviter-notice" data-standing={standing}>
      <span>
        {t('trust.inviter.signedBy')} <KeyFingerprint fingerprint={keyFingerprint(inviter)} testId="inviter-key" />
        {member ? ` — ${member.name}` : ''} — {t(`trust.standing.${standing}`)}
      </span>{' '}
      <button type="button" className="link" onClick={() => dismiss(current.id)}>
        {t('trust.inviter.dismiss')}
      </button>
    </div>
  );
}
