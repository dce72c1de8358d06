import { describe, expect, it } from 'vitest'
import {
  controlChannel,
  decodeRevoke,
  docChannel,
  encodeRevoke,
  readRelayMessage,
  RELAY_AWARENESS,
  RELAY_QUERY_AWARENESS,
  RELAY_UPDATE,
  writeRelayMessage,
  type RelayMessage,
} from '../../server/cluster/relayProtocol.js'

describe('relay protocol', () => {
  const cases: Array<[string, RelayMessage]> = [
    ['an update', { sender: 'host-1-abcd', type: RELAY_UPDATE, payload: new Uint8Array([1, 2, 3]) }],
    ['an awareness update', { sender: 'é-unicode', type: RELAY_AWARENESS, payload: new Uint8Array([9]) }],
    ['an awareness query', { sender: 'x', type: RELAY_QUERY_AWARENESS, payload: new Uint8Array() }],
  ]
  it.each(cases)('round-trips %s', (_, message) => {
    expect(readRelayMessage(writeRelayMessage(message))).toEqual(message)
  })

  const bad: Array<[string, Uint8Array]> = [
    ['empty bytes', new Uint8Array()],
    ['a truncated message', writeRelayMessage({ sender: 'abc', type: RELAY_UPDATE, payload: new Uint8Array([1, 2, 3]) }).slice(0, 6)],
    ['an unknown type', writeRelayMessage({ sender: 'abc', type: 7 as never, payload: new Uint8Array() })],
    ['a huge declared length', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])],
  ]
  it.each(bad)('reads %s as null, never throws', (_, bytes) => {
    expect(readRelayMessage(bytes)).toBeNull()
  })

  it('names one channel per document and one control channel under the prefix', () => {
    expect(docChannel('canvas:', 'b1/control')).toBe('canvas:doc:b1/control')
    expect(controlChannel('canvas:')).toBe('canvas:control')
  })

  it('round-trips a revocation and refuses anything else', () => {
    const revoke = { boardId: 'b1', role: 'viewer' as const, code: 4010, reason: 'link revoked' }
    expect(decodeRevoke(encodeRevoke(revoke))).toEqual(revoke)
    expect(decodeRevoke(encodeRevoke({ ...revoke, role: null }))).toEqual({ ...revoke, role: null })
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))
    expect(decodeRevoke(enc({ ...revoke, role: 'admin' }))).toBeNull()
    expect(decodeRevoke(enc({ ...revoke, boardId: 7 }))).toBeNull()
    expect(decodeRevoke(enc({ boardId: 'b1', role: null }))).toBeNull()
    expect(decodeRevoke(new Uint8Array([0xff, 0x00]))).toBeNull()
  })
})
