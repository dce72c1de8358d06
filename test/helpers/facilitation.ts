/**
 * What the facilitation and plan tests do over and over, against a real server: post a
 * facilitator action, open synced stock providers (and close them all at the end), join as a
 * participant with a private doc, and keep every byte a socket receives.
 */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { PROFILE_MAP } from '../../shared/facilitation.js'
import { connectProvider, waitForSync, type TestBoard } from './server.js'

export type ActionAnswer = { status: number; body: Record<string, unknown> }

/** POST /api/boards/:id/<path> with a JSON body and a bearer token (the facilitator's by default). */
export async function postBoard(serverUrl: string, board: TestBoard, path: string, body: unknown, token = board.tokens.facilitator): Promise<ActionAnswer> {
  const res = await fetch(`${serverUrl}/api/boards/${board.id}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/** Synced stock providers on one server, all destroyed by `closeAll` (call it in afterAll). */
export function providerPool(serverUrl: () => string) {
  const providers: WebsocketProvider[] = []
  const connect = async (room: string, token: string): Promise<WebsocketProvider> => {
    const p = connectProvider(serverUrl(), room, token)
    providers.push(p)
    await waitForSync(p)
    return p
  }
  /** A participant's private doc (its secret id `id`), holding their name. */
  const join = async (board: TestBoard, id: string, name: string): Promise<WebsocketProvider> => {
    const p = await connect(`${board.id}/private/${id}`, board.tokens.participant)
    p.doc.getMap(PROFILE_MAP).set('name', name)
    return p
  }
  const closeAll = () => {
    for (const p of providers.splice(0)) p.destroy()
  }
  return { connect, join, closeAll }
}

/** A stock provider whose socket keeps every byte it receives in `sink`. */
export function recordingProvider(serverUrl: string, room: string, token: string, sink: Buffer[]): WebsocketProvider {
  class RecordingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols)
      this.on('message', (data: Buffer) => sink.push(Buffer.from(data)))
    }
  }
  return new WebsocketProvider(serverUrl.replace(/^http/, 'ws') + '/sync', room, new Y.Doc(), {
    WebSocketPolyfill: RecordingSocket as never,
    params: { token },
    disableBc: true,
  })
}

/** Everything a recording socket received, as one string to search for a secret in. */
export function received(sink: Buffer[]): string {
  return Buffer.concat(sink).toString('latin1')
}
