import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Collection, Db } from 'mongodb';
import type { Clock } from '../core/clock.js';
import { msPerDay } from '../core/dates.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { Lease } from '../core/lease.js';

export const signingAlgorithm = 'ES256';

interface EncryptedJwk {
  iv: string;
  ciphertext: string;
  tag: string;
}

interface SigningKeyDoc {
  _id: string; // kid
  alg: typeof signingAlgorithm;
  status: 'active' | 'retired';
  publicJwk: JWK;
  privateJwk: EncryptedJwk;
  createdAt: Date;
  retiredAt?: Date;
  /** Retired keys stay in the JWKS until every token they signed has expired. */
  publishUntil?: Date;
}

export const signingKeysCollection: CollectionSpec = {
  name: 'signing_keys',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'alg', 'status', 'publicJwk', 'privateJwk', 'createdAt'],
    properties: {
      _id: { bsonType: 'string' },
      alg: { enum: [signingAlgorithm] },
      status: { enum: ['active', 'retired'] },
      publicJwk: { bsonType: 'object' },
      privateJwk: { bsonType: 'object', required: ['iv', 'ciphertext', 'tag'] },
      createdAt: { bsonType: 'date' },
      retiredAt: { bsonType: 'date' },
      publishUntil: { bsonType: 'date' },
    },
  },
  // At most one active key, whatever several instances do at once.
  indexes: [{ key: { status: 1 }, name: 'one_active', unique: true, partialFilterExpression: { status: 'active' } }],
};

/**
 * The secret that encrypts private keys at rest. Production must configure it; development
 * keeps a generated one beside the data (mode 0600), never in git.
 */
export function resolveKeysSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'secrets', 'token-keys-secret');
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

interface LoadedKey {
  kid: string;
  status: 'active' | 'retired';
  createdAt: Date;
  publishUntil?: Date;
  publicJwk: JWK;
  publicKey: CryptoKey;
  privateKey?: CryptoKey;
}

/**
 * ES256 signing keys with a `kid`, kept in MongoDB with the private half encrypted (AES-256-GCM).
 * Rotation makes a new key sign at once; the old one stays published until its tokens expire.
 */
export class KeyStore {
  readonly #keys: Collection<SigningKeyDoc>;
  readonly #rotation: Lease;
  readonly #encryptionKey: Buffer;
  #loaded = new Map<string, LoadedKey>();
  #lastReload = 0;

  constructor(
    db: Db,
    secret: string,
    private readonly clock: Clock,
    private readonly options: { rotationDays: number; accessTokenTtlSeconds: number; clockToleranceSeconds: number },
  ) {
    this.#keys = db.collection<SigningKeyDoc>(signingKeysCollection.name);
    this.#rotation = new Lease({ db, name: 'signing-keys.rotation', clock, ttlMs: 30_000 });
    this.#encryptionKey = Buffer.from(hkdfSync('sha256', secret, 'signing-keys', 'aes-256-gcm private JWK', 32));
  }

  /**
   * Loads the keys and makes a first (or fresh) key when there is none or it is too old. Instances
   * starting together take turns (a lease): the first makes the key, the others find it made.
   */
  async init(): Promise<void> {
    await this.reload();
    while (this.#needsNewKey()) {
      if (await this.#rotation.acquire()) {
        // Making a key takes milliseconds: well inside the lease, which needs no renewing.
        try {
          await this.reload();
          if (this.#needsNewKey()) await this.rotate();
        } finally {
          await this.#rotation.release();
        }
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      await this.reload();
    }
  }

  #needsNewKey(): boolean {
    const active = this.#active();
    return !active || this.clock.now().getTime() - active.createdAt.getTime() > this.options.rotationDays * msPerDay;
  }

  async reload(): Promise<void> {
    const docs = await this.#keys.find({}).toArray();
    const loaded = new Map<string, LoadedKey>();
    for (const doc of docs) {
      loaded.set(doc._id, {
        kid: doc._id,
        status: doc.status,
        createdAt: doc.createdAt,
        publishUntil: doc.publishUntil,
        publicJwk: doc.publicJwk,
        publicKey: (await importJWK(doc.publicJwk, signingAlgorithm)) as CryptoKey,
        privateKey:
          doc.status === 'active' ? ((await importJWK(this.#decrypt(doc), signingAlgorithm)) as CryptoKey) : undefined,
      });
    }
    this.#loaded = loaded;
    this.#lastReload = Date.now();
  }

  /** Makes a new signing key and retires the current one. Returns the new kid. */
  async rotate(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
    const kid = randomUUID();
    const now = this.clock.now();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: signingAlgorithm, use: 'sig' };
    const privateJwk = this.#encrypt({ ...(await exportJWK(privateKey)), kid, alg: signingAlgorithm }, kid);
    const publishUntil = new Date(
      now.getTime() + (this.options.accessTokenTtlSeconds + this.options.clockToleranceSeconds + 60) * 1000,
    );
    await this.#keys.deleteMany({ status: 'retired', publishUntil: { $lt: now } });
    await this.#keys.updateMany({ status: 'active' }, { $set: { status: 'retired', retiredAt: now, publishUntil } });
    try {
      await this.#keys.insertOne({
        _id: kid,
        alg: signingAlgorithm,
        status: 'active',
        publicJwk,
        privateJwk,
        createdAt: now,
      });
    } catch (error) {
      // Another instance rotated at the same moment; its key is as good as ours.
      if (!isDuplicateKey(error)) throw error;
    }
    await this.reload();
    return this.#active()!.kid;
  }

  signingKey(): { kid: string; key: CryptoKey } {
    const active = this.#active();
    if (!active?.privateKey) throw new Error('no active signing key; call init() first');
    return { kid: active.kid, key: active.privateKey };
  }

  /** The public key for a kid, if it is still published. Unknown kids trigger one reload (another instance may have rotated). */
  async verificationKey(kid: string | undefined): Promise<CryptoKey | undefined> {
    if (!kid) return undefined;
    let key = this.#loaded.get(kid);
    if (!key && Date.now() - this.#lastReload > 5000) {
      await this.reload();
      key = this.#loaded.get(kid);
    }
    return key && this.#published(key) ? key.publicKey : undefined;
  }

  jwks(): { keys: JWK[] } {
    return { keys: [...this.#loaded.values()].filter((key) => this.#published(key)).map((key) => key.publicJwk) };
  }

  #published(key: LoadedKey): boolean {
    return key.status === 'active' || (key.publishUntil !== undefined && key.publishUntil > this.clock.now());
  }

  #active(): LoadedKey | undefined {
    return [...this.#loaded.values()].find((key) => key.status === 'active');
  }

  #encrypt(jwk: JWK, kid: string): EncryptedJwk {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, iv);
    cipher.setAAD(Buffer.from(kid));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
    return {
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  #decrypt(doc: SigningKeyDoc): JWK {
    const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, Buffer.from(doc.privateJwk.iv, 'base64'));
    decipher.setAAD(Buffer.from(doc._id));
    decipher.setAuthTag(Buffer.from(doc.privateJwk.tag, 'base64'));
    try {
      const plain = Buffer.concat([
        decipher.update(Buffer.from(doc.privateJwk.ciphertext, 'base64')),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as JWK;
    } catch {
      throw new Error(
        `signing key ${doc._id} cannot be decrypted: TOKEN_KEYS_SECRET is not the one it was stored with`,
      );
    }
  }
}
