// The refresh token's only vehicle: the HttpOnly cookie pyb_rt, scoped to
// /api/auth so no other request carries it, SameSite=Strict so no other site
// can make the browser send it, and Secure whenever the server is public on https.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const REFRESH_COOKIE = 'pyb_rt';
const PATH = '/api/auth';

export function readRefreshCookie(c: Context): string | undefined {
  return getCookie(c, REFRESH_COOKIE);
}

export function setRefreshCookie(c: Context, token: string, maxAge: number, secure: boolean) {
  setCookie(c, REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: PATH,
    secure,
    maxAge,
  });
}

export function clearRefreshCookie(c: Context, secure: boolean) {
  deleteCookie(c, REFRESH_COOKIE, { httpOnly: true, sameSite: 'Strict', path: PATH, secure });
}
