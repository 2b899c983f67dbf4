import type { ActivityCard } from '@contract/actions'

/** Places left, in words. */
export function placesText(a: Pick<ActivityCard, 'capacity' | 'placesLeft'>): string {
  if (a.capacity === null) return '不限名额'
  if (!a.placesLeft) return '名额已满，可报候补'
  return `还剩 ${a.placesLeft} 个名额`
}
