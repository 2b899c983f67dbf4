import Taro from '@tarojs/taro'
import { useAppStore } from '@/store'
import { tilesFor, type TileSpec } from './tile-list'

export interface HomeTile extends TileSpec {
  onTap: () => void
}

/**
 * 我要求助: for a family member not acting for anyone yet, first choose the elder (我的长辈); otherwise the form,
 * whose duty-phone call is the first thing on it.
 */
function askForHelp(): void {
  const { me, actingFor } = useAppStore.getState()
  const familyOnly = !!me && me.roles.includes('family') && !me.person
  void Taro.navigateTo({ url: familyOnly && !actingFor ? '/packages/family/home/index' : '/packages/help/new/index' })
}

/** 联系我们: one tap calls the liaison phone; without one (not loaded yet) the page says so (`noPhone`). */
function callLiaison(noPhone: () => void): void {
  const phone = useAppStore.getState().me?.liaisonPhone
  if (phone) void Taro.makePhoneCall({ phoneNumber: phone })
  else noPhone()
}

export function homeTiles(noPhone: () => void): HomeTile[] {
  return tilesFor(useAppStore.getState().me).map((t) => ({
    ...t,
    onTap: () => {
      const target = t.target
      if (target.kind === 'page') void Taro.navigateTo({ url: target.url })
      else if (target.kind === 'tab') void Taro.switchTab({ url: target.url })
      else if (target.kind === 'call') callLiaison(noPhone)
      else askForHelp()
    }
  }))
}
