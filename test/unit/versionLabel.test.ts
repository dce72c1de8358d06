/** Versions the server saves by itself are shown in the reader's language; typed labels as typed. */
import { describe, expect, it } from 'vitest'
import { versionLabel } from '../../client/board/tools/versionLabel.js'
import type { Translate } from '../../client/i18n/I18nProvider.js'
import { CATALOGUES, formatMessage, type Locale } from '../../client/i18n/messages.js'
import { readSystemVersionLabel, restoredVersionLabel, SYSTEM_VERSION_LABELS } from '../../shared/versionLabels.js'

const translator = (locale: Locale): Translate => (key, params) => formatMessage(CATALOGUES[locale][key], params, locale)

describe('version labels', () => {
  it.each(Object.entries(SYSTEM_VERSION_LABELS))('the server’s %s version reads in French', (_, label) => {
    const fr = versionLabel(label, translator('fr'))
    expect(fr).not.toBe(label)
    expect(fr).not.toMatch(/[{}]/)
    expect(versionLabel(label, translator('en'))).toBe(label)
  })

  it('names the restored version in both languages', () => {
    expect(readSystemVersionLabel(restoredVersionLabel(12))).toEqual({ kind: 'restored', versionId: 12 })
    expect(versionLabel(restoredVersionLabel(12), translator('en'))).toBe('Restored version 12')
    expect(versionLabel(restoredVersionLabel(12), translator('fr'))).toBe('Version 12 restaurée')
  })

  it.each(['Before the break', 'Autosave ', 'Restored version twelve', 'Votes revealed!'])('keeps a typed label as typed: %j', (label) => {
    expect(readSystemVersionLabel(label)).toBeNull()
    expect(versionLabel(label, translator('fr'))).toBe(label)
  })
})
