/**
 * 志愿服务证明, following 民政部令第67号《志愿服务记录与证明出具办法》: the volunteer's identity (name, gender,
 * birth year, county, the 志愿者编号 that tells namesakes apart, and the ID number masked where the deployment
 * keeps ID numbers: volunteer-number.ts), the service items with their dates and hours, the total, the
 * issuing organisation and date, and a verification code. Built from the hours ledger only.
 *
 * A certificate is a snapshot: `volunteerCertificates/<personId>:<entries>` holds the facts as they were when
 * the ledger had that many entries, so asking again without new hours gives the same certificate (and code),
 * and new hours give a new one. Earlier certificates stay valid for what they say.
 */
import type { CertificateFacts, CertificateItem } from '../../../types/actions/volunteer'
import { businessDay } from '../../../types/time'
import { CERT_REGULATION } from '../../../types/volunteer-rules'
import { AppError } from '../../core/app-error'
import type { StoragePort, Tx } from '../../storage/port'
import type { HoursEntryDoc, OrgUnitDoc, PersonDoc, VolunteerCertificateDoc } from '../../storage/schema'
import { findAll } from '../points/points-read'
import { newCertCode } from './certificate-code'
import { assignVolunteerNumber, maskIdNumber } from './volunteer-number'

export const certificateId = (personId: string, entries: number) => `${personId}:${entries}`

/** The items: one per volunteer activity (服务项目), with the days served, shifts and net minutes. */
export async function certificateItems(
  store: Pick<StoragePort, 'find'>,
  entries: HoursEntryDoc[]
): Promise<CertificateItem[]> {
  const byActivity = new Map<string, HoursEntryDoc[]>()
  for (const e of entries) byActivity.set(e.activityId, [...(byActivity.get(e.activityId) ?? []), e])
  const activities = byActivity.size
    ? await store.find('volunteerActivities', { where: { _id: { in: [...byActivity.keys()] } } })
    : []
  const items: CertificateItem[] = []
  for (const [activityId, list] of byActivity) {
    const perShift = new Map<string, { minutes: number; day: string }>()
    for (const e of list) {
      const s = perShift.get(e.shiftId) ?? { minutes: 0, day: e.day }
      s.minutes += e.minutes
      perShift.set(e.shiftId, s)
    }
    const served = [...perShift.values()].filter((s) => s.minutes > 0)
    if (served.length === 0) continue
    const days = served.map((s) => s.day).sort()
    const activity = activities.find((a) => a._id === activityId)
    items.push({
      title: activity?.title ?? list[0].text.replace(/^「(.*)」.*$/, '$1'),
      serviceItem: activity?.serviceItem ?? '志愿服务',
      firstDay: days[0],
      lastDay: days[days.length - 1],
      shifts: served.length,
      minutes: served.reduce((a, s) => a + s.minutes, 0)
    })
  }
  return items.sort((a, b) =>
    a.firstDay < b.firstDay ? -1 : a.firstDay > b.firstDay ? 1 : a.title.localeCompare(b.title, 'zh')
  )
}

/** The bureau at the top of the person's unit, and the county office (if the person belongs to a county). */
export function issuerOf(person: PersonDoc, units: OrgUnitDoc[]): { issuerName: string; issuerUnit: string | null } {
  let unit = units.find((u) => u._id === person.orgUnitId)
  const own = unit
  while (unit?.parentId) unit = units.find((u) => u._id === unit!.parentId)
  return { issuerName: unit?.name ?? '老干部局', issuerUnit: own && own._id !== unit?._id ? own.name : null }
}

export function factsOf(doc: VolunteerCertificateDoc): CertificateFacts {
  return {
    code: doc.code,
    name: doc.name,
    gender: doc.gender === 'male' ? '男' : '女',
    birthYear: doc.birthYear,
    countyName: doc.countyName,
    volunteerNo: doc.volunteerNo ?? null,
    idMasked: doc.idMasked ?? null,
    items: doc.items,
    totalMinutes: doc.totalMinutes,
    issuerName: doc.issuerName,
    issuerUnit: doc.issuerUnit,
    issuedAt: doc.issuedAt,
    issuedDay: doc.issuedDay,
    throughDay: doc.throughDay,
    regulation: CERT_REGULATION
  }
}

export interface Prepared {
  person: PersonDoc
  entries: number
  doc: Omit<VolunteerCertificateDoc, 'code' | '_id'>
}

/** Everything a certificate says, read before the transaction that stores it (which checks nothing moved). */
export async function prepareCertificate(
  store: StoragePort,
  person: PersonDoc,
  units: OrgUnitDoc[],
  now: number,
  issuedBy: string
): Promise<Prepared> {
  const [balance, entries] = await Promise.all([
    store.get('hoursBalances', person._id),
    findAll(store, 'hoursLedger', { where: { personId: person._id }, orderBy: [['seq', 'asc']] })
  ])
  const items = await certificateItems(store, entries)
  const totalMinutes = items.reduce((a, i) => a + i.minutes, 0)
  if (!balance || totalMinutes <= 0) throw new AppError('NO_HOURS')
  const today = businessDay(now)
  return {
    person,
    entries: entries.length,
    doc: {
      personId: person._id,
      name: person.name,
      gender: person.gender,
      birthYear: person.birthDate.slice(0, 4),
      countyName: units.find((u) => u._id === person.orgUnitId)?.name ?? '',
      volunteerNo: person.volunteerNo ?? null,
      idMasked: maskIdNumber(person.idNumber),
      items,
      totalMinutes,
      ...issuerOf(person, units),
      ledgerEntries: entries.length,
      throughDay: today,
      issuedAt: now,
      issuedDay: today,
      issuedBy,
      status: 'valid'
    }
  }
}

/** Stores the certificate (or answers the one already issued for this ledger state). */
export async function storeCertificate(
  tx: Tx,
  p: Prepared
): Promise<{ doc: VolunteerCertificateDoc; reused: boolean }> {
  const balance = await tx.get('hoursBalances', p.person._id)
  // New hours arrived since the facts were read: the outbox sends it again and it is read afresh.
  if ((balance?.entries ?? 0) !== p.entries) throw new AppError('BUSY', '时长刚刚有变化，请再点一次')
  const _id = certificateId(p.person._id, p.entries)
  const existing = await tx.get('volunteerCertificates', _id)
  if (existing) return { doc: existing, reused: true }
  // Someone credited with hours before numbers were given (or without a team) gets theirs now.
  const volunteerNo = p.doc.volunteerNo ?? (await assignVolunteerNumber(tx, p.person._id, p.doc.issuedAt))
  const doc: VolunteerCertificateDoc = { _id, code: newCertCode(), ...p.doc, volunteerNo }
  await tx.put('volunteerCertificates', doc)
  return { doc, reused: false }
}
