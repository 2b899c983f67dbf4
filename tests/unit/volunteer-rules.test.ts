/** The crediting rules of volunteer hours, certificate codes and the words for hours, as pure functions. */
import fc from 'fast-check'
import { creditFor } from '../../server/domain/volunteer/crediting'
import { newCertCode } from '../../server/domain/volunteer/certificate-code'
import { ageOn, intakeRefusal } from '../../server/domain/volunteer/volunteer-settings'
import { beijingTime } from '../../types/time'
import {
  CERT_ALPHABET,
  checkCertCode,
  formatCertCode,
  hoursDecimal,
  hoursText,
  isShiftCodeText
} from '../../types/volunteer-rules'

const day = '2026-12-01'
const shift = { startAt: beijingTime(day, '09:00'), endAt: beijingTime(day, '11:30') }
const t = (hhmm: string) => beijingTime(day, hhmm)

describe('crediting rules', () => {
  it('counts a late arrival from the arrival and an early one from the start', () => {
    expect(creditFor(shift, t('09:12'), t('11:30'))).toMatchObject({
      from: t('09:12'),
      to: t('11:30'),
      minutes: 138,
      forgotten: false
    })
    expect(creditFor(shift, t('08:31'), t('11:30'))).toMatchObject({ from: t('09:00'), minutes: 150 })
    expect(creditFor(shift, t('09:00') + 30_000, t('11:30')).notes).toEqual([]) // within the first minute is on time
  })

  it('counts leaving early to the departure, leaving late to the end, and a forgotten check-out to the end', () => {
    expect(creditFor(shift, t('09:00'), t('10:00')).minutes).toBe(60)
    expect(creditFor(shift, t('09:00'), t('12:40')).minutes).toBe(150)
    expect(creditFor(shift, t('09:40'), null)).toMatchObject({
      to: t('11:30'),
      minutes: 110,
      forgotten: true,
      notes: ['09:40 到达，从到达时起计', '没有签退，按班次结束 11:30 计']
    })
  })

  it('never counts more than the shift or less than nothing, in whole minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3600_000, max: 4 * 3600_000 }),
        fc.option(fc.integer({ min: 0, max: 5 * 3600_000 })),
        (inOff, outOff) => {
          const inAt = shift.startAt + inOff
          const outAt = outOff === null ? null : inAt + outOff
          const c = creditFor(shift, inAt, outAt)
          expect(Number.isInteger(c.minutes)).toBe(true)
          expect(c.minutes).toBeGreaterThanOrEqual(0)
          expect(c.minutes).toBeLessThanOrEqual(150)
          expect(c.from).toBeGreaterThanOrEqual(shift.startAt)
          expect(c.to).toBeLessThanOrEqual(Math.max(shift.endAt, c.from))
        }
      )
    )
  })
})

describe('certificate codes', () => {
  it('makes codes of 16 symbols from the alphabet with a valid check symbol, all different', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newCertCode()))
    expect(codes.size).toBe(2000)
    for (const c of codes) {
      expect(c).toMatch(new RegExp(`^[${CERT_ALPHABET}]{16}$`))
      expect(checkCertCode(c)).toBe('ok')
    }
    expect(formatCertCode('K7QX3MDPW9TBHR2A')).toBe('K7QX-3MDP-W9TB-HR2A')
  })

  it('catches every single wrong symbol and every swap of two different neighbours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: CERT_ALPHABET.length - 1 }),
        fc.integer({ min: 0, max: 14 }),
        (pos, shift_, swapAt) => {
          const code = newCertCode()
          const changed =
            code.slice(0, pos) +
            CERT_ALPHABET[(CERT_ALPHABET.indexOf(code[pos]) + shift_) % CERT_ALPHABET.length] +
            code.slice(pos + 1)
          expect(checkCertCode(changed)).toBe('typo')
          if (code[swapAt] !== code[swapAt + 1]) {
            const swapped = code.slice(0, swapAt) + code[swapAt + 1] + code[swapAt] + code.slice(swapAt + 2)
            expect(checkCertCode(swapped)).toBe('typo')
          }
        }
      )
    )
  })

  it('tells malformed text apart', () => {
    for (const bad of ['', 'ABC', 'K7QX-3MDP-W9TB-HR2', 'K7QX-3MDP-W9TB-HR2A1', 'O7QX3MDPW9TBHR2A', '17QX3MDPW9TBHR2A'])
      expect(checkCertCode(bad)).toBe('malformed')
  })
})

describe('words and limits', () => {
  it('says hours in plain words and decimals', () => {
    expect(hoursText(0)).toBe('0 小时')
    expect(hoursText(45)).toBe('45 分钟')
    expect(hoursText(120)).toBe('2 小时')
    expect(hoursText(530)).toBe('8 小时 50 分')
    expect(hoursText(-30)).toBe('减 30 分钟')
    expect(hoursDecimal(530)).toBe('8.8')
    expect(hoursDecimal(150)).toBe('2.5')
    expect(hoursDecimal(120)).toBe('2')
  })

  it('computes the age on a day and refuses intake from the limit on', () => {
    expect(ageOn('1951-12-02', '2026-12-01')).toBe(74)
    expect(ageOn('1951-12-01', '2026-12-01')).toBe(75)
    expect(intakeRefusal(74, { intakeMaxAge: 75 })).toBeNull()
    expect(intakeRefusal(75, { intakeMaxAge: 75 })).toContain('75 岁以下')
    expect(intakeRefusal(null, { intakeMaxAge: 75 })).toBeNull()
  })

  it('recognises a shift code by its text (for routing the scan), and nothing else', () => {
    expect(isShiftCodeText('YL1.shift-in.vs-1.abc.xyz')).toBe(true)
    expect(isShiftCodeText(' YL1.shift-out.vs-1.abc.xyz')).toBe(true)
    expect(isShiftCodeText('YL1.activity.a-1.abc.xyz')).toBe(false)
    expect(isShiftCodeText('YL1.person.p-1.abc.xyz')).toBe(false)
  })
})
