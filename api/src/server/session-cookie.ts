import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'mahalleh_session';

export function setSessionCookie(res: Response | undefined, token: string, expiresAt: Date, secure: boolean): void {
  res?.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(res: Response | undefined, secure: boolean): void {
  res?.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** The session token from `Authorization: Bearer` (API clients) or the portal's cookie. */
export function tokenFrom(headers: { authorization?: string; cookie?: string }): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return readCookie(headers.cookie, SESSION_COOKIE);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export const requestToken = (req: Request) => tokenFrom(req.headers);
