/**
 * The contract of spaces, board settings, custom templates, attendance, check-ins and people
 * (issues 15–17), registered inside `storageContract` so that every store runs it. Rule ids
 * cite docs/SPEC.md. Every test works on its own ids (one store per file).
 */
import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { BoardRecord, PersonRecord, SpaceRecord, Storage, TemplateRecord } from '../../server/storage/Storage.js'

const uid = (prefix: string) => `${prefix}${crypto.randomBytes(6).toString('hex')}`

function board(overrides: Partial<BoardRecord> = {}): BoardRecord {
  return { id: uid('b'), title: 'Session', template: null, createdAt: 1000, updatedAt: 1000, archived: false, ...overrides }
}

function space(overrides: Partial<SpaceRecord> = {}): SpaceRecord {
  return { id: uid('s'), title: 'Team Alpha', createdAt: 500, settings: {}, ...overrides }
}

function template(overrides: Partial<TemplateRecord> = {}): TemplateRecord {
  return {
    id: uid('t'),
    name: 'Our retro',
    author: 'Ann',
    locale: 'en',
    body: JSON.stringify({ version: 1, activities: [{ kind: 'retro', title: 'Été — “quotes” & <tags>' }] }),
    manageTokenHash: uid('hash'),
    createdAt: 100,
    updatedAt: 100,
    ...overrides,
  }
}

function person(scopeId: string, overrides: Partial<PersonRecord> = {}): PersonRecord {
  return { id: uid('p'), scopeId, name: 'Bo', status: 'waiting', createdAt: 100, ...overrides }
}

