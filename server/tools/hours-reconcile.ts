/** `npm run hours:reconcile`: prove every stored hours total equals the sum of its entries (local SQLite). */
import { formatHoursReport, reconcileHours } from '../domain/volunteer/hours-reconcile'
import { runOnLocalDb } from './run-on-local-db'

runOnLocalDb(async (store) => formatHoursReport(await reconcileHours(store)))
