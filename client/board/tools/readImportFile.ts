/**
 * Reading a chosen .tldr file, without tldraw: the lobby imports it too, and must not pull the
 * editor into its bundle (the board page is a separate chunk).
 */

/** Files past this size are not even read: the server would refuse them anyway (its limit is smaller). */
export const MAX_IMPORT_READ_BYTES = 64 * 1024 * 1024

/** Reads a chosen file as text, or says it is too large to send. */
export async function readImportFile(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_READ_BYTES) throw new Error(`the file is larger than ${Math.round(MAX_IMPORT_READ_BYTES / 1024 / 1024)} MB`)
  return file.text()
}
