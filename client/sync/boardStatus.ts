/**
 * Opt-in board status (docs/PROTOCOL.md "Board status", SPEC D4): asks the server, on every
 * connection, to say whether the board is being saved, and reports each change.
 */
import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { BoardStatus, MESSAGE_BOARD_STATUS } from '../../shared/protocol'

export type SaveState = { saving: boolean; reason: string }

export function subscribeBoardStatus(provider: WebsocketProvider, onChange: (state: SaveState) => void): () => void {
  provider.messageHandlers[MESSAGE_BOARD_STATUS] = (_encoder, decoder) => {
    const state = decoding.readVarUint(decoder)
    const reason = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : ''
    onChange({ saving: state === BoardStatus.Saving, reason })
  }
  const subscribe = ({ status }: { status: string }) => {
    if (status === 'connected') provider.ws?.send(new Uint8Array([MESSAGE_BOARD_STATUS]))
  }
  provider.on('status', subscribe)
  if (provider.wsconnected) subscribe({ status: 'connected' })
  return () => provider.off('status', subscribe)
}
