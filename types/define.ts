import { z } from 'zod'
import type { Access } from './roles'

/**
 * An action of the `api` function, everything about it in one place: its kind, the zod schema of its input,
 * (as a phantom type) its result, who may call it, and whether a bound family member may do it for an elder.
 * The server validates every payload with `input` and the router checks `access` and `proxy`; the client only
 * ever imports these as types (the 代办 list it reads at runtime is types/proxy-actions.ts, checked against this).
 */
export type ActionKind = 'query' | 'mutation'

export interface ActionSpec<
  I extends z.ZodType = z.ZodType,
  O = unknown,
  K extends ActionKind = ActionKind,
  P extends boolean = boolean
> {
  kind: K
  input: I
  /** Who may call it: 'public', 'signed-in', or a role set from types/roles.ts. */
  access: Access
  /** May a bound family member call this while acting for an elder (代办)? Written only when true. */
  proxy: P
  /** Phantom: never set at runtime, only carries the result type. */
  readonly __output?: O
}

/**
 * `defineAction<Result>()({ kind, access, input })` — curried so the result type can be named and the input
 * inferred. `proxy: true` marks an action a family member may do for an elder; it must also be listed in
 * types/proxy-actions.ts (the type-check fails until it is).
 */
export function defineAction<O>() {
  return <I extends z.ZodType, K extends ActionKind, P extends boolean = false>(spec: {
    kind: K
    access: Access
    input: I
    proxy?: P
  }): ActionSpec<I, O, K, P> => ({ ...spec, proxy: spec.proxy ?? false }) as ActionSpec<I, O, K, P>
}

/**
 * Free text as people type it, made safe to store (the one place every text field goes through, via `zText`):
 * NUL and the other control characters except tab and line breaks are removed, and so are lone surrogates (half
 * of an emoji, cut by a careless client), which no database or export can store faithfully; then NFC.
 */
export function cleanText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- matching control characters is this function's purpose
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .normalize('NFC')
  )
}

/** A text field: cleaned (cleanText), then trimmed; chain `.min()`, `.max()`, `.regex()` as on z.string(). */
export const zText = () => z.string().overwrite(cleanText).trim()

// Shared field schemas. Limits keep payloads small and stop oversized strings before they reach storage.
export const zId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9:_.-]+$/, 'id 格式不对')
export const zDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
export const zInstant = z.number().int().min(0).max(4102444800000)
export const zShortText = zText().min(1).max(60)
export const zLongText = zText().max(2000)
export const zReason = zText().min(2, '请写明原因').max(200)
export const zPhone = z.string().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不对')
export const zMutationId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
export const zPage = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional()
})

export const zEmpty = z.object({}).strict()
