/**
 * Why an entry does not count. One vocabulary for every derivation so the UI translates each
 * code once (`governance.reason.<code>`).
 */
export const ENTRY_REASONS = [
  // Any entry
  'malformed', // not readable: bad JSON, wrong shape, not canonical, failed the schema
  'verifying', // its signature (or a roster entry it depends on) is still being checked
  'badSignature', // the signature does not verify against the claimed signer
  'otherWorkspace', // signed for another workspace
  'duplicate', // the same signed entry appears again (it counts once)
  // Signer's standing
  'notMember', // the signer was not in the roster when signing
  'removed', // the signer was removed (or removed for a while) since signing
  'lacksRole', // the signer did not hold the needed role from signing until now
  // Roster replay
  'untrustedGenesis', // a genesis not signed by the workspace's trusted creator key
  'duplicateGenesis', // a second genesis by the creator
  'notOwner', // a roster or policy change by someone who was not an owner at that point
  'alreadyMember', // adding someone who is already an active member
  'unknownMember', // changing or removing someone who is not an active member
  'lastOwner', // it would leave the workspace without an owner
  // Approvals
  'otherStatement', // signed for another statement
  'textChanged', // signed over different text than the current one
  'authorCannotApprove', // separation of duties: the last editor gives no legal approval
  // Overrides, incidents
  'notOverridable', // the drill gate cannot be overridden
  'alreadyDeclared', // the incident was already declared
  'notDeclared', // a severity change for an incident never declared
  // Admissions
  'notSelf', // a join request signed by someone other than the person it names
  // Restricted rooms
  'unknownRoom', // a key for a restricted room that was never (validly) created before it
  'roomExists', // a second creation of the same restricted room
  'keyHolderMissing', // a room key its signer neither receives nor held before (they would hold it unseen)
  'recipientNotMember', // a room key sealed to someone who is not an active member of the workspace
] as const;
export type EntryReason = (typeof ENTRY_REASONS)[number];

/** Reason codes an approval can get. */
export type ApprovalReason = Extract<
  EntryReason,
  'badSignature' | 'notMember' | 'removed' | 'lacksRole' | 'otherWorkspace' | 'otherStatement' | 'textChanged' | 'authorCannotApprove' | 'verifying' | 'malformed'
>;
