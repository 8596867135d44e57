import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { DEFAULT_KDF, deriveKek, MIN_PASSPHRASE_LENGTH, type KdfParams } from './kdf';
import { CHECK_AAD, dkAad, MK_AAD, parseKeyring, type KeyringFile, type MasterKeyKind } from './keyring';
import type { KeyringStore } from './keyringStore';
import { fromB64, open, randomBytes, seal, SealError, toB64 } from './seal';
import { loadFastAead } from './aead';
import { VaultError } from './errors';

/**
 * The vault: this laptop profile's master key (MK) and the data keys (DK) of every stored scope
 * (a workspace, a restricted room, '$identity'…), each DK random and wrapped with the MK in the
 * keyring. The MK is random too; it is kept wrapped by the OS (Electron safeStorage, main
 * process) or by a key derived from the person's passphrase (web mode, or no OS key store).
 *
 * While locked nothing decrypts (and nothing is written: the storage middleware throws).
 */
export type VaultStatus = 'checking' | 'absent' | 'locked' | 'unlocked' | 'error';

export interface VaultState {
  status: VaultStatus;
  /** How the MK is protected (null until known). */
  mode: MasterKeyKind | null;
  /** Why the vault could not be read (status 'error'). */
  error: string | null;
}

/** The OS key store (Electron safeStorage through main); `create` makes a new MK when none exists. */
export interface OsKeySource {
  masterKey(create: boolean): Promise<{ status: 'ok'; key: Uint8Array } | { status: 'missing' | 'unavailable'; reason: string }>;
}

export interface VaultOptions {
  store: KeyringStore | (() => Promise<KeyringStore>);
  osKey?: OsKeySource | null;
  /** Asks other unlocked tabs of this origin for the MK (BroadcastChannel); resolves null when none answers. */
  askOtherTabs?: (() => Promise<Uint8Array | null>) | null;
  /** Argon2id parameters for a new passphrase (tests use small ones). */
  kdf?: Omit<KdfParams, 'salt'>;
}

const MK_BYTES = 32;

export class Vault {
  readonly state: UseBoundStore<StoreApi<VaultState>> = create<VaultState>(() => ({ status: 'checking', mode: null, error: null }));
  private store: KeyringStore | null = null;
  private file: KeyringFile | null = null;
  private mk: Uint8Array | null = null;
  private readonly dks = new Map<string, Uint8Array>();
  private readonly pendingKeys = new Map<string, Promise<void>>();
  private writing: Promise<void> = Promise.resolve();
  private unlockedWaiters: Array<() => void> = [];
  private started: Promise<void> | null = null;

  constructor(private readonly opts: VaultOptions) {}

  get status(): VaultStatus {
    return this.state.getState().status;
  }

  get storeKind(): KeyringStore['kind'] | null {
    return this.store?.kind ?? null;
  }

  /** Reads the keyring and unlocks what needs no person: the OS key, or another unlocked tab. */
  start(): Promise<void> {
    // The WebAssembly cipher loads meanwhile (never fails: the JavaScript one stays without it).
    this.started ??= Promise.all([this.doStart(), loadFastAead()]).then(() => undefined, (err: unknown) => {
      this.state.setState({ status: 'error', error: (err as Error).message });
    });
    return this.started;
  }

  private async doStart(): Promise<void> {
    const s = this.opts.store;
    this.store = typeof s === 'function' ? await s() : s;
    const text = await this.store.read();
    performance.mark('crisis-room:keyring-read');
    this.file = text ? parseKeyring(text) : null;
    const os = this.opts.osKey ?? null;
    if (!this.file) {
      if (os) {
        const r = await os.masterKey(true);
        if (r.status === 'ok') return this.createWith(r.key, { kind: 'os' });
      }
      this.state.setState({ status: 'absent', mode: 'passphrase' });
      return;
    }
    this.state.setState({ mode: this.file.mk.kind });
    if (this.file.mk.kind === 'os' && os) {
      const r = await os.masterKey(false);
      if (r.status !== 'ok') throw new VaultError('wrongKey', `the OS key store does not give this laptop's key (${r.reason})`);
      this.open(r.key);
      return;
    }
    const fromTab = (await this.opts.askOtherTabs?.()) ?? null;
    performance.mark('crisis-room:key-from-tab');
    if (fromTab) {
      try {
        this.open(fromTab);
        return;
      } catch {
        /* another profile's key: ask the person */
      }
    }
    this.state.setState({ status: 'locked' });
  }

