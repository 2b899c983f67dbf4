/** `npm run points:reconcile`: prove every stored balance equals the sum of its entries (local SQLite). */
import { formatReport, reconcilePoints } from '../domain/points/points-reconcile'
import { runOnLocalDb } from './run-on-local-db'

runOnLocalDb(async (store) => formatReport(await reconcilePoints(store)))
