/**
 * One benchmark client, whatever the server: the stock y-websocket `WebsocketProvider` (our
 * server and the y-websocket reference server) or Hocuspocus's own provider.
 */
import WebSocket from 'ws'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export type ClientKind = 'y-websocket' | 'hocuspocus'

/** How to reach one board: `url` is the provider's base url (ws://host:port[/sync]). */
export type ClientSpec = { kind: ClientKind; url: string; room: string; token?: string }

export type BenchClient = {
  doc: Y.Doc
  awareness: Awareness
  isSynced(): boolean
  destroy(): void
}

type HocuspocusModule = {
  HocuspocusProvider: new (config: Record<string, unknown>) => {
    awareness: Awareness | null
    isSynced: boolean
    destroy(): void
  }
}

let hocuspocus: Promise<HocuspocusModule> | null = null
function loadHocuspocus(): Promise<HocuspocusModule> {
  // A variable specifier: the app's typecheck must not depend on bench/node_modules.
  const specifier = '@hocuspocus/provider'
  hocuspocus ??= import(specifier) as Promise<HocuspocusModule>
  return hocuspocus
}

export async function connectClient(spec: ClientSpec, doc: Y.Doc = new Y.Doc()): Promise<BenchClient> {
  if (spec.kind === 'hocuspocus') {
    const { HocuspocusProvider } = await loadHocuspocus()
    const provider = new HocuspocusProvider({
      url: spec.url,
      name: spec.room,
      document: doc,
      token: spec.token ?? 'bench',
      WebSocketPolyfill: WebSocket,
    })
    if (!provider.awareness) throw new Error('hocuspocus provider without awareness')
    const awareness = provider.awareness
    return { doc, awareness, isSynced: () => provider.isSynced, destroy: () => provider.destroy() }
  }
  const provider = new WebsocketProvider(spec.url, spec.room, doc, {
    WebSocketPolyfill: WebSocket as never,
    params: spec.token ? { token: spec.token } : {},
    disableBc: true,
    maxBackoffTime: 500,
  })
  return { doc, awareness: provider.awareness, isSynced: () => provider.synced, destroy: () => provider.destroy() }
}

export async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** Absolute wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now()
}
