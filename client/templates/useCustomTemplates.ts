import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../api/http'
import { listCustomTemplates, type CustomTemplate } from './templateApi'

/** The custom templates of this server, newest first; `reload` after an import, rename or delete. */
export function useCustomTemplates() {
  const [templates, setTemplates] = useState<CustomTemplate[]>([])
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(() => {
    listCustomTemplates().then(
      (answer) => {
        setTemplates(answer.templates)
        setError(null)
      },
      (e: unknown) => setError(errorMessage(e)),
    )
  }, [])
  useEffect(reload, [reload])
  return { templates, error, reload }
}
