// Password hashing with node:crypto scrypt (no native addon; it runs on the
// libuv pool, off the event loop). The stored string names its parameters, so
// hashes made with other parameters still verify and can be upgraded on login:
//   $scrypt$v=1$N=65536,r=8,p=2$<salt base64>$<key base64>
// N=2^16, r=8, p=2 (64 MiB) is OWASP's scrypt equivalent of its Argon2id advice.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const PRODUCTION_SCRYPT: ScryptParams = { N: 2 ** 16, r: 8, p: 2 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const FORMAT = /^\$scrypt\$v=1\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/**
 * Hashes at once, per process: one. Each takes 64 MiB (outside the V8 heap) for about a
 * third of a second of one core: ten sign-ins arriving together would need 640 MiB, and
 * even two at once put 128 MiB on top of the server's own memory (a 224 MiB peak, against
 * 175 MiB with one; scripts/bench-memory.ts). The small machines this server is sized
 * for have one core, so a second hash would only share it. The others wait their turn
 * in arrival order (a sign-in is slower, never refused).
 */
export const MAX_CONCURRENT_HASHES = 1;
let activeHashes = 0;
let peakHashes = 0;
const waitingHashes: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (activeHashes < MAX_CONCURRENT_HASHES) activeHashes += 1;
  else await new Promise<void>((resolve) => waitingHashes.push(resolve)); // handed a slot
  peakHashes = Math.max(peakHashes, activeHashes);
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, so no newcomer can slip in between.
    const next = waitingHashes.shift();
    if (next) next();
    else activeHashes -= 1;
  }
}

/** The most hashes that ran at once since the last call (for tests). */
export function takePeakConcurrentHashes(): number {
  const peak = peakHashes;
  peakHashes = activeHashes;
  return peak;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is below what N=2^16, r=8 needs (128·N·r = 64 MiB).
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return withHashSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(normalize(password), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

/** NFKC, so the same password typed on two keyboards (NFC vs NFD) matches. */
const normalize = (password: string) => password.normalize('NFKC');

export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return `$scrypt$v=1$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export interface VerifyResult {
  ok: boolean;
  /** The hash was made with other parameters: store a fresh one. */
  needsRehash: boolean;
}

export async function verifyPassword(
  password: string,
  stored: string,
  current: ScryptParams,
): Promise<VerifyResult> {
  const m = FORMAT.exec(stored);
  if (!m) return { ok: false, needsRehash: false };
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const expected = Buffer.from(m[5] ?? '', 'base64');
  const key = await derive(password, Buffer.from(m[4] ?? '', 'base64'), params);
  const ok = key.length === expected.length && timingSafeEqual(key, expected);
  const needsRehash = params.N !== current.N || params.r !== current.r || params.p !== current.p;
  return { ok, needsRehash };
}

/**
 * A hash of a random password, made once per process. Logins for unknown emails
 * verify against it, so they cost the same scrypt work as real ones and the
 * answer time does not tell whether an account exists.
 */
export function dummyHash(params: ScryptParams): Promise<string> {
  return hashPassword(randomBytes(18).toString('base64'), params);
}
