import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import BigButton from '../BigButton'
import Field from '../Field'
import { a11y } from '../a11y'
import '../Dialog/index.scss'

export interface ReasonDialogProps {
  open: boolean
  title: string
  message?: string
  label: string
  placeholder?: string
  confirmLabel: string
  /** A reason is required (代签): the confirm button explains instead of going ahead without one. */
  required?: boolean
  danger?: boolean
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/** Like ConfirmDialog, with a reason written down first (代签, cancelling an activity). */
export default function ReasonDialog({
  open,
  title,
  message,
  label,
  placeholder,
  confirmLabel,
  required,
  danger,
  onConfirm,
  onCancel
}: ReasonDialogProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (open) {
      setReason('')
      setError(null)
    }
  }, [open])
  if (!open) return null
  return (
    <View {...a11y({ role: 'dialog', label: title, modal: true })} className='yl-dialog'>
      <View className='yl-dialog__panel'>
        <Text className='yl-dialog__title'>{title}</Text>
        {message ? <Text className='yl-dialog__message'>{message}</Text> : null}
        <Field
          label={label}
          value={reason}
          onInput={(v) => {
            setReason(v)
            setError(null)
          }}
          placeholder={placeholder}
          maxlength={200}
          error={error}
          testId='reason-input'
        />
        <View className='yl-dialog__actions'>
          <BigButton variant='plain' onClick={onCancel} testId='dialog-cancel'>
            不了，返回
          </BigButton>
          <View className='yl-dialog__gap' />
          <BigButton
            variant={danger ? 'danger' : 'primary'}
            primary
            testId='dialog-confirm'
            onClick={() => {
              const why = reason.trim()
              if (required && why.length < 2) {
                setError('请写明原因，例如「本人到场，不会用手机」')
                return
              }
              onConfirm(why)
            }}
          >
            {confirmLabel}
          </BigButton>
        </View>
      </View>
    </View>
  )
}
