import { useEffect, useState } from 'react'
import { forgetBoard, loadMyBoards, type MyBoard } from '../lib/myBoards'

/** The "my boards" list, refreshed when a board is created (`trigger`) or another tab changes it. */
export function useMyBoards(trigger: unknown) {
  const [boards, setBoards] = useState<MyBoard[]>(loadMyBoards)
  useEffect(() => setBoards(loadMyBoards()), [trigger])
  useEffect(() => {
    const onStorage = () => setBoards(loadMyBoards())
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [])
  const forget = (id: string) => {
    forgetBoard(id)
    setBoards(loadMyBoards())
  }
  return { boards, forget }
}
