import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/project-root.js';

export const passwordMinLength = 12;
export const passwordMaxLength = 128;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Password hashing with scrypt from node:crypto. OWASP's recommendation is N=2^17, r=8, p=1
 * (128 MiB per hash). The parameters are stored with each hash, so raising them later only
 * needs a rehash at the next sign-in.
 */
export class PasswordHasher {
  constructor(private readonly cost: number = 2 ** 17) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scrypt(password.normalize('NFKC'), salt, 32, this.#options(this.cost));
    return `scrypt$${this.cost}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, expected] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !expected) return false;
    const expectedKey = Buffer.from(expected, 'base64url');
    const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expectedKey.length, {
      ...this.#options(Number(n)),
      r: Number(r),
      p: Number(p),
    });
    return timingSafeEqual(key, expectedKey);
  }

  needsRehash(stored: string): boolean {
    return stored.split('$')[1] !== String(this.cost);
  }

  /** A hash of a random password, to spend the same time on unknown emails as on known ones. */
  async dummyHash(): Promise<string> {
    return this.hash(randomBytes(18).toString('base64url'));
  }

  #options(cost: number): ScryptOptions {
    return { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + 1024 * 1024 };
  }
}

let commonPasswords: Set<string> | undefined;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(path.join(projectRoot, 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return commonPasswords.has(password.toLowerCase());
}

/**
 * Why a new password is not acceptable, in plain words, or undefined when it is fine.
 * Following NCSC advice ("three random words"), length matters more than symbols.
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | undefined {
  if (password.length < passwordMinLength) {
    return `must be at least ${passwordMinLength} characters; three random words work well`;
  }
  if (password.length > passwordMaxLength) return `must be at most ${passwordMaxLength} characters`;
  if (new Set(password).size < 4) return 'uses too few different characters';
  if (isCommon(password)) return 'is too common; choose something others would not guess, like three random words';
  const lower = password.toLowerCase();
  const emailName = context.email?.split('@')[0]?.toLowerCase();
  if (emailName && emailName.length >= 4 && lower.includes(emailName)) return 'must not contain your email address';
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '').includes(name)) return 'must not contain your name';
  return undefined;
}
