// Builds JSON Web Tokens by hand for the attack tests: any header, any claims,
// any signature (none, HMAC with a chosen secret, RSA with a chosen key), so a
// test can make exactly the malformed or forged token it is about. Nothing here
// goes through jose, which would refuse to make most of them.
import { createHmac, createSign, type KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';

export type Json = Record<string, unknown>;
export type Signer = (signingInput: string) => string;

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export function encodeSegment(value: Json): string {
  return b64url(JSON.stringify(value));
}

export function forgeJwt(header: Json, payload: Json, sign: Signer): string {
  const input = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  return `${input}.${sign(input)}`;
}

export const unsigned: Signer = () => '';

export const rs256 =
  (privateKey: KeyObject): Signer =>
  (input) =>
    createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');

export const hs256 =
  (secret: string | Buffer): Signer =>
  (input) =>
    createHmac('sha256', secret).update(input).digest('base64url');

/** The header and claims of a real token, to copy and change. */
export function parts(token: string): { header: Json; payload: Json; signature: string } {
  return {
    header: { ...decodeProtectedHeader(token) },
    payload: { ...decodeJwt(token) },
    signature: token.split('.')[2] ?? '',
  };
}

/** A copy of `object` without the named keys. */
export function omit(object: Json, ...keys: string[]): Json {
  return Object.fromEntries(Object.entries(object).filter(([k]) => !keys.includes(k)));
}
