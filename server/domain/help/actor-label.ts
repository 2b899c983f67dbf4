/**
 * How a person who pressed a button is named on a timeline or in "what was done for me": 陈静（工作人员）,
 * 王建国（志愿者）, 张桂兰（本人）, 张晓燕（女儿）代 张桂兰. Names are copied into the record so it reads the same later.
 */
import type { Ctx } from '../../core/context'
import type { DocReader } from '../identity/me'

export type Capacity = 'requester' | 'staff' | 'volunteer'

export async function personName(store: DocReader, personId: string | null): Promise<string> {
  if (!personId) return ''
  return (await store.get('persons', personId))?.name ?? ''
}

/** The caller's own name: their roster name if they have one, else the account's display name. */
export async function callerName(ctx: Ctx): Promise<string> {
  return (await personName(ctx.store, ctx.actor.personId)) || ctx.actor.displayName
}

export async function actorLabel(ctx: Ctx, capacity: Capacity): Promise<string> {
  const name = await callerName(ctx)
  if (ctx.actingFor) {
    const [binding, elder] = await Promise.all([
      ctx.store.get('familyBindings', `${ctx.actor.accountId}:${ctx.actingFor}`),
      personName(ctx.store, ctx.actingFor)
    ])
    return `${name}（${binding?.relation ?? '家属'}）代 ${elder}`
  }
  if (capacity === 'staff') return `${name}（工作人员）`
  if (capacity === 'volunteer') return `${name}（志愿者）`
  return `${name}（本人）`
}
