/**
 * WeChat login for the mini-program against a self-hosted API. The phone gets a one-time code from wx.login and
 * sends it; the server (never the phone) exchanges it with WeChat's code2Session for the user's openid, using
 * the mini-program's AppID and AppSecret from its settings. The session that follows is for `wx:<openid>`,
 * the same account id the CloudBase entry derives from OPENID, so activation (激活码) and everything after it
 * work the same on both hosts. Nothing the phone sends besides the code is read: identity comes from WeChat.
 *
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 */
import { AppError } from '../../core/app-error'
import type { Logger } from '../../core/context'
import type { WechatSettings } from './serve-config'

export interface WechatSession {
  openid: string
  unionid?: string
}

/** WeChat's answers that mean "this code is no good": ask the phone for a fresh one. */
const BAD_CODE = new Set([40029, 40163, 40226])
/** WeChat is busy or we are over the minute quota: a temporary failure. */
const BUSY = new Set([-1, 45011])
/** The server's AppID/AppSecret are wrong: nothing the user can fix. */
const BAD_SETTINGS = new Set([40013, 40125, 41002, 41004])

const CODE_SHAPE = /^[\w-]{1,128}$/

export async function code2Session(
  settings: WechatSettings | null | undefined,
  code: unknown,
  log: Logger
): Promise<WechatSession> {
  if (typeof code !== 'string' || !CODE_SHAPE.test(code)) throw new AppError('VALIDATION')
  if (!settings) {
    log.error('wechat login refused: YINLING_WX_APPID / YINLING_WX_SECRET are not set')
    throw new AppError('WECHAT_LOGIN_UNAVAILABLE')
  }
  const url = new URL('/sns/jscode2session', settings.apiBase)
  url.search = new URLSearchParams({
    appid: settings.appid,
    secret: settings.secret,
    js_code: code,
    grant_type: 'authorization_code'
  }).toString()
  let body: { openid?: unknown; unionid?: unknown; errcode?: unknown; errmsg?: unknown }
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(8000) })
    // WeChat answers JSON with Content-Type text/plain; read the text and parse it whatever the header says.
    body = JSON.parse(await res.text())
  } catch (err) {
    log.error('wechat code2Session unreachable', { error: err instanceof Error ? err.message : String(err) })
    throw new AppError('BUSY')
  }
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0
  if (errcode === 0 && typeof body.openid === 'string' && body.openid) {
    return { openid: body.openid, ...(typeof body.unionid === 'string' ? { unionid: body.unionid } : {}) }
  }
  const errmsg = typeof body.errmsg === 'string' ? body.errmsg : ''
  if (BAD_CODE.has(errcode)) throw new AppError('WECHAT_LOGIN_FAILED')
  if (BUSY.has(errcode)) throw new AppError('BUSY')
  if (BAD_SETTINGS.has(errcode)) {
    log.error('wechat code2Session refused the AppID/AppSecret: check YINLING_WX_APPID and YINLING_WX_SECRET', {
      errcode,
      errmsg
    })
  } else {
    log.error('wechat code2Session failed', { errcode, errmsg })
  }
  throw new AppError('WECHAT_LOGIN_UNAVAILABLE')
}
