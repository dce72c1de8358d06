/**
 * The one error a board service throws for a request it refuses: the HTTP layer answers it as
 * `{error: message}` with its status (app.ts `onError`), so services never import Hono.
 */
export type BoardErrorStatus = 400 | 403 | 404 | 409 | 413 | 422

export class BoardError extends Error {
  constructor(
    readonly status: BoardErrorStatus,
    message: string,
  ) {
    super(message)
  }
}

export const noSuchBoard = () => new BoardError(404, 'no such board')
