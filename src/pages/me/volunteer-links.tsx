import type { Me } from '@contract/actions'
import LinkSection, { type MeLink } from './link-section'

/** 我的 → the volunteer pages this person's roles give them (a roster person: their own; staff: management). */
export function volunteerLinks(me: Me): MeLink[] {
  const links: MeLink[] = []
  if (me.person) {
    links.push({ key: 'volunteer', text: '志愿服务', url: '/packages/volunteer/index/index' })
    links.push({ key: 'volunteer-hours', text: '我的志愿服务时长', url: '/packages/volunteer/hours/index' })
    links.push({ key: 'volunteer-certificate', text: '志愿服务证明', url: '/packages/volunteer/certificate/index' })
    links.push({ key: 'volunteer-profile', text: '我的特长（银发人才库）', url: '/packages/volunteer/profile/index' })
  }
  if (me.roles.some((r) => r === 'staff' || r === 'admin')) {
    links.push({ key: 'volunteer-desk', text: '志愿服务管理', url: '/packages/volunteer-staff/index/index' })
    links.push({ key: 'volunteer-pool', text: '银发人才库', url: '/packages/volunteer-staff/pool/index' })
  }
  return links
}

export default function VolunteerLinks({ me }: { me: Me }) {
  return <LinkSection title='志愿服务' links={volunteerLinks(me)} />
}
