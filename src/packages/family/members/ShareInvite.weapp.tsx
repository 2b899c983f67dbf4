import { Button, Text } from '@tarojs/components'

/**
 * weapp: send the code as a card. The card carries the code only, never who sent it: whoever opens it binds
 * as themselves, and the elder still has to confirm.
 */
export default function ShareInvite() {
  return (
    <>
      <Text className='yl-members__hint'>可以直接发给家人，也可以把这 6 位数字告诉他们。</Text>
      <Button className='yl-btn yl-btn--secondary yl-btn--block' openType='share'>
        发给家人（微信）
      </Button>
    </>
  )
}