export function teamStorageContract(get: () => Storage): void {
  describe('spaces [R6] [R8] [R9]', () => {
    it('[R6] creates a space with one link hash per role and finds each by its hash', async () => {
      const storage = get()
      const s = space({ settings: { admission: true, nested: { a: [1, 'x'] } } })
      await storage.createSpace(s, [
        { hash: `${s.id}-f`, role: 'facilitator' },
        { hash: `${s.id}-m`, role: 'member' },
        { hash: `${s.id}-v`, role: 'viewer' },
      ])
      expect(await storage.getSpace(s.id)).toEqual(s)
      expect(await storage.findSpaceByTokenHash(`${s.id}-f`)).toEqual({ spaceId: s.id, role: 'facilitator' })
      expect(await storage.findSpaceByTokenHash(`${s.id}-m`)).toEqual({ spaceId: s.id, role: 'member' })
      expect(await storage.findSpaceByTokenHash(`${s.id}-v`)).toEqual({ spaceId: s.id, role: 'viewer' })
      expect(await storage.findSpaceByTokenHash(uid('nope'))).toBeNull()
      expect(await storage.getSpace(uid('s'))).toBeNull()
      // A board token is not a space token, nor the reverse.
      const b = board()
      await storage.createBoard(b, [{ hash: `${b.id}-f`, role: 'facilitator' }])
      expect(await storage.findSpaceByTokenHash(`${b.id}-f`)).toBeNull()
      expect(await storage.findToken(`${s.id}-f`)).toBeNull()
    })

    it('a space creation that fails leaves nothing behind (one transaction)', async () => {
      const storage = get()
      const s = space()
      const dup = `${s.id}-dup`
      await expect(
        storage.createSpace(s, [
          { hash: dup, role: 'facilitator' },
          { hash: dup, role: 'member' },
        ]),
      ).rejects.toThrow()
      expect(await storage.getSpace(s.id)).toBeNull()
      expect(await storage.findSpaceByTokenHash(dup)).toBeNull()
    })

    it('updates title and settings independently', async () => {
      const storage = get()
      const s = space({ settings: { admission: false } })
      await storage.createSpace(s, [])
      await storage.updateSpace(s.id, { title: 'Team Beta' })
      expect(await storage.getSpace(s.id)).toEqual({ ...s, title: 'Team Beta' })
      await storage.updateSpace(s.id, { settings: { admission: true } })
      expect(await storage.getSpace(s.id)).toEqual({ ...s, title: 'Team Beta', settings: { admission: true } })
      await storage.updateSpace(uid('s'), { title: 'ghost' }) // a missing space is not an error
    })

    it('[R9] rotating one link replaces that role only; the old hash stops matching at once', async () => {
      const storage = get()
      const s = space()
      await storage.createSpace(s, [
        { hash: `${s.id}-f`, role: 'facilitator' },
        { hash: `${s.id}-m1`, role: 'member' },
        { hash: `${s.id}-v`, role: 'viewer' },
      ])
      await storage.rotateSpaceLink(s.id, 'member', `${s.id}-m2`)
      expect(await storage.findSpaceByTokenHash(`${s.id}-m1`)).toBeNull()
      expect(await storage.findSpaceByTokenHash(`${s.id}-m2`)).toEqual({ spaceId: s.id, role: 'member' })
      expect(await storage.findSpaceByTokenHash(`${s.id}-f`)).toEqual({ spaceId: s.id, role: 'facilitator' })
      expect(await storage.findSpaceByTokenHash(`${s.id}-v`)).toEqual({ spaceId: s.id, role: 'viewer' })
    })

    it('[R8] a board is in at most one space; boards of a space are listed oldest first', async () => {
      const storage = get()
      const a = space()
      const other = space()
      await storage.createSpace(a, [])
      await storage.createSpace(other, [])
      const first = board({ title: 'Kick-off', createdAt: 3000, updatedAt: 9000 })
      const second = board({ title: 'Retro 1', createdAt: 4000, updatedAt: 4000 })
      const loose = board({ title: 'Loose', createdAt: 1000 })
      await storage.createBoard(second, [], { spaceId: a.id })
      await storage.createBoard(first, [])
      await storage.createBoard(loose, [])
      expect(await storage.getBoardSpace(first.id)).toBeNull()
      await storage.setBoardSpace(first.id, a.id)
      expect(await storage.getBoardSpace(first.id)).toBe(a.id)
      expect(await storage.getBoardSpace(second.id)).toBe(a.id)
      expect(await storage.listSpaceBoards(a.id)).toEqual([first, second]) // by creation, not update
      expect(await storage.getBoard(first.id)).toEqual(first) // BoardRecord unchanged by membership

      await storage.setBoardSpace(second.id, other.id) // moving it is leaving the first space
      expect(await storage.listSpaceBoards(a.id)).toEqual([first])
      expect(await storage.listSpaceBoards(other.id)).toEqual([second])
      await storage.setBoardSpace(first.id, null)
      expect(await storage.getBoardSpace(first.id)).toBeNull()
      expect(await storage.listSpaceBoards(a.id)).toEqual([])
      expect(await storage.listSpaceBoards(uid('s'))).toEqual([])
    })

    it('moving a board into a space that does not exist is refused and changes nothing', async () => {
      const storage = get()
      const s = space()
      await storage.createSpace(s, [])
      const b = board()
      await storage.createBoard(b, [], { spaceId: s.id })
      await expect(storage.setBoardSpace(b.id, uid('s'))).rejects.toThrow()
      expect(await storage.getBoardSpace(b.id)).toBe(s.id)
      await expect(storage.createBoard(board(), [], { spaceId: uid('s') })).rejects.toThrow()
    })

    it('deleting a space removes its links, people and check-ins; its boards stay, in no space, with their links', async () => {
      const storage = get()
      const s = space()
      await storage.createSpace(s, [{ hash: `${s.id}-m`, role: 'member' }])
      const b = board()
      await storage.createBoard(b, [{ hash: `${b.id}-p`, role: 'participant' }], { spaceId: s.id })
      const p = person(s.id)
      await storage.createPerson(p, `${p.id}-cred`)
      await storage.addCheckIn({ scopeId: s.id, boardId: b.id, noteId: 'shape:c', status: 'done', note: '', at: 1 })
      await storage.deleteSpace(s.id)
      expect(await storage.getSpace(s.id)).toBeNull()
      expect(await storage.findSpaceByTokenHash(`${s.id}-m`)).toBeNull()
      expect(await storage.findPersonByCredentialHash(`${p.id}-cred`)).toBeNull()
      expect(await storage.listCheckIns(s.id)).toEqual([])
      expect(await storage.getBoard(b.id)).toEqual(b)
      expect(await storage.getBoardSpace(b.id)).toBeNull()
      expect(await storage.findToken(`${b.id}-p`)).toEqual({ boardId: b.id, role: 'participant' })
    })
  })

  describe('facilitator doc [R10]', () => {
    it('is stored under <board>/facilitator, apart from the private docs, and goes with its board', async () => {
      const storage = get()
      const b = board()
      await storage.createBoard(b, [])
      await storage.appendUpdates(`${b.id}/facilitator`, [new Uint8Array([1])])
      await storage.appendUpdates(`${b.id}/private/${'p'.repeat(22)}`, [new Uint8Array([2])])
      expect(await storage.listDocKeys(`${b.id}/private/`)).toEqual([`${b.id}/private/${'p'.repeat(22)}`])
      expect((await storage.loadDoc(`${b.id}/facilitator`)).updates.map((u) => Array.from(u))).toEqual([[1]])
      await storage.deleteBoard(b.id)
      expect(await storage.loadDoc(`${b.id}/facilitator`)).toEqual({ snapshot: null, updates: [] })
    })
  })

  describe('board settings [R12]', () => {
    it('are {} by default (admission off), set at creation or later, replaced whole', async () => {
      const storage = get()
      const plain = board()
      await storage.createBoard(plain, [])
      expect(await storage.getBoardSettings(plain.id)).toEqual({})
      const gated = board()
      await storage.createBoard(gated, [], { settings: { admission: true } })
      expect(await storage.getBoardSettings(gated.id)).toEqual({ admission: true })
      await storage.setBoardSettings(gated.id, { admission: false, lobbyMessage: 'Wait — bientôt' })
      expect(await storage.getBoardSettings(gated.id)).toEqual({ admission: false, lobbyMessage: 'Wait — bientôt' })
      expect(await storage.getBoardSettings(plain.id)).toEqual({})
      expect(await storage.getBoardSettings(uid('b'))).toEqual({})
      await storage.setBoardSettings(uid('b'), { admission: true }) // a missing board is not an error
    })
  })

  describe('custom templates [R11]', () => {
    it('saves and reads a template back, body byte for byte', async () => {
      const storage = get()
      const big = 'x'.repeat(200_000)
      const t = template({ body: JSON.stringify({ version: 1, text: big, emoji: '🧭' }) })
      await storage.saveTemplate(t)
      expect(await storage.getTemplate(t.id)).toEqual(t)
      expect(await storage.getTemplate(uid('t'))).toBeNull()
    })

    it('an existing id is never overwritten', async () => {
      const storage = get()
      const t = template()
      await storage.saveTemplate(t)
      await expect(storage.saveTemplate({ ...t, name: 'Hijack', manageTokenHash: 'other' })).rejects.toThrow()
      expect(await storage.getTemplate(t.id)).toEqual(t)
    })

    it('lists newest first without body or manage hash, by locale, with a limit', async () => {
      const storage = get()
      const marker = uid('loc') // a locale of its own, so other tests' templates stay out
      const older = template({ locale: marker, createdAt: 10, updatedAt: 10 })
      const newer = template({ locale: marker, createdAt: 20, updatedAt: 25, name: 'Newer', author: 'Bo' })
      const french = template({ locale: `${marker}fr`, createdAt: 30, updatedAt: 30 })
      for (const t of [older, newer, french]) await storage.saveTemplate(t)
      const summary = (t: TemplateRecord) => ({
        id: t.id,
        name: t.name,
        author: t.author,
        locale: t.locale,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      })
      expect(await storage.listTemplates({ locale: marker })).toEqual([summary(newer), summary(older)])
      expect(await storage.listTemplates({ locale: marker, limit: 1 })).toEqual([summary(newer)])
      const all = await storage.listTemplates()
      expect(all.map((t) => t.id)).toEqual(expect.arrayContaining([older.id, newer.id, french.id]))
      for (const t of all) expect(Object.keys(t).sort()).toEqual(['author', 'createdAt', 'id', 'locale', 'name', 'updatedAt'])
    })

    it('updates the given fields only, and deletes; both say whether the template existed', async () => {
      const storage = get()
      const t = template()
      await storage.saveTemplate(t)
      expect(await storage.updateTemplate(t.id, { name: 'Renamed', updatedAt: 200 })).toBe(true)
      expect(await storage.getTemplate(t.id)).toEqual({ ...t, name: 'Renamed', updatedAt: 200 })
      expect(await storage.updateTemplate(t.id, { body: '{"version":2}', locale: 'fr' })).toBe(true)
      expect(await storage.getTemplate(t.id)).toEqual({ ...t, name: 'Renamed', updatedAt: 200, body: '{"version":2}', locale: 'fr' })
      expect(await storage.updateTemplate(uid('t'), { name: 'ghost' })).toBe(false)
      expect(await storage.deleteTemplate(t.id)).toBe(true)
      expect(await storage.getTemplate(t.id)).toBeNull()
      expect((await storage.listTemplates()).map((x) => x.id)).not.toContain(t.id)
      expect(await storage.deleteTemplate(t.id)).toBe(false)
    })

    it('keeps a template file near the size limit (1 MiB) and hostile-looking names exactly, and changes the author alone', async () => {
      const storage = get()
      const body = JSON.stringify({ format: 'workshop-canvas/template', version: 1, description: 'é'.repeat(400_000), note: "'); DROP TABLE templates; --" })
      expect(Buffer.byteLength(body)).toBeGreaterThan(800_000)
      const t = template({ id: `custom-${crypto.randomBytes(16).toString('base64url')}`, name: "Robert'); DROP TABLE templates;--", author: '<script>alert(1)</script>', body })
      await storage.saveTemplate(t)
      expect(await storage.getTemplate(t.id)).toEqual(t)
      expect(await storage.updateTemplate(t.id, { author: 'Zoë', updatedAt: 300 })).toBe(true)
      expect(await storage.getTemplate(t.id)).toEqual({ ...t, author: 'Zoë', updatedAt: 300 })
      expect((await storage.listTemplates()).find((x) => x.id === t.id)).toEqual({ id: t.id, name: t.name, author: 'Zoë', locale: 'en', createdAt: t.createdAt, updatedAt: 300 })
    })

    it('saves made at the same time are all kept, and a failed duplicate changes nothing', async () => {
      const storage = get()
      const marker = uid('par')
      const many = Array.from({ length: 8 }, (_, i) => template({ locale: marker, createdAt: 1000 + i, updatedAt: 1000 + i }))
      await Promise.all(many.map((t) => storage.saveTemplate(t)))
      await expect(storage.saveTemplate({ ...many[0]!, locale: `${marker}x` })).rejects.toThrow()
      expect((await storage.listTemplates({ locale: marker })).map((t) => t.id)).toEqual([...many].reverse().map((t) => t.id))
      expect(await storage.listTemplates({ locale: `${marker}x` })).toEqual([])
    })
  })

  describe('attendance [T1]', () => {
    it('[T1] one row per board and person: keeps the first time seen, advances the last, latest name and role', async () => {
      const storage = get()
      const b = board()
      const other = board()
      await storage.createBoard(b, [])
      await storage.createBoard(other, [])
      await storage.recordAttendance({ boardId: b.id, personKey: 'k-ann', name: 'Ann', role: 'participant', at: 2000 })
      await storage.recordAttendance({ boardId: b.id, personKey: 'k-bo', name: 'Bo', role: 'facilitator', at: 1500 })
      await storage.recordAttendance({ boardId: b.id, personKey: 'k-ann', name: 'Ann B.', role: 'facilitator', at: 6000 })
      // A late-arriving older sighting moves the first time back but not the name or the last time.
      await storage.recordAttendance({ boardId: b.id, personKey: 'k-ann', name: 'Old name', role: 'viewer', at: 1000 })
      await storage.recordAttendance({ boardId: other.id, personKey: 'k-ann', name: 'Ann', role: 'viewer', at: 9000 })
      expect(await storage.listAttendance(b.id)).toEqual([
        { boardId: b.id, personKey: 'k-ann', name: 'Ann B.', role: 'facilitator', firstSeen: 1000, lastSeen: 6000 },
        { boardId: b.id, personKey: 'k-bo', name: 'Bo', role: 'facilitator', firstSeen: 1500, lastSeen: 1500 },
      ])
      expect(await storage.listAttendance(other.id)).toEqual([
        { boardId: other.id, personKey: 'k-ann', name: 'Ann', role: 'viewer', firstSeen: 9000, lastSeen: 9000 },
      ])
      expect(await storage.listAttendance(uid('b'))).toEqual([])
    })

    it('[T1] is listed for a whole space, board by board in session order', async () => {
      const storage = get()
      const s = space()
      await storage.createSpace(s, [])
      const later = board({ createdAt: 2000 })
      const earlier = board({ createdAt: 1000 })
      const outside = board()
      await storage.createBoard(later, [], { spaceId: s.id })
      await storage.createBoard(earlier, [], { spaceId: s.id })
      await storage.createBoard(outside, [])
      await storage.recordAttendance({ boardId: later.id, personKey: 'k1', name: 'Ann', role: 'participant', at: 50 })
      await storage.recordAttendance({ boardId: earlier.id, personKey: 'k2', name: 'Bo', role: 'participant', at: 70 })
      await storage.recordAttendance({ boardId: earlier.id, personKey: 'k1', name: 'Ann', role: 'facilitator', at: 60 })
      await storage.recordAttendance({ boardId: outside.id, personKey: 'k1', name: 'Ann', role: 'participant', at: 10 })
      const rows = await storage.listSpaceAttendance(s.id)
      expect(rows.map((r) => [r.boardId, r.name, r.role])).toEqual([
        [earlier.id, 'Ann', 'facilitator'],
        [earlier.id, 'Bo', 'participant'],
        [later.id, 'Ann', 'participant'],
      ])
      expect(await storage.listSpaceAttendance(uid('s'))).toEqual([])
    })

    it('goes with its board', async () => {
      const storage = get()
      const b = board()
      await storage.createBoard(b, [])
      await storage.recordAttendance({ boardId: b.id, personKey: 'k', name: 'Cy', role: 'participant', at: 1 })
      await storage.deleteBoard(b.id)
      expect(await storage.listAttendance(b.id)).toEqual([])
    })
  })

  describe('commitment check-ins [T3]', () => {
    it('[T3] are kept as rows, listed oldest first, per scope, board and note', async () => {
      const storage = get()
      const s = space()
      await storage.createSpace(s, [])
      const b1 = board()
      const b2 = board()
      await storage.createBoard(b1, [], { spaceId: s.id })
      await storage.createBoard(b2, [], { spaceId: s.id })
      const late = await storage.addCheckIn({ scopeId: s.id, boardId: b1.id, noteId: 'shape:c1', status: 'done', note: 'Shipped ✔', at: 3000 })
      const early = await storage.addCheckIn({ scopeId: s.id, boardId: b1.id, noteId: 'shape:c1', status: 'in-progress', note: '', at: 1000 })
      const otherNote = await storage.addCheckIn({ scopeId: s.id, boardId: b1.id, noteId: 'shape:c2', status: 'dropped', note: 'No budget', at: 2000 })
      const otherBoard = await storage.addCheckIn({ scopeId: s.id, boardId: b2.id, noteId: 'shape:c1', status: 'in-progress', note: '', at: 2500 })
      await storage.addCheckIn({ scopeId: b1.id, boardId: b1.id, noteId: 'shape:c1', status: 'done', note: '', at: 500 })
      expect(late).toEqual({ id: expect.any(Number), scopeId: s.id, boardId: b1.id, noteId: 'shape:c1', status: 'done', note: 'Shipped ✔', at: 3000 })
      expect(new Set([late.id, early.id, otherNote.id, otherBoard.id]).size).toBe(4)
      expect(await storage.listCheckIns(s.id)).toEqual([early, otherNote, otherBoard, late])
      expect(await storage.listCheckIns(s.id, { boardId: b1.id, noteId: 'shape:c1' })).toEqual([early, late])
      expect(await storage.listCheckIns(s.id, { noteId: 'shape:c1' })).toEqual([early, otherBoard, late])
      expect(await storage.listCheckIns(s.id, { boardId: b2.id })).toEqual([otherBoard])
      expect(await storage.listCheckIns(b1.id)).toHaveLength(1) // a board's own scope
    })

    it('go with the board of their note', async () => {
      const storage = get()
      const s = space()
      await storage.createSpace(s, [])
      const b = board()
      const kept = board()
      await storage.createBoard(b, [], { spaceId: s.id })
      await storage.createBoard(kept, [], { spaceId: s.id })
      await storage.addCheckIn({ scopeId: s.id, boardId: b.id, noteId: 'shape:x', status: 'done', note: '', at: 1 })
      const stays = await storage.addCheckIn({ scopeId: s.id, boardId: kept.id, noteId: 'shape:y', status: 'done', note: '', at: 2 })
      await storage.deleteBoard(b.id)
      expect(await storage.listCheckIns(s.id)).toEqual([stays])
    })
  })

  describe('people under admission [R12] [R14]', () => {
    it('[R12] creates a person with a credential hash, found by it; ids and hashes are unique', async () => {
      const storage = get()
      const b = board()
      await storage.createBoard(b, [])
      const p = person(b.id, { name: 'Dee' })
      await storage.createPerson(p, `${p.id}-cred`)
      expect(await storage.getPerson(p.id)).toEqual(p)
      expect(await storage.findPersonByCredentialHash(`${p.id}-cred`)).toEqual(p)
      expect(await storage.findPersonByCredentialHash(uid('cred'))).toBeNull()
      expect(await storage.getPerson(uid('p'))).toBeNull()
      await expect(storage.createPerson(person(b.id), `${p.id}-cred`)).rejects.toThrow() // same credential
      await expect(storage.createPerson({ ...p, name: 'Other' }, uid('cred'))).rejects.toThrow() // same id
      expect(await storage.listPeople(b.id)).toEqual([p])
    })

    it('[R14] moves from waiting to admitted to revoked; renames; a replaced credential stops matching', async () => {
      const storage = get()
      const scope = uid('b')
      const p = person(scope)
      await storage.createPerson(p, `${p.id}-c1`)
      expect(await storage.setPersonStatus(p.id, 'admitted')).toBe(true)
      expect(await storage.renamePerson(p.id, 'Bo Larsen')).toBe(true)
      expect(await storage.findPersonByCredentialHash(`${p.id}-c1`)).toEqual({ ...p, status: 'admitted', name: 'Bo Larsen' })
      expect(await storage.replacePersonCredential(p.id, `${p.id}-c2`)).toBe(true)
      expect(await storage.findPersonByCredentialHash(`${p.id}-c1`)).toBeNull()
      expect(await storage.findPersonByCredentialHash(`${p.id}-c2`)).toEqual({ ...p, status: 'admitted', name: 'Bo Larsen' })
      expect(await storage.setPersonStatus(p.id, 'revoked')).toBe(true)
      expect((await storage.findPersonByCredentialHash(`${p.id}-c2`))?.status).toBe('revoked')
      const ghost = uid('p')
      expect(await storage.setPersonStatus(ghost, 'admitted')).toBe(false)
      expect(await storage.renamePerson(ghost, 'x')).toBe(false)
      expect(await storage.replacePersonCredential(ghost, uid('c'))).toBe(false)
    })

    it('lists the people of a scope oldest first, by status when asked', async () => {
      const storage = get()
      const scope = uid('s')
      const a = person(scope, { name: 'A', createdAt: 300, status: 'admitted' })
      const w = person(scope, { name: 'W', createdAt: 100 })
      const r = person(scope, { name: 'R', createdAt: 200, status: 'revoked' })
      const elsewhere = person(uid('s'), { createdAt: 50 })
      for (const p of [a, w, r, elsewhere]) await storage.createPerson(p, `${p.id}-cred`)
      expect(await storage.listPeople(scope)).toEqual([w, r, a])
      expect(await storage.listPeople(scope, { status: 'waiting' })).toEqual([w])
      expect(await storage.listPeople(scope, { status: 'admitted' })).toEqual([a])
      expect(await storage.listPeople(uid('s'))).toEqual([])
    })

    it('a board deleted takes the people of its own scope with it', async () => {
      const storage = get()
      const b = board()
      await storage.createBoard(b, [])
      const p = person(b.id)
      await storage.createPerson(p, `${p.id}-cred`)
      await storage.deleteBoard(b.id)
      expect(await storage.getPerson(p.id)).toBeNull()
      expect(await storage.findPersonByCredentialHash(`${p.id}-cred`)).toBeNull()
    })
  })
}
