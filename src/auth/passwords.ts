import { randomBytes, type ScryptOptions, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { type Algorithm, hash as argon2Hash, verify as argon2Verify, parseOptions } from '@node-rs/argon2';
import { projectRoot } from '../core/project-root.js';

export const passwordMinLength = 12;
export const passwordMaxLength = 128;

/** Argon2id cost. OWASP's recommendation is m = 19 MiB (19456 KiB), t = 2, p = 1. */
export interface Argon2Cost {
  memoryKib: number;
  iterations: number;
}

export const owaspArgon2Cost: Argon2Cost = { memoryKib: 19_456, iterations: 2 };

/** `Algorithm.Argon2id`: the binding declares it as a const enum, which isolated modules cannot read. */
const argon2id = 2 as Algorithm;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Password hashing with Argon2id through `@node-rs/argon2`, whose asynchronous calls run on
 * libuv's thread pool, so a sign-in never blocks the event loop. Hashes are PHC strings that
 * carry their own parameters: a hash made with other parameters, or an older scrypt hash
 * (`scrypt$N$r$p$salt$key`, made before Argon2id), still verifies and `needsRehash` says to
 * replace it at the next successful sign-in.
 */
export class PasswordHasher {
  readonly #slots: HashingSlots;

  constructor(
    private readonly cost: Argon2Cost = owaspArgon2Cost,
    concurrentHashes: number = defaultConcurrentHashes(),
  ) {
    this.#slots = new HashingSlots(concurrentHashes);
  }

  hash(password: string): Promise<string> {
    return this.#slots.run(() =>
      argon2Hash(password.normalize('NFKC'), {
        algorithm: argon2id,
        memoryCost: this.cost.memoryKib,
        timeCost: this.cost.iterations,
        parallelism: 1,
      }),
    );
  }

  async verify(password: string, stored: string): Promise<boolean> {
    if (stored.startsWith('$argon2id$'))
      return this.#slots.run(() => argon2Verify(stored, password.normalize('NFKC')).catch(() => false));
    if (stored.startsWith('scrypt$')) return this.#slots.run(() => verifyScrypt(password, stored));
    return false;
  }

  needsRehash(stored: string): boolean {
    if (!stored.startsWith('$argon2id$')) return true;
    try {
      const options = parseOptions(stored);
      return (
        options.memoryCost !== this.cost.memoryKib ||
        options.timeCost !== this.cost.iterations ||
        options.parallelism !== 1
      );
    } catch {
      return true;
    }
  }

  /** A hash of a random password, to spend the same time on unknown emails as on known ones. */
  async dummyHash(): Promise<string> {
    return this.hash(randomBytes(18).toString('base64url'));
  }
}

/**
 * One hash per core but one, at most (and at least one). A core is left to the event loop and the
 * stores: measured with `npm run bench:auth` on 2 cores, one hash at a time gave as many sign-ins
 * per second as two (71–73/s against 62–75/s), while a health check during 8 concurrent sign-ins
 * answered in 0.6–0.8 ms at p50 and 10–13 ms at p99, against 1.3–3.9 ms and 27–43 ms. More would
 * also fill libuv's thread pool (4 threads by default), where token signing and file reads wait.
 */
function defaultConcurrentHashes(): number {
  const threadPool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(availableParallelism() - 1, threadPool - 1));
}

/** A counting semaphore: at most `size` hashes run at once; the rest wait their turn in order. */
export class HashingSlots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}

/** Verifies a hash made before Argon2id; scrypt runs on the thread pool too. */
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, expected] = stored.split('$');
  if (!n || !r || !p || !salt || !expected) return false;
  const [cost, blockSize, parallelism] = [Number(n), Number(r), Number(p)];
  const expectedKey = Buffer.from(expected, 'base64url');
  try {
    const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expectedKey.length, {
      N: cost,
      r: blockSize,
      p: parallelism,
      maxmem: 256 * cost * blockSize + 1024 * 1024,
    });
    return timingSafeEqual(key, expectedKey);
  } catch {
    return false;
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
  if (emailName && emailName.length >= 4 && lower.includes(emailName)) {
    return `must not contain "${emailName}", the part of your email address before the @`;
  }
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '').includes(name)) return 'must not contain your name';
  return undefined;
}
