/**
 * Governance core: device keys, the signed log, roster and policy replay, signed sign-off,
 * release gates and the audit trail. See CONTEXT.md for the design and data layout.
 */
export { toBase64Url, fromBase64Url } from './base64url.js';
export { SIGNING_DOMAIN, canonicalJson, parseCanonicalJson, signingBytes } from './canonical.js';
export { generateDeviceKeys, deviceKeysOf, sign, verifySignature, type DeviceKeys, type Signer } from './keys.js';
export { keyFingerprint, type KeyFingerprint } from './fingerprint.js';
export { MEMBER_ROLES, memberRoleSchema, APPROVER_ROLE, INCIDENT_ROLES, RELEASE_ROLE, reviewerRolesOf, type MemberRole } from './roles.js';
export {
  ENTRY_KINDS,
  GATES,
  LIMITS,
  ROSTER_KINDS,
  isWellFormed,
  parseLogItem,
  serializeEntry,
  payloadSchema,
  memberSchema,
  candidateSchema,
  admissionIdSchema,
  sealSchema,
  policySchema,
  publicKeySchema,
  signatureSchema,
  type EntryKind,
  type EntryHint,
  type Gate,
  type LogItem,
  type MalformedReason,
  type MemberInfo,
  type CandidateInfo,
  type Payload,
  type PayloadOf,
  type PolicyInput,
  type SignedEntry,
  type UnsignedPayload,
  type ValidItem,
} from './entries.js';
export { GOVERNANCE_LOG_ROOT, governanceLog, readLog, appendEntry, signEntry, observeLog } from './log.js';
export { SignatureCache, type SignatureCacheOptions, type Verdict, type VerifyFn } from './verifier.js';
export { ENTRY_REASONS, type EntryReason, type ApprovalReason } from './reasons.js';
export {
  DEFAULT_POLICY,
  deriveRoster,
  derivePolicy,
  replayOrder,
  standingOf,
  type GovernanceInput,
  type Member,
  type MemberState,
  type Policy,
  type PolicyState,
  type Rejected,
  type Roster,
  type Standing,
} from './roster.js';
export { deriveGovernance, type Governance, type Judged } from './governance.js';
export {
  deriveApprovals,
  evaluateApproval,
  requiredRolesMet,
  deriveReleases,
  type ApprovalPayload,
  type ApprovalTarget,
  type DerivedApproval,
  type ReleasePayload,
  type RoleSignOff,
  type SignOffState,
} from './approvals.js';
export { releaseGates, deriveOverrides, OVERRIDABLE_GATES, type GateFlags, type GateReport, type GateStanding, type DerivedOverride, type OverridePayload } from './gates.js';
export { deriveIncident, deriveIncidents, type IncidentGovernance, type IncidentPayload } from './incidents.js';
export { auditTrail, auditCsv, AUDIT_CSV_COLUMNS, FUTURE_TOLERANCE_MS, type AuditFilter, type AuditRow } from './audit.js';
export {
  deriveAdmissions,
  autoAdmissions,
  admitPayload,
  offerReason,
  requestReason,
  type AdmissionOffer,
  type AdmissionRequest,
  type Admissions,
  type OfferPayload,
  type RequestPayload,
  type RequestState,
} from './admissions.js';
export {
  sealRoomKey,
  openRoomKeySeal,
  deriveRoomKeyRotations,
  rekeyRecipients,
  rekeyReason,
  ownerAt,
  type RekeyPayload,
  type RoomKeyRotation,
  type SealRecipient,
} from './roomKeys.js';
export { sealSecret, openSealed, type SealContext, type Sealed } from './sealing.js';
export {
  deriveCompartments,
  compartmentReason,
  compartmentsOf,
  createCompartmentPayload,
  sealCompartmentKey,
  openCompartmentKey,
  compartmentRecipients,
  activeAt,
  type Compartment,
  type CompartmentKey,
  type Compartments,
  type CompartmentCreatePayload,
  type CompartmentKeyPayload,
} from './compartments.js';
export type { WebCryptoKey, WebCryptoKeyPair } from './webcrypto.js';
export { GovernanceView, type GovernanceViewOptions } from './view.js';
