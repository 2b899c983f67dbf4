/** Whom a volunteer action is for: the subject (the caller, or the elder a family member acts for), or the caller in person. */
import type { Ctx } from '../../core/context'
import { AppError } from '../../core/app-error'
import { hasRole } from '../../core/identity'
import type { PersonDoc } from '../../storage/schema'

/** For whom: the caller's own roster person, or the elder they act for. */
export async function subject(ctx: Ctx): Promise<PersonDoc> {
  if (!ctx.subjectPersonId) {
    if (hasRole(ctx.actor, 'family')) throw new AppError('CHOOSE_ELDER')
    throw new AppError('FORBIDDEN', '这件事要用老同志本人的账号办理')
  }
  const person = await ctx.store.get('persons', ctx.subjectPersonId)
  if (!person) throw new AppError('NOT_FOUND')
  return person
}

/** The caller's own roster person (in-person actions: scanning, the skills profile). */
export async function self(ctx: Ctx, what: string): Promise<PersonDoc> {
  if (!ctx.actor.personId) throw new AppError('FORBIDDEN', `${what}要用老同志本人的账号`)
  const person = await ctx.store.get('persons', ctx.actor.personId)
  if (!person) throw new AppError('NOT_FOUND')
  return person
}
