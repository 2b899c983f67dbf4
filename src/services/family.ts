/**
 * Family binding (家属绑定). Every call is made as oneself: bindings are never something done for an elder
 * (none of them is in types/proxy-actions.ts, so services/api.ts never sends `actingFor` with them).
 */
import type { ActionInput } from '@contract/actions'
import { mutate, query } from './api'

export const createInvite = (personId?: string) =>
  mutate('family.createInvite', personId ? { personId } : {}, { label: '生成家属邀请码' })
export const acceptInvite = (input: ActionInput<'family.acceptInvite'>) =>
  mutate('family.acceptInvite', input, { label: '申请绑定长辈' })
export const confirmBinding = (bindingId: string) => mutate('family.confirm', { bindingId }, { label: '确认家属绑定' })
export const rejectBinding = (bindingId: string) => mutate('family.reject', { bindingId }, { label: '不同意家属绑定' })
export const unbind = (bindingId: string) => mutate('family.unbind', { bindingId }, { label: '解除家属绑定' })

export const myElders = () => query('family.myElders', {})
export const myFamily = () => query('family.myFamily', {})
export const doneForMe = (cursor?: string) => query('family.doneForMe', { limit: 30, cursor })
export const staffBindings = (personId?: string) => query('family.staff.bindings', personId ? { personId } : {})
export const searchPersons = (q: string) => query('family.staff.searchPersons', { q })
