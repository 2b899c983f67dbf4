import { randomInt } from 'node:crypto'
import type { HandlerTable } from '../core/context'
import { AppError } from '../core/app-error'
import { loadIdentity } from '../core/identity'
import { buildMe } from '../domain/identity/me'
import { requireStaffScope } from '../domain/org/org-scope'
import { newId } from '../domain/ids'

const ACTIVATION_TTL_MS = 7 * 24 * 3600 * 1000

export const authHandlers = {
  'auth.whoami': {
    run: async (ctx) => buildMe(ctx.store, ctx.actor)
  },

  'account.activate': {
    run: async (ctx, { code }) => {
      if (ctx.actor.registered) throw new AppError('ACCOUNT_ALREADY_BOUND')
      if (!ctx.actor.accountId.startsWith('wx:')) throw new AppError('FORBIDDEN')
      return ctx.write(async (tx) => {
        const activation = await tx.get('activationCodes', code)
        if (!activation || activation.usedBy || activation.expiresAt < ctx.now)
          throw new AppError('ACTIVATION_CODE_INVALID')
        const person = await tx.get('persons', activation.personId)
        if (!person) throw new AppError('ACTIVATION_CODE_INVALID')
        await tx.update('activationCodes', code, { usedBy: ctx.actor.accountId, usedAt: ctx.now })
        await tx.create('accounts', {
          _id: ctx.actor.accountId,
          kind: 'wechat',
          displayName: person.name,
          roles: ['retiree'],
          personId: person._id,
          orgUnitId: null,
          phone: person.phone,
          passwordHash: null,
          demo: null,
          createdAt: ctx.now
        })
        await tx.create('audit', {
          _id: newId('au_'),
          at: ctx.now,
          actorAccountId: ctx.actor.accountId,
          subjectPersonId: person._id,
          action: 'account.activate',
          target: `persons/${person._id}`,
          detail: { issuedBy: activation.issuedBy }
        })
        // Answer as the newly bound identity, read inside the transaction that created it.
        return buildMe(tx, await loadIdentity(tx, ctx.actor.accountId))
      })
    }
  },

  'person.staff.issueActivationCode': {
    run: async (ctx, { personId }) => {
      const person = await ctx.store.get('persons', personId)
      if (!person) throw new AppError('NOT_FOUND')
      await requireStaffScope(ctx.store, ctx.actor, person.orgUnitId)
      const expiresAt = ctx.now + ACTIVATION_TTL_MS
      // A 6-digit code is its own _id, so two live codes can never collide; on a clash, draw again.
      return ctx.write(async (tx) => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
          const existing = await tx.get('activationCodes', code)
          if (existing && !existing.usedBy && existing.expiresAt > ctx.now) continue
          await tx.put('activationCodes', {
            _id: code,
            personId,
            issuedBy: ctx.actor.accountId,
            createdAt: ctx.now,
            expiresAt,
            usedBy: null,
            usedAt: null
          })
          return { code, expiresAt }
        }
        throw new AppError('BUSY')
      })
    }
  }
} satisfies Partial<HandlerTable>
