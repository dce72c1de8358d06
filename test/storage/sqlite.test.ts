import fs from 'node:fs'
import path from 'node:path'
import { SqliteStorage } from '../../server/storage/SqliteStorage.js'
import { tempDir } from '../helpers/server.js'
import { storageContract } from './storageContract.js'

storageContract('sqlite', async () => {
  const dir = tempDir('canvas-storage-')
  const storage = new SqliteStorage(path.join(dir, 'boards.sqlite'))
  return {
    storage,
    async dispose() {
      await storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})
