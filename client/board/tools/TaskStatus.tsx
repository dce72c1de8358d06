import type { MessageKey } from '../../i18n/messages'
import { useI18n } from '../../i18n/I18nProvider'
import type { TaskState } from './useImportAndCarryOver'

/** The outcome of an import or carry-over: progress politely, a refusal as an alert with the server's words. */
export function TaskStatus({ status, done, failed }: { status: TaskState; done: MessageKey; failed: MessageKey }) {
  const { t } = useI18n()
  return (
    <>
      <p className="board-tools-status" role="status" aria-live="polite">
        {status.state === 'busy' && t('tools.working')}
        {status.state === 'done' && t(done, { count: status.count })}
      </p>
      {status.state === 'failed' && (
        <p className="error" role="alert">
          {t(failed, { reason: status.reason })}
        </p>
      )}
    </>
  )
}
