/**
 * Attendance under admission (issue 16 × issue 17, SPEC T1/R12): the board report lists an
 * admitted person by the name the facilitator admitted (their credential's), not by the name
 * their page declares in its presence. Stock y-websocket clients; the report read over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectProvider, createTestBoard, startTestServer, waitForSync } from '../helpers/server.js'
import { api, type Server } from '../spaces/support.js'

describe('attendance under admission (issue 16)', () => {
  let server: Server
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('records the admitted name of a credential, whatever name its page gives', async () => {
    const board = await createTestBoard(server.url, 'Admitted session')
    expect((await api(server, `/api/boards/${board.id}/settings`, board.tokens.facilitator, { method: 'PATCH', json: { admission: true } })).status).toBe(200)
    const joined = (await (await api(server, `/api/boards/${board.id}/lobby`, board.tokens.participant, { method: 'POST', json: { name: 'Wanda' } })).json()) as { person: { id: string }; credential: string }
    expect((await api(server, `/api/boards/${board.id}/people/${joined.person.id}/admit`, board.tokens.facilitator, { method: 'POST' })).status).toBe(200)

    const facilitator = connectProvider(server.url, board.id, board.tokens.facilitator)
    facilitator.awareness.setLocalStateField('user', { id: 'fac-1', name: 'Fatima', color: '#1e6fd9' })
    const wanda = connectProvider(server.url, board.id, joined.credential)
    wanda.awareness.setLocalStateField('user', { id: 'page-w', name: 'Impostor', color: '#c2185b' })
    await Promise.all([waitForSync(facilitator), waitForSync(wanda)])

    let md = ''
    for (let i = 0; i < 100 && !md.includes('Wanda'); i++) {
      await new Promise((r) => setTimeout(r, 50))
      md = await (await api(server, `/api/boards/${board.id}/export?format=md`, board.tokens.facilitator)).text()
    }
    const attendance = md.split('\n').find((line) => line.startsWith('**Attendance'))
    expect(attendance).toBe('**Attendance (2):** Fatima (facilitator), Wanda (participant)')
    expect(md).not.toContain('Impostor')
    facilitator.destroy()
    wanda.destroy()
  })

  it('lists a person once per role when their name comes from two devices or two visits (case, spaces and accents aside)', async () => {
    const board = await createTestBoard(server.url, 'Two devices')
    const pages = [
      { id: 'laptop-julie', name: 'Julie', token: board.tokens.facilitator },
      { id: 'phone-julie', name: ' julie ', token: board.tokens.facilitator },
      { id: 'phone-elise', name: 'Élise', token: board.tokens.participant },
      { id: 'laptop-elise', name: 'Elise', token: board.tokens.participant },
      { id: 'bo', name: 'Bo', token: board.tokens.participant },
      // The same name with another role is listed for that role too.
      { id: 'julie-watching', name: 'Julie', token: board.tokens.participant },
    ]
    const providers = pages.map((p, i) => {
      const provider = connectProvider(server.url, board.id, p.token)
      provider.awareness.setLocalStateField('user', { id: p.id, name: p.name, color: `#1e6fd${i}` })
      return provider
    })
    await Promise.all(providers.map((p) => waitForSync(p)))
    let md = ''
    for (let i = 0; i < 100 && !(md.includes('Bo (') && md.includes('Julie (participant)')); i++) {
      await new Promise((r) => setTimeout(r, 50))
      md = await (await api(server, `/api/boards/${board.id}/export?format=md`, board.tokens.facilitator)).text()
    }
    const line = (start: string) => md.split('\n').find((l) => l.startsWith(start))
    expect(line('**Facilitator')?.toLowerCase()).toBe('**facilitator:** julie  ')
    // In the order first seen, which for pages joining together is the server's to decide.
    const attendance = line('**Attendance')!
    expect(attendance.startsWith('**Attendance (4):** ')).toBe(true)
    // Whichever of "Élise" and "Elise" came first is the one listed.
    const plain = (entry: string) => entry.normalize('NFD').replace(/\p{M}/gu, '')
    expect(attendance.slice('**Attendance (4):** '.length).split(', ').map(plain).sort()).toEqual(['Bo (participant)', 'Elise (participant)', 'Julie (facilitator)', 'Julie (participant)'])
    for (const p of providers) p.destroy()
  })
})
