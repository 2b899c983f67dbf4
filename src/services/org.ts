import { query } from './api'

export const orgUnits = () => query('org.units', {})
