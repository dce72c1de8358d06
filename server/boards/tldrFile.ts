/**
 * .tldr files: the export is what tldraw's own serializer writes (format version 1, the
 * schema, the records); the import is parsed, migrated and validated by tldraw's own
 * `parseTldrawJsonFile`, loaded lazily so the server does not carry tldraw's UI package
 * until someone imports a file (nor tldraw's schema package until a board needs it, issue 18).
 */
import { DOCUMENT_TYPE_NAMES } from '../../shared/boardSchemaCore.js'
import type { JsonRecord } from '../../shared/docLayout.js'
import { err, ok, type Result } from '../../shared/result.js'

export const TLDR_FILE_FORMAT_VERSION = 1

const boardSchema = async () => (await import('../../shared/boardSchema.js')).getBoardSchema()

export async function toTldrFile(records: JsonRecord[]): Promise<string> {
  const schema = await boardSchema()
  return JSON.stringify({ tldrawFileFormatVersion: TLDR_FILE_FORMAT_VERSION, schema: schema.serialize(), records })
}

/** Parses a .tldr file into document records, or a message a user can act on. */
export async function parseTldrFile(text: string): Promise<Result<JsonRecord[]>> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return err('the file is not valid JSON: is it a .tldr file?')
  }
  if (typeof json !== 'object' || json === null || !('tldrawFileFormatVersion' in json)) {
    return err('the file is not a tldraw file (no tldrawFileFormatVersion)')
  }
  const { parseTldrawJsonFile } = await import('tldraw')
  const parsed = parseTldrawJsonFile({ json: text, schema: await boardSchema() })
  if (!parsed.ok) {
    const e = parsed.error
    switch (e.type) {
      case 'notATldrawFile':
        return err('the file is not a tldraw file')
      case 'fileFormatVersionTooNew':
        return err('the file was written by a newer version of tldraw')
      case 'migrationFailed':
        return err('the file could not be migrated to this version of tldraw')
      case 'invalidRecords':
        return err('the file contains records that tldraw rejects')
      case 'v1File':
        return err('tldraw v1 files are not supported')
      default:
        return err('the file could not be read')
    }
  }
  const records = parsed.value
    .allRecords()
    .filter((r) => DOCUMENT_TYPE_NAMES.has(r.typeName))
    .map((r): JsonRecord => ({ ...r }))
  return ok(records)
}
