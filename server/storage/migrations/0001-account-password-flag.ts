/**
 * Version 1: every account says whether it must change its password before anything else (admin:create sets
 * it; accounts made before it existed get `false`). Only documents without the field are touched, so a run
 * that was interrupted can run again.
 */
import type { Migration } from './runner'

export const accountPasswordFlag: Migration = {
  version: 1,
  name: 'accounts: mustChangePassword',
  async up(store) {
    let changed = 0
    for (;;) {
      const page = await store.find('accounts', { where: { mustChangePassword: null }, limit: 200 })
      if (page.length === 0) return { changed }
      for (const account of page) {
        await store.transaction(async (tx) => {
          const fresh = await tx.get('accounts', account._id)
          if (fresh && fresh.mustChangePassword == null)
            await tx.update('accounts', account._id, { mustChangePassword: false })
        })
        changed += 1
      }
    }
  }
}
