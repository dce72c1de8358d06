import { readSystemVersionLabel } from '../../../shared/versionLabels'
import type { Translate } from '../../i18n/I18nProvider'

/** A version's label in the reader's language: the server names the versions it saves in English. */
export function versionLabel(label: string, t: Translate): string {
  const system = readSystemVersionLabel(label)
  if (!system) return label
  return system.kind === 'restored' ? t('history.system.restored', { id: system.versionId }) : t(`history.system.${system.kind}`)
}
