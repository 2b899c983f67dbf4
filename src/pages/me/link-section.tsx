import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import Section from '@/components/Section'
import BigButton from '@/components/BigButton'

/** A page of 我的 reaches: `key` names its test id (`me-<key>`). */
export interface MeLink {
  key: string
  text: string
  url: string
}

/** A titled group of 我的's links, one big button each; nothing when the person has none of them. */
export default function LinkSection({ title, links }: { title: string; links: MeLink[] }) {
  if (!links.length) return null
  return (
    <Section title={title}>
      {links.map((l) => (
        <View key={l.key} className='yl-me__link'>
          <BigButton variant='secondary' onClick={() => void Taro.navigateTo({ url: l.url })} testId={`me-${l.key}`}>
            {l.text}
          </BigButton>
        </View>
      ))}
    </Section>
  )
}
