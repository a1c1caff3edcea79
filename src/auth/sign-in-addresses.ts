import { createHmac } from 'node:crypto';

/**
 * How much an account remembers of where it signed in from, to warn of a sign-in from somewhere
 * new: the most recent `kept` addresses, each forgotten `forgetAfterDays` after its last sign-in.
 */
export const signInAddressLimits = { kept: 20, forgetAfterDays: 400 } as const;

/** One remembered address: a keyed hash, never the address itself, and when it was last used. */
export interface RememberedAddress {
  key: string;
  lastAt: Date;
}

/**
 * Turns a client address into the key that an account remembers. The key is an HMAC under a key
 * derived from the service's secret, so the stored keys cannot be turned back into addresses by
 * trying all 2^32 IPv4 addresses, as a plain hash could.
 */
export class SignInAddressKeys {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('sign-in-addresses').digest();
  }

  of(address: string): string {
    return createHmac('sha256', this.#key)
      .update(address.trim().toLowerCase())
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