  /** First start (web mode, or no OS key store): a new MK protected by `passphrase`. */
  async create(passphrase: string): Promise<void> {
    await this.start();
    if (this.file) throw new VaultError('exists', 'this laptop already has a vault');
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new VaultError('passphraseTooShort', `the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
    const params = { ...(this.opts.kdf ?? DEFAULT_KDF) };
    const salt = randomBytes(16);
    const kek = await deriveKek(passphrase, { ...params, salt: '' }, salt);
    const mk = randomBytes(MK_BYTES);
    await this.createWith(mk, { kind: 'passphrase', kdf: { ...params, salt: toB64(salt) }, wrapped: toB64(seal(kek, MK_AAD, mk)) });
  }

  private async createWith(mk: Uint8Array, protection: KeyringFile['mk']): Promise<void> {
    const file: KeyringFile = { v: 1, mk: protection, check: toB64(seal(mk, CHECK_AAD, new Uint8Array([1]))), keys: {}, shredded: [] };
    await this.persist(file);
    this.file = file;
    this.open(mk);
  }

  /** Unlocks with the passphrase; a wrong one throws (code 'wrongPassphrase') and changes nothing. */
  async unlock(passphrase: string): Promise<void> {
    await this.start();
    if (this.status === 'unlocked') return;
    const file = this.file;
    if (!file || file.mk.kind !== 'passphrase') throw new VaultError('locked', 'this vault is not protected by a passphrase');
    const kek = await deriveKek(passphrase, file.mk.kdf, fromB64(file.mk.kdf.salt));
    let mk: Uint8Array;
    try {
      mk = open(kek, MK_AAD, fromB64(file.mk.wrapped));
    } catch {
      throw new VaultError('wrongPassphrase', 'wrong passphrase');
    }
    this.open(mk);
  }

  /** Takes an MK handed over by another tab (checked against the keyring first). */
  adopt(mk: Uint8Array): boolean {
    if (this.status === 'unlocked') return true;
    try {
      this.open(mk);
      return true;
    } catch {
      return false;
    }
  }

  private open(mk: Uint8Array): void {
    const file = this.file;
    if (!file) throw new VaultError('locked', 'no keyring');
    try {
      open(mk, CHECK_AAD, fromB64(file.check));
    } catch {
      throw new VaultError('wrongKey', 'this key does not open the keyring of this laptop');
    }
    const dks = new Map<string, Uint8Array>();
    for (const [scope, wrapped] of Object.entries(file.keys)) {
      try {
        dks.set(scope, open(mk, dkAad(scope), fromB64(wrapped)));
      } catch (err) {
        throw new VaultError('damaged', `the data key of ${scope} is damaged (${(err as SealError).message})`);
      }
    }
    this.mk = mk;
    this.dks.clear();
    for (const [k, v] of dks) this.dks.set(k, v);
    performance.mark('crisis-room:vault-unlocked');
    this.state.setState({ status: 'unlocked', mode: file.mk.kind, error: null });
    for (const w of this.unlockedWaiters.splice(0)) w();
  }

  /** The MK, only for handing it to another tab of this origin (handoff.ts). */
  masterKeyForHandoff(): Uint8Array | null {
    return this.mk;
  }

  whenUnlocked(): Promise<void> {
    if (this.status === 'unlocked') return Promise.resolve();
    return new Promise((resolve) => this.unlockedWaiters.push(resolve));
  }

  /** Makes sure `scope` has a data key, stored in the keyring before this resolves. */
  ensureDataKey(scope: string): Promise<void> {
    if (this.dks.has(scope)) return Promise.resolve();
    let p = this.pendingKeys.get(scope);
    if (p) return p;
    p = this.whenUnlocked()
      .then(async () => {
        if (this.dks.has(scope)) return;
        const mk = this.mk!;
        const dk = randomBytes(32);
        await this.update((f) => ({ ...f, keys: { ...f.keys, [scope]: toB64(seal(mk, dkAad(scope), dk)) }, shredded: f.shredded.filter((s) => s !== scope) }));
        this.dks.set(scope, dk);
      })
      .finally(() => this.pendingKeys.delete(scope));
    this.pendingKeys.set(scope, p);
    return p;
  }

  /** Destroys `scope`'s data key: the keyring is rewritten without it before this resolves. */
  async shredDataKey(scope: string): Promise<void> {
    await this.whenUnlocked();
    await this.pendingKeys.get(scope)?.catch(() => undefined);
    const dk = this.dks.get(scope);
    this.dks.delete(scope);
    await this.update((f) => {
      const keys = { ...f.keys };
      delete keys[scope];
      return { ...f, keys, shredded: f.shredded.includes(scope) ? f.shredded : [...f.shredded, scope] };
    });
    dk?.fill(0);
  }

  hasDataKey(scope: string): boolean {
    return this.dks.has(scope);
  }

  /** Whether `scope`'s key was destroyed (its rows are left-overs nobody can read). */
  isShredded(scope: string): boolean {
    return this.file?.shredded.includes(scope) ?? false;
  }

  /** The data key of `scope` (synchronous; throws when locked or when the scope has none). */
  dataKey(scope: string): Uint8Array {
    if (!this.mk) throw new VaultError('locked', 'the vault is locked');
    const dk = this.dks.get(scope);
    if (!dk) throw new VaultError('noDataKey', `no data key for ${scope} (ensureDataKey must run before its rows are written)`);
    return dk;
  }

  sealFor(scope: string, aad: string, plain: Uint8Array): Uint8Array {
    return seal(this.dataKey(scope), aad, plain);
  }

  openFor(scope: string, aad: string, sealed: Uint8Array): Uint8Array {
    return open(this.dataKey(scope), aad, sealed);
  }

  /** The keyring as stored (wrapped keys only; for tests and diagnostics). */
  keyringSnapshot(): KeyringFile | null {
    return this.file;
  }

  private update(change: (f: KeyringFile) => KeyringFile): Promise<void> {
    const run = this.writing.then(async () => {
      if (!this.file) throw new VaultError('locked', 'no keyring');
      const next = change(this.file);
      await this.persist(next);
      this.file = next;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async persist(file: KeyringFile): Promise<void> {
    if (!this.store) throw new VaultError('locked', 'the keyring store is not open');
    await this.store.write(JSON.stringify(file));
  }
}
