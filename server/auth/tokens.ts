/**
 * Capability tokens: 128 random bits, base64url, shown once in a link's fragment. Only a
 * SHA-256 hash is stored, so a database leak does not leak links (SPEC R1).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function newToken(): string {
  return randomBytes(16).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Constant-time comparison of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest()
  const hb = createHash('sha256').update(b).digest()
  return timingSafeEqual(ha, hb)
}

/** Board ids: 96 random bits, URL-safe. Not secret, but not guessable either. */
export function newBoardId(): string {
  return randomBytes(12).toString('base64url')
}

export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/
