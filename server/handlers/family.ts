/**
 * Family binding (家属绑定): one-time invite codes made by the elder (or by staff for someone without a phone),
 * the family member's request to bind, the elder's (or staff's, after checking) confirmation, unbinding by
 * either side, and what the elder sees was done for them. None of these may be done while acting for an elder:
 * the actions are not marked `proxy`, so the router refuses them with PROXY_NOT_ALLOWED. Staff's list of
 * bindings and their roster search: family-staff.ts.
 */
import { randomInt } from 'node:crypto'
import type { Ctx, HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { hasRole, isStaff } from '../core/identity'
import { INVITE_TTL_MS } from '../../types/help-rules'
import type { AccountDoc, FamilyBindingDoc } from '../storage/schema'
import type { Tx } from '../storage/port'
import { newId } from '../domain/ids'
import { sendMessage } from '../domain/messages/inbox'
import { loadOrgUnits, requireStaffScope } from '../domain/org/org-scope'
import { bindingId, elderView, memberView, memberViews } from '../domain/family/binding-view'
import { NOT_DONE_FOR, describeDoneForMe } from '../domain/family/done-for-me'

const MEMBERS_PAGE = '/packages/family/members/index'

const ELDERS_PAGE = '/packages/family/home/index'

const STAFF_PAGE = '/packages/help-staff/bindings/index'

/** How the caller relates to a binding: its family member, its elder, or staff covering the elder's county. */
async function sideOf(ctx: Ctx, b: FamilyBindingDoc): Promise<'member' | 'elder' | 'staff' | null> {
  if (b.accountId === ctx.actor.accountId) return 'member'
  if (ctx.actor.personId === b.personId && hasRole(ctx.actor, 'retiree')) return 'elder'
  if (isStaff(ctx.actor)) {
    const person = await ctx.store.get('persons', b.personId)
    if (person) {
      await requireStaffScope(ctx.store, ctx.actor, person.orgUnitId)
      return 'staff'
    }
  }
  return null
}

async function loadBinding(ctx: Ctx, id: string): Promise<FamilyBindingDoc> {
  const b = await ctx.store.get('familyBindings', id)
  if (!b) throw new AppError('NOT_FOUND')
  return b
}

/** The answer to a binding change, read inside its transaction. */
async function memberViewTx(tx: Tx, b: FamilyBindingDoc) {
  const [member, person, confirmer] = await Promise.all([
    tx.get('accounts', b.accountId),
    tx.get('persons', b.personId),
    b.confirmedBy ? tx.get('accounts', b.confirmedBy) : Promise.resolve(null)
  ])
  return memberView(b, member, person, confirmer)
}

async function audit(
  tx: Tx,
  ctx: Ctx,
  action: string,
  b: Pick<FamilyBindingDoc, '_id' | 'personId'>,
  detail: Record<string, unknown>
) {
  await tx.create('audit', {
    _id: newId('au_'),
    at: ctx.now,
    actorAccountId: ctx.actor.accountId,
    subjectPersonId: b.personId,
    action,
    target: `familyBindings/${b._id}`,
    detail
  })
}

export const familyHandlers = {
  'family.createInvite': {
    run: async (ctx, { personId }) => {
      let target: string
      let byStaff = false
      if (isStaff(ctx.actor) && personId && personId !== ctx.actor.personId) {
        const person = await ctx.store.get('persons', personId)
        if (!person) throw new AppError('NOT_FOUND')
        await requireStaffScope(ctx.store, ctx.actor, person.orgUnitId)
        target = personId
        byStaff = true
      } else {
        if (!ctx.actor.personId || !hasRole(ctx.actor, 'retiree'))
          throw new AppError('FORBIDDEN', '请选择要为哪位老干部生成邀请码')
        if (personId && personId !== ctx.actor.personId) throw new AppError('FORBIDDEN', '只能为自己生成邀请码')
        target = ctx.actor.personId
      }
      const person = (await ctx.store.get('persons', target))!
      const expiresAt = ctx.now + INVITE_TTL_MS
      return ctx.write(async (tx) => {
        // The 6-digit code is its own _id: two live codes never collide; on a clash with a live one, draw again.
        for (let attempt = 0; attempt < 20; attempt++) {
          const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
          const existing = await tx.get('familyInvites', code)
          if (existing && !existing.usedBy && existing.expiresAt > ctx.now) continue
          await tx.put('familyInvites', {
            _id: code,
            personId: target,
            issuedBy: ctx.actor.accountId,
            byStaff,
            createdAt: ctx.now,
            expiresAt,
            usedBy: null,
            usedAt: null
          })
          if (byStaff)
            await audit(tx, ctx, 'family.createInvite', { _id: `invite:${code}`, personId: target }, { byStaff })
          return { code, expiresAt, personName: person.name }
        }
        throw new AppError('BUSY')
      })
    }
  },

  'family.acceptInvite': {
    run: async (ctx, { code, relation, name, phone }) => {
      const actor = ctx.actor
      if (isStaff(actor)) throw new AppError('FORBIDDEN', '工作人员账号不能绑定为家属，请用自己的微信')
      if (!actor.registered && !actor.accountId.startsWith('wx:')) throw new AppError('UNAUTHENTICATED')
      if (!actor.registered && !name)
        throw new AppError('VALIDATION', '请写上您的姓名，长辈确认时要看', { field: 'name' })
      return ctx.write(async (tx) => {
        const invite = await tx.get('familyInvites', code)
        if (!invite || invite.usedBy || invite.expiresAt < ctx.now) throw new AppError('INVITE_INVALID')
        if (invite.personId === actor.personId)
          throw new AppError('FORBIDDEN', '这是您自己的邀请码，请让家人在他们的手机上输入')
        const person = await tx.get('persons', invite.personId)
        if (!person) throw new AppError('INVITE_INVALID')
        const id = bindingId(actor.accountId, invite.personId)
        const existing = await tx.get('familyBindings', id)
        if (existing?.status === 'active') throw new AppError('ALREADY_DONE', `您已经和${person.name}绑定了，不用再绑`)
        await tx.update('familyInvites', code, { usedBy: actor.accountId, usedAt: ctx.now })
        const account = await tx.get('accounts', actor.accountId)
        let memberName = name ?? account?.displayName ?? '家属'
        if (!account) {
          // A new WeChat user: their account is made here, as a family member (no roster person).
          const created: AccountDoc = {
            _id: actor.accountId,
            kind: 'wechat',
            displayName: memberName,
            roles: ['family'],
            personId: null,
            orgUnitId: null,
            phone: phone ?? null,
            passwordHash: null,
            demo: null,
            createdAt: ctx.now
          }
          await tx.create('accounts', created)
        } else {
          memberName = account.displayName
          const roles = account.roles.includes('family') ? account.roles : [...account.roles, 'family' as const]
          await tx.update('accounts', account._id, { roles, ...(phone && !account.phone ? { phone } : {}) })
        }
        const binding: FamilyBindingDoc = {
          _id: id,
          accountId: actor.accountId,
          personId: invite.personId,
          relation,
          status: 'pending',
          createdAt: ctx.now,
          confirmedAt: null,
          confirmedBy: null,
          endedAt: null,
          endedBy: null
        }
        await tx.put('familyBindings', binding)
        await sendMessage(tx, {
          toPersonId: invite.personId,
          title: '有家人申请和您绑定',
          body: `${memberName}（${relation}）申请绑定。绑定后可以替您报名活动、提交求助。是您的家人请点「确认」，不认识请点「不同意」。`,
          link: MEMBERS_PAGE,
          at: ctx.now
        })
        if (invite.byStaff) {
          await sendMessage(tx, {
            toAccountId: invite.issuedBy,
            title: `请核实家属绑定：${person.name}`,
            body: `${memberName}（${relation}）用您生成的邀请码申请绑定，请核实后确认。`,
            link: STAFF_PAGE,
            at: ctx.now
          })
        }
        const unit = await tx.get('orgUnits', person.orgUnitId)
        return elderView(binding, person, unit ? [unit] : [])
      })
    }
  },

  'family.confirm': {
    run: async (ctx, { bindingId: id }) => {
      const b = await loadBinding(ctx, id)
      const side = await sideOf(ctx, b)
      if (side !== 'elder' && side !== 'staff') throw new AppError('NOT_FOUND')
      return ctx.write(async (tx) => {
        const fresh = (await tx.get('familyBindings', id))!
        if (fresh.status === 'active') throw new AppError('ALREADY_DONE', '已经确认过了')
        if (fresh.status !== 'pending')
          throw new AppError('ILLEGAL_TRANSITION', '这个绑定申请已经结束了，请让家人重新申请')
        const next: FamilyBindingDoc = {
          ...fresh,
          status: 'active',
          confirmedAt: ctx.now,
          confirmedBy: ctx.actor.accountId
        }
        await tx.put('familyBindings', next)
        const view = await memberViewTx(tx, next)
        await audit(tx, ctx, 'family.confirm', next, { memberLabel: `${view.memberName}（${next.relation}）`, side })
        await sendMessage(tx, {
          toAccountId: next.accountId,
          title: `已和${view.personName}绑定`,
          body: `现在您可以为${view.personName}报名活动、提交和跟进求助。`,
          link: ELDERS_PAGE,
          at: ctx.now
        })
        return view
      })
    }
  },

  'family.reject': {
    run: async (ctx, { bindingId: id }) => {
      const b = await loadBinding(ctx, id)
      const side = await sideOf(ctx, b)
      if (side !== 'elder' && side !== 'staff') throw new AppError('NOT_FOUND')
      return ctx.write(async (tx) => {
        const fresh = (await tx.get('familyBindings', id))!
        if (fresh.status !== 'pending')
          throw new AppError('ILLEGAL_TRANSITION', '这个绑定申请已经处理过了，请刷新后再看')
        const next: FamilyBindingDoc = { ...fresh, status: 'ended', endedAt: ctx.now, endedBy: ctx.actor.accountId }
        await tx.put('familyBindings', next)
        const view = await memberViewTx(tx, next)
        await audit(tx, ctx, 'family.reject', next, { memberLabel: `${view.memberName}（${next.relation}）`, side })
        await sendMessage(tx, {
          toAccountId: next.accountId,
          title: '绑定申请没有通过',
          body: `${view.personName}没有同意这次绑定。如有误会，请当面商量后重新申请。`,
          link: ELDERS_PAGE,
          at: ctx.now
        })
        return view
      })
    }
  },

  'family.unbind': {
    run: async (ctx, { bindingId: id }) => {
      const b = await loadBinding(ctx, id)
      const side = await sideOf(ctx, b)
      if (!side) throw new AppError('NOT_FOUND')
      return ctx.write(async (tx) => {
        const fresh = (await tx.get('familyBindings', id))!
        if (fresh.status === 'ended') throw new AppError('ALREADY_DONE', '已经解除了')
        const next: FamilyBindingDoc = { ...fresh, status: 'ended', endedAt: ctx.now, endedBy: ctx.actor.accountId }
        await tx.put('familyBindings', next)
        const view = await memberViewTx(tx, next)
        await audit(tx, ctx, 'family.unbind', next, { memberLabel: `${view.memberName}（${next.relation}）`, side })
        if (side !== 'member') {
          await sendMessage(tx, {
            toAccountId: next.accountId,
            title: `和${view.personName}的绑定已解除`,
            body: '您不能再为这位长辈代办了。',
            link: ELDERS_PAGE,
            at: ctx.now
          })
        }
        if (side !== 'elder') {
          await sendMessage(tx, {
            toPersonId: next.personId,
            title: '有一位家人的绑定已解除',
            body: `${view.memberName}（${next.relation}）不能再为您代办了。`,
            link: MEMBERS_PAGE,
            at: ctx.now
          })
        }
        return view
      })
    }
  },

  'family.myElders': {
    run: async (ctx) => {
      const bindings = await ctx.store.find('familyBindings', {
        where: { accountId: ctx.actor.accountId, status: { in: ['pending', 'active'] } },
        orderBy: [['createdAt', 'asc']]
      })
      const [persons, units] = await Promise.all([
        bindings.length
          ? ctx.store.find('persons', { where: { _id: { in: bindings.map((b) => b.personId) } } })
          : Promise.resolve([]),
        loadOrgUnits(ctx.store)
      ])
      return { items: bindings.map((b) => elderView(b, persons.find((p) => p._id === b.personId) ?? null, units)) }
    }
  },

  'family.myFamily': {
    run: async (ctx) => {
      const personId = ctx.actor.personId
      if (!personId) throw new AppError('FORBIDDEN')
      const bindings = await ctx.store.find('familyBindings', {
        where: { personId, status: { in: ['pending', 'active'] } },
        orderBy: [['createdAt', 'asc']]
      })
      return { items: await memberViews(ctx, bindings) }
    }
  },

  'family.doneForMe': {
    run: async (ctx, { limit, cursor }) => {
      const personId = ctx.actor.personId
      if (!personId) throw new AppError('FORBIDDEN')
      const [entries, mine] = await Promise.all([
        ctx.store.find('audit', { where: { subjectPersonId: personId }, orderBy: [['at', 'desc']], limit: 1000 }),
        ctx.store.find('accounts', { where: { personId } })
      ])
      const own = new Set(mine.map((a) => a._id))
      const others = entries.filter((e) => !own.has(e.actorAccountId) && !NOT_DONE_FOR.has(e.action))
      const offset = cursor ? Number.parseInt(cursor, 36) || 0 : 0
      const page = others.slice(offset, offset + limit)
      const actors = [...new Set(page.map((e) => e.actorAccountId))]
      const accounts = actors.length ? await ctx.store.find('accounts', { where: { _id: { in: actors } } }) : []
      return {
        items: await describeDoneForMe(ctx, personId, page, accounts),
        nextCursor: offset + limit < others.length ? (offset + limit).toString(36) : null
      }
    }
  }
} satisfies Partial<HandlerTable>
