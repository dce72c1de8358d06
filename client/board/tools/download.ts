import { datedFileName } from '../../../shared/fileName'

/** Saving a blob as a file from the browser (an object URL behind a temporary link). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Give the download time to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'))
    reader.readAsDataURL(blob)
  })
}

/** A file name from a board title and today's date (shared/fileName.ts). */
export function fileNameFor(title: string, extension: string, now = new Date()): string {
  return datedFileName(title, 'board', extension, now)
}
