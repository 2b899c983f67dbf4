import { Text, View } from '@tarojs/components'
import BigButton from '../BigButton'
import './index.scss'
import { a11y } from '../a11y'

export interface ConfirmDialogProps {
  open: boolean
  title: string
  message?: string
  confirmLabel: string
  cancelLabel?: string
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Asks before anything that cannot be undone. Big words, two big buttons, the safe choice first; it stays
 * until the user answers (no timer, no tap-outside dismissal).
 */
export default function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel = '不了，返回',
  danger,
  onConfirm,
  onCancel
}: ConfirmDialogProps) {
  if (!open) return null
  return (
    <View {...a11y({ role: 'dialog', label: title, modal: true })} className='yl-dialog'>
      <View className='yl-dialog__panel'>
        <Text className='yl-dialog__title'>{title}</Text>
        {message ? <Text className='yl-dialog__message'>{message}</Text> : null}
        <View className='yl-dialog__actions'>
          <BigButton variant='plain' onClick={onCancel} testId='dialog-cancel'>
            {cancelLabel}
          </BigButton>
          <View className='yl-dialog__gap' />
          <BigButton variant={danger ? 'danger' : 'primary'} primary onClick={onConfirm} testId='dialog-confirm'>
            {confirmLabel}
          </BigButton>
        </View>
      </View>
    </View>
  )
}
