import { useAppStore } from '@/store'

export const useElderMode = () => useAppStore((s) => s.elderMode)
