import { randomBytes } from 'node:crypto';
import type { PendingSignIn } from '@fundledger/access';

/** A sign-in at the provider takes a person a few minutes at most; after ten the answer is refused. */
const PENDING_MS = 10 * 60 * 1000;
/** Starting a sign-in needs no session, so the store is bounded: past this, the oldest is forgotten. */
const MAX_PENDING = 10_000;

export interface PendingPageSignIn extends PendingSignIn {
  /** The page asked for before signing in, returned to after. */
  readonly next: string;
}

/**
 * Sign-ins sent to the provider and not yet back, kept in this process (state, nonce and PKCE verifier
 * never leave the server). The browser holds only a random key to its own entry, and each entry is
 * taken once, so an answer from the provider can be used to sign in at most once.
 */
export class PendingSignIns {
  private readonly entries = new Map<string, { pending: PendingPageSignIn; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  keep(pending: PendingPageSignIn): string {
    this.forgetExpired();
    if (this.entries.size >= MAX_PENDING) this.entries.delete(this.entries.keys().next().value as string);
    const key = randomBytes(24).toString('base64url');
    this.entries.set(key, { pending, expiresAt: this.now() + PENDING_MS });
    return key;
  }

  /** The entry for this key, removed as it is read; undefined when unknown, already taken or expired. */
  take(key: string | undefined): PendingPageSignIn | undefined {
    if (key === undefined) return undefined;
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry !== undefined && entry.expiresAt > this.now() ? entry.pending : undefined;
  }

  private forgetExpired(): void {
    // Insertion order is expiry order: stop at the first one still running.
    for (const [key, { expiresAt }] of this.entries) {
      if (expiresAt > this.now()) return;
      this.entries.delete(key);
    }
  }
}
