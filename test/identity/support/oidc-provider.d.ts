// oidc-provider ships no types; the little the tests use of it.
declare module 'oidc-provider' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http'
  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    listen(port: number, host: string, callback?: () => void): Server
    callback(): (request: IncomingMessage, response: ServerResponse) => void
  }
  export default Provider
}
