/** Every data migration, oldest first. Add a new one with the next version; never change a released one. */
import { accountPasswordFlag } from './0001-account-password-flag'
import type { Migration } from './runner'

export const MIGRATIONS: readonly Migration[] = [accountPasswordFlag]

export {
  currentVersion,
  latestVersion,
  migrate,
  stampIfEmpty,
  versionStatus,
  VersionError,
  type Migration
} from './runner'
