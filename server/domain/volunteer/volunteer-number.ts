/**
 * 志愿者编号 (民政部令第67号《志愿服务记录与证明出具办法》 asks that a record identify the volunteer): given once,
 * when a person first becomes a member of a volunteer team, and never changed or reused. It is what tells two
 * volunteers of the same name, birth year and county apart on a 志愿服务证明 and on its public verification.
 *
 * `YL` and a six-digit sequence (YL000001, …): the sequence is one counter document (`settings/volunteerNumbers`)
 * written in the same transaction as the person, so two people joining at once conflict and one is re-run —
 * no number is given twice, on SQLite or under CloudBase's snapshot isolation. It carries no personal data.
 *
 * ID numbers (身份证号) are kept only where the deployment keeps them (`PersonDoc.idNumber`, from the roster);
 * a certificate then shows them masked (`maskIdNumber`), the same on the public verification.
 */
import type { Tx } from '../../storage/port'

export const VOLUNTEER_NUMBER_COUNTER = 'volunteerNumbers'

export function formatVolunteerNumber(seq: number): string {
  return `YL${String(seq).padStart(6, '0')}`
}

/** The person's volunteer number, given now if they have none. Inside the caller's transaction. */
export async function assignVolunteerNumber(tx: Tx, personId: string, now: number): Promise<string | null> {
  const person = await tx.get('persons', personId)
  if (!person) return null
  if (person.volunteerNo) return person.volunteerNo
  const counter = await tx.get('settings', VOLUNTEER_NUMBER_COUNTER)
  const next = (typeof counter?.value?.next === 'number' ? counter.value.next : 1) as number
  const volunteerNo = formatVolunteerNumber(next)
  if (counter)
    await tx.update('settings', VOLUNTEER_NUMBER_COUNTER, {
      value: { next: next + 1 },
      updatedAt: now,
      updatedBy: 'system'
    })
  else
    await tx.create('settings', {
      _id: VOLUNTEER_NUMBER_COUNTER,
      value: { next: next + 1 },
      updatedAt: now,
      updatedBy: 'system'
    })
  await tx.update('persons', personId, { volunteerNo })
  return volunteerNo
}

/**
 * '62**********1234' style: the province (first two digits) and the last four, nothing of the birth date or
 * the county. Null when there is no ID number, or it is not an 18- or 15-character one.
 */
export function maskIdNumber(idNumber: string | null | undefined): string | null {
  const id = (idNumber ?? '').trim().toUpperCase()
  if (!/^\d{17}[\dX]$|^\d{15}$/.test(id)) return null
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 6)}${id.slice(-4)}`
}
