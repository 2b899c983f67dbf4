/**
 * Family binding (家属绑定). Every call is made as oneself: bindings are never something done for an elder
 * (the server refuses them with PROXY_NOT_ALLOWED while acting for one).
 */
import type { ActionInput } from '@contract/actions'
import { mutate, query } from './api'

const self = { asSelf: true }

export const createInvite = (personId?: string) => mutate('family.createInvite', personId ? { personId } : {}, { label: '生成家属邀请码', ...self })
export const acceptInvite = (input: ActionInput<'family.acceptInvite'>) => mutate('family.acceptInvite', input, { label: '申请绑定长辈', ...self })
export const confirmBinding = (bindingId: string) => mutate('family.confirm', { bindingId }, { label: '确认家属绑定', ...self })
export const rejectBinding = (bindingId: string) => mutate('family.reject', { bindingId }, { label: '不同意家属绑定', ...self })
export const unbind = (bindingId: string) => mutate('family.unbind', { bindingId }, { label: '解除家属绑定', ...self })

export const myElders = () => query('family.myElders', {}, self)
export const myFamily = () => query('family.myFamily', {}, self)
export const doneForMe = (cursor?: string) => query('family.doneForMe', { limit: 30, cursor }, self)
export const staffBindings = (personId?: string) => query('family.staffBindings', personId ? { personId } : {}, self)
export const searchPersons = (q: string) => query('family.searchPersons', { q }, self)
