/**
 * The server builds shapes' rich text without tldraw's schema package (issue 18: an empty
 * server does not load it): the value must be exactly the one tldraw's own `toRichText` gives,
 * which the browser's editor reads and writes.
 */
import { toRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { plainTextToRichText, richTextToPlainText } from '../../shared/activities/richText.js'

describe('plainTextToRichText', () => {
  it.each([
    ['an empty text', ''],
    ['one line', 'Start'],
    ['two lines', 'first\nsecond'],
    ['an empty line between', 'first\n\nthird'],
    ['a trailing newline', 'last\n'],
    ['only newlines', '\n\n'],
    ['spaces kept', '  indented  '],
    ['non-ASCII', 'Über 🚀 — ça'],
  ])('gives what tldraw gives for %s', (_name, text) => {
    expect(plainTextToRichText(text)).toStrictEqual(toRichText(text))
  })

  it('reads back as the text it was made of', () => {
    expect(richTextToPlainText(plainTextToRichText('first\n\nthird'))).toBe('first\n\nthird')
  })
})
