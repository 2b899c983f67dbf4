import { z } from 'zod'
import { defineAction } from '../define'

export interface OrgUnitInfo {
  id: string
  name: string
  kind: 'bureau' | 'county'
  parentId: string | null
  liaisonPhone: string | null
  dutyPhone: string | null
  branches: { id: string; name: string }[]
}

export const orgActions = {
  /** The bureau, its counties and their party branches (for filters, forms and 联系我们). */
  'org.units': defineAction<OrgUnitInfo[]>()({ kind: 'query', access: 'signed-in', input: z.object({}) })
}
