/**
 * The only view the sync core has of a connection (STYLE principle 1): any websocket library
 * is adapted to these members.
 */
export interface SyncSocket {
  readonly isOpen: boolean
  send(data: Uint8Array): void
  close(code: number, reason: string): void
}
