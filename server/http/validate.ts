/** Request validation shared by every route: zod schemas, failures as 400 with the reasons. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { z } from 'zod'

function reasons(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
}

/** Parses a JSON body; a body that is not JSON or does not match is a 400 with the reasons. */
export async function parseJsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new HTTPException(400, { message: 'the request body must be JSON' })
  }
  return parseValue(body, schema)
}

/** Parses any value (query, params) with a schema, or throws a 400 with the reasons. */
export function parseValue<T>(value: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new HTTPException(400, { message: reasons(parsed.error) })
  return parsed.data
}

/** Parses query parameters with a schema, or throws a 400 naming only the reasons. */
export function parseQuery<T>(value: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new HTTPException(400, { message: parsed.error.issues.map((i) => i.message).join('; ') })
  return parsed.data
}
