// The access token, held in memory only: never written to localStorage, IndexedDB or
// a cookie, so nothing stored on the device can be replayed as the user, and a reload
// starts without one (the HttpOnly refresh cookie gets a new one). Its expiry is
// measured on this device's clock from `expiresIn`, not from the JWT's `exp`, so a
// device whose clock is wrong still renews on time.
import type { SessionResponse } from '../../shared/auth-api';

/** Renew when less than this is left of the access token's life. */
export const RENEW_MARGIN_MS = 60_000;

export function createTokenHolder(now: () => number) {
  let token: { value: string; expiresAt: number } | null = null;
  return {
    set(response: SessionResponse): string {
      token = { value: response.accessToken, expiresAt: now() + response.expiresIn * 1000 };
      return token.value;
    },
    clear(): void {
      token = null;
    },
    /** The token if it has at least RENEW_MARGIN_MS to live, else null. */
    fresh(): string | null {
      return token && token.expiresAt - now() >= RENEW_MARGIN_MS ? token.value : null;
    },
  };
}
