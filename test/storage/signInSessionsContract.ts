/**
 * The contract of sign-in sessions (SPEC R17), part of the Storage contract run against SQLite
 * and PostgreSQL: stored by the hash of the cookie value, gone once expired, gone after logout.
 */
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { SignInSessionRecord, Storage } from '../../server/storage/Storage.js'

const hash = () => crypto.randomBytes(32).toString('hex')

function session(overrides: Partial<SignInSessionRecord> = {}): SignInSessionRecord {
  return {
    idHash: hash(),
    subject: 'https://id.example/ 248289761001',
    name: 'Ada Lovelace',
    email: 'ada@agency.example',
    createdAt: 1_700_000_000_000,
    expiresAt: 1_700_000_600_000,
    ...overrides,
  }
}

export function signInSessionContract(get: () => Storage): void {
  describe('sign-in sessions [R17]', () => {
    it('a stored session is found by its hash until it expires; an unknown hash finds nothing', async () => {
      const storage = get()
      const s = session()
      await storage.createSignInSession(s)
      expect(await storage.getSignInSession(s.idHash, s.createdAt + 1)).toEqual(s)
      expect(await storage.getSignInSession(s.idHash, s.expiresAt - 1)).toEqual(s)
      expect(await storage.getSignInSession(s.idHash, s.expiresAt)).toBeNull()
      expect(await storage.getSignInSession(s.idHash, s.expiresAt + 60_000)).toBeNull()
      expect(await storage.getSignInSession(hash(), s.createdAt + 1)).toBeNull()
    })

    it('a session without an email keeps null; a duplicate hash is refused', async () => {
      const storage = get()
      const s = session({ email: null, name: 'Grace' })
      await storage.createSignInSession(s)
      expect(await storage.getSignInSession(s.idHash, s.createdAt)).toEqual(s)
      await expect(storage.createSignInSession({ ...s, name: 'Mallory' })).rejects.toThrow()
      expect((await storage.getSignInSession(s.idHash, s.createdAt))?.name).toBe('Grace')
    })

    it('logout deletes one session and leaves the others', async () => {
      const storage = get()
      const mine = session()
      const other = session({ name: 'Other' })
      await storage.createSignInSession(mine)
      await storage.createSignInSession(other)
      expect(await storage.deleteSignInSession(mine.idHash)).toBe(true)
      expect(await storage.deleteSignInSession(mine.idHash)).toBe(false)
      expect(await storage.getSignInSession(mine.idHash, mine.createdAt)).toBeNull()
      expect(await storage.getSignInSession(other.idHash, other.createdAt)).toEqual(other)
    })

    it('sweeping removes exactly the expired sessions', async () => {
      const storage = get()
      // Far in the future, so that sessions of other tests in this store are swept too and counted apart.
      const base = 4_000_000_000_000
      const old = session({ createdAt: base, expiresAt: base + 1000 })
      const fresh = session({ createdAt: base, expiresAt: base + 5000 })
      await storage.createSignInSession(old)
      await storage.createSignInSession(fresh)
      const swept = await storage.deleteExpiredSignInSessions(base + 2000)
      expect(swept).toBeGreaterThanOrEqual(1)
      expect(await storage.getSignInSession(fresh.idHash, base + 2000)).toEqual(fresh)
      expect(await storage.deleteSignInSession(old.idHash)).toBe(false)
      expect(await storage.deleteExpiredSignInSessions(base + 2000)).toBe(0)
    })
  })
}
