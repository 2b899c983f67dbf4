import type { Me } from '@contract/actions'
import LinkSection, { type MeLink } from './link-section'

/** 我的 → the help and family pages this person's roles give them. */
export function helpLinks(me: Me): MeLink[] {
  const has = (r: string) => me.roles.some((x) => x === r)
  const links: MeLink[] = []
  if (me.person) links.push({ key: 'help-mine', text: '我的求助', url: '/packages/help/list/index' })
  if (has('retiree')) {
    links.push({ key: 'family-members', text: '家属绑定', url: '/packages/family/members/index' })
    links.push({ key: 'done-for-me', text: '替我办过的事', url: '/packages/family/done/index' })
  }
  if (has('family')) links.push({ key: 'family-home', text: '我的长辈（代办）', url: '/packages/family/home/index' })
  if (has('volunteer')) links.push({ key: 'help-tasks', text: '我的任务（求助）', url: '/packages/help/tasks/index' })
  if (has('staff') || has('admin')) {
    links.push({ key: 'help-queue', text: '求助工单', url: '/packages/help-staff/queue/index' })
    links.push({ key: 'staff-bindings', text: '家属绑定核实', url: '/packages/help-staff/bindings/index' })
  }
  return links
}

export default function HelpLinks({ me }: { me: Me }) {
  return <LinkSection title='求助与家属' links={helpLinks(me)} />
}
