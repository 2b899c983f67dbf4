/** weapp: write the .xlsx into the user data folder and open it (WeChat offers 转发 / 用其他应用打开 there). */
import Taro from '@tarojs/taro'
import type { AttendanceExport } from '@contract/actions'

export async function saveExport(file: AttendanceExport): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: reject
    })
  )
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  return `已打开「${file.filename}」，可以点右上角转发或保存`
}
