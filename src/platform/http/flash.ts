// One-time status messages after a redirect ("Saved", "Check your e-mail"), carried in a short-lived
// signed cookie so they survive the Post/Redirect/Get round trip without server state.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isMessageKey, type MessageKey } from '../i18n/index.js';

const FLASH_COOKIE = 'allmanning_flash';

export function setFlash(reply: FastifyReply, key: MessageKey): void {
  reply.setCookie(FLASH_COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
}

/** Reads and clears the flash message, if a valid one was set. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): MessageKey | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value && isMessageKey(unsigned.value) ? unsigned.value : undefined;
}
