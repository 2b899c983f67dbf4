/**
 * fast-check arbitraries derived from an action's zod schema (zod 4: `schema._zod.def` and the constraints
 * zod collects in `schema._zod.bag`): values that are mostly well-formed — ids that match the id pattern,
 * numbers in range, enum members, phone numbers that look like phone numbers — so the payloads get past the
 * shape check and reach the handlers, plus `hostile` variants that break one field, add junk or replace the
 * whole payload. A schema it does not know becomes fc.anything().
 */
import fc from 'fast-check'
import type { z } from 'zod'

interface Bag {
  minimum?: number
  maximum?: number
  format?: string
  patterns?: Set<RegExp>
}

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  options?: z.ZodType[]
  entries?: Record<string, string>
  values?: unknown[]
  keyType?: z.ZodType
  valueType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  catchall?: z.ZodType
}

const internals = (s: z.ZodType) => (s as unknown as { _zod: { def: Def; bag?: Bag } })._zod

/** Strings people and attackers type: Chinese, emoji, control characters, markup, paths, very long ones. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\n\t',
    '签到',
    '😀'.repeat(3),
    '<script>alert(1)</script>',
    '../../etc/passwd',
    "' OR 1=1 --",
    '__proto__',
    'constructor',
    '０１２３',
    '１３９０９３７１００１',
    'null',
    'undefined',
    'NaN'
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 61, max: 5000 }).map((n) => '长'.repeat(n))
)

export const nastyNumber = fc.oneof(
  fc.constantFrom(-1, 0, 0.5, -0.0, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 4102444800001, 2 ** 31, -(2 ** 31)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer()
)

export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const { def, bag = {} } = internals(schema)
  if (depth > 6) return fc.constant(null)
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {}
      const arbs: Record<string, fc.Arbitrary<unknown>> = {}
      const required: string[] = []
      for (const [k, v] of Object.entries(shape)) {
        arbs[k] = arbitraryFor(v, depth + 1)
        const t = internals(v).def.type
        if (t !== 'optional' && t !== 'default') required.push(k)
      }
      return fc.record(arbs, { requiredKeys: required })
    }
    case 'string': {
      const min = bag.minimum ?? 0
      const max = Math.min(bag.maximum ?? 40, 60)
      const pattern = bag.patterns ? [...bag.patterns][0] : undefined
      if (pattern)
        return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= (bag.maximum ?? Infinity))
      return fc.oneof(
        fc.string({ minLength: min, maxLength: Math.max(min, max) }),
        fc.string({
          unit: fc.constantFrom(...'老干部活动报名签到积分求助家属工作人员肃州区敦煌市'.split('')),
          minLength: Math.max(min, 1),
          maxLength: Math.max(min, max, 1)
        })
      )
    }
    case 'number': {
      const int = bag.format === 'safeint' || bag.format === 'int32'
      const min = bag.minimum ?? -1e6
      const max = bag.maximum ?? 1e6
      return int
        ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
        : fc.double({ min, max, noNaN: true })
    }
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }))
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]))
    case 'array': {
      const max = Math.min(bag.maximum ?? 5, 5)
      return fc.array(arbitraryFor(def.element!, depth + 1), {
        minLength: Math.min(bag.minimum ?? 0, max),
        maxLength: max
      })
    }
    case 'optional':
    case 'default':
      return fc.option(arbitraryFor(def.innerType!, depth + 1), { nil: undefined, freq: 3 })
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType!, depth + 1), { nil: null, freq: 3 })
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryFor(o, depth + 1)))
    case 'record':
      return fc.dictionary(
        arbitraryFor(def.keyType!, depth + 1) as fc.Arbitrary<string>,
        arbitraryFor(def.valueType!, depth + 1),
        { maxKeys: 3 }
      )
    case 'pipe':
      // The input side (what a client sends) and, so the checks after a transform are reached too, the output side.
      return fc.oneof(arbitraryFor(def.in!, depth + 1), arbitraryFor(def.out!, depth + 1))
    default:
      return fc.anything()
  }
}

/** Break one field of an object: a wrong type, a nasty value, or delete it. */
function breakOneField(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fc.anything()
  const keys = Object.keys(value)
  if (!keys.length) return fc.record({ junk: fc.anything() })
  return fc
    .tuple(
      fc.constantFrom(...keys),
      fc.oneof(nastyString, nastyNumber, fc.anything(), fc.constant(undefined), fc.constant(null))
    )
    .map(([k, bad]) => {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
      if (bad === undefined) delete out[k]
      else out[k] = bad
      return out
    })
}

/**
 * Payloads for an action: mostly schema-shaped ones (many valid), one-field breakages of them, extra unknown
 * keys, and pure junk (any JSON value, deep nesting, huge strings).
 */
export function payloadArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shaped = arbitraryFor(schema)
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 3, arbitrary: shaped.chain(breakOneField) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shaped, fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 3 }))
        .map(([v, extra]) =>
          typeof v === 'object' && v && !Array.isArray(v) ? { ...extra, ...v, __proto__junk: 1 } : v
        )
    },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: false }) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 50, max: 400 })
        .map((d) => JSON.parse('{"a":'.repeat(d) + '1' + '}'.repeat(d)) as unknown)
    }
  )
}
