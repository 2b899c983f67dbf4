/**
 * The closed list of error codes. Every failure the server reports carries one of these codes and its message.
 * Messages are short, plain Chinese for an older reader and say what to do next.
 * `status` is the HTTP status the local host answers with; `retry` says whether the client's outbox may try
 * the same mutation again later (a temporary failure) or must drop it and show the message (a final one).
 *
 * This file is imported by the mini-program at runtime: keep it free of dependencies.
 */
export const ERRORS = {
  // request shape
  BAD_REQUEST: { status: 400, retry: false, message: '请求格式不对，请退出后重新打开小程序再试' },
  UNKNOWN_ACTION: { status: 400, retry: false, message: '这个功能暂时用不了，请更新小程序后再试' },
  VALIDATION: { status: 400, retry: false, message: '填写的内容有误，请检查后再提交' },
  MUTATION_ID_REQUIRED: { status: 400, retry: false, message: '提交信息不完整，请重新操作一次' },
  MUTATION_ID_REUSED: { status: 409, retry: false, message: '这次提交和之前的重复了，请重新操作一次' },
  PAYLOAD_TOO_LARGE: { status: 413, retry: false, message: '提交的内容太多了，请删减后再试' },
  BATCH_TOO_LARGE: { status: 413, retry: false, message: '一次提交的事情太多了，请稍后再同步' },
  // identity and permission
  UNAUTHENTICATED: { status: 401, retry: false, message: '请先登录后再操作' },
  NOT_REGISTERED: { status: 403, retry: false, message: '您的微信还没有绑定身份，请输入工作人员给您的激活码' },
  FORBIDDEN: { status: 403, retry: false, message: '您没有权限做这件事，如有需要请联系工作人员' },
  PROXY_NOT_ALLOWED: { status: 403, retry: false, message: '这件事需要本人办理，家属不能代办' },
  NOT_BOUND: { status: 403, retry: false, message: '您还没有和这位长辈绑定，请先完成绑定' },
  DEMO_ONLY: { status: 403, retry: false, message: '演示登录只在演示环境可用' },
  LOGIN_FAILED: { status: 401, retry: false, message: '账号或密码不对，请重新输入' },
  ACTIVATION_CODE_INVALID: { status: 400, retry: false, message: '激活码不对或已过期，请向工作人员重新要一个' },
  ACCOUNT_ALREADY_BOUND: { status: 409, retry: false, message: '这个微信已经绑定了身份，无需再次激活' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, retry: false, message: '第一次登录，请先改一个自己的新密码' },
  PASSWORD_TOO_WEAK: { status: 400, retry: false, message: '新密码至少要 10 位，并且不能和原密码一样' },
  WECHAT_LOGIN_FAILED: { status: 401, retry: false, message: '微信登录没有成功，请关掉小程序重新打开再试' },
  WECHAT_LOGIN_UNAVAILABLE: { status: 503, retry: false, message: '微信登录暂时用不了，请联系工作人员' },
  // lookups
  NOT_FOUND: { status: 404, retry: false, message: '没有找到这条信息，可能已被删除' },
  // activities
  ACTIVITY_NOT_OPEN: { status: 409, retry: false, message: '这个活动现在不能报名' },
  ACTIVITY_CANCELLED: { status: 409, retry: false, message: '这个活动已取消，请看看其他活动' },
  SIGNUP_CLOSED: { status: 409, retry: false, message: '报名已截止，请看看其他活动' },
  NOT_IN_AUDIENCE: { status: 403, retry: false, message: '这个活动只面向特定人员，您暂时不能报名' },
  NOT_SIGNED_UP: { status: 409, retry: false, message: '您还没有报名这个活动' },
  CHECKIN_NOT_OPEN: { status: 409, retry: false, message: '还没到签到时间，请到时再签' },
  CHECKIN_CLOSED: { status: 409, retry: false, message: '签到时间已过，如需补签请找工作人员' },
  TOKEN_EXPIRED: { status: 409, retry: false, message: '签到码已过期，请扫工作人员屏幕上最新的码' },
  TOKEN_INVALID: { status: 400, retry: false, message: '这不是有效的签到码，请扫工作人员屏幕上的码' },
  SYNC_TOO_LATE: { status: 409, retry: false, message: '这次签到离线太久才上传，已无法计入，请找工作人员补签' },
  NO_PLACES_LEFT: { status: 409, retry: false, message: '名额已满，请联系工作人员' },
  STILL_WAITLISTED: { status: 409, retry: false, message: '您还在候补名单上，暂时没有空余名额，请找工作人员' },
  CANCEL_CLOSED: { status: 409, retry: false, message: '活动已经开始，不能再取消报名了' },
  SCAN_TIME_INVALID: { status: 400, retry: false, message: '手机上的时间不对，请把手机时间调准后再扫一次' },
  PLACES_BELOW_TAKEN: { status: 409, retry: false, message: '名额不能少于已报名的人数，请改大一些' },
  REASON_REQUIRED: { status: 400, retry: false, message: '请填写原因后再提交' },
  // points
  INSUFFICIENT_POINTS: { status: 409, retry: false, message: '积分不够，暂时不能兑换' },
  OUT_OF_STOCK: { status: 409, retry: false, message: '这件物品已经兑换完了，请看看其他物品' },
  LIMIT_REACHED: { status: 409, retry: false, message: '您已达到兑换上限，不能再兑换了' },
  ALREADY_DONE: { status: 409, retry: false, message: '这件事已经办过了，不用再办' },
  // help requests and family
  ILLEGAL_TRANSITION: { status: 409, retry: false, message: '现在不能这样操作，请刷新后再看' },
  ALREADY_CLAIMED: { status: 409, retry: false, message: '这件事已经有人接了，请看看其他求助' },
  INVITE_INVALID: { status: 400, retry: false, message: '邀请码不对或已过期，请让长辈重新生成一个' },
  CHOOSE_ELDER: { status: 400, retry: false, message: '请先在「我的长辈」里选择为哪位长辈办理' },
  ASSIGNEE_INVALID: { status: 409, retry: false, message: '这个人现在不能接这件事，请换一个人' },
  PHOTO_INVALID: { status: 400, retry: false, message: '只能上传照片，请重新选择一张' },
  PHOTO_TOO_LARGE: { status: 413, retry: false, message: '照片太大了，请换一张或重新拍' },
  // volunteer service
  NOT_TEAM_MEMBER: { status: 403, retry: false, message: '这个活动只面向队员，请先申请加入队伍' },
  AGE_LIMIT: { status: 409, retry: false, message: '银发人才库只收录规定年龄以下的老同志，您仍可以参加志愿活动' },
  NOT_CHECKED_IN: { status: 409, retry: false, message: '还没有签到，请先扫签到码签到' },
  NO_HOURS: { status: 409, retry: false, message: '还没有志愿服务时长，参加志愿服务并签到签退后再来开证明' },
  CERTIFICATE_INVALID: { status: 400, retry: false, message: '证明编号不对，请核对后重新输入' },
  // server side
  BUSY: { status: 503, retry: true, message: '现在办理的人太多，请稍等一会儿再试' },
  RATE_LIMITED: { status: 429, retry: true, message: '操作太快了，请稍等一会儿再试' },
  /** The database could not be reached (CloudBase -501001/-501002, a timeout, a dropped connection). */
  UNAVAILABLE: { status: 503, retry: true, message: '网络不好，稍后会自动重试' },
  INTERNAL: { status: 500, retry: true, message: '系统出了点问题，请稍后再试，或联系工作人员' },
  // client side only (the transport could not reach the server)
  NETWORK: { status: 0, retry: true, message: '网络不好，已保存在手机上，有网时会自动提交' },
  STORAGE_FULL: {
    status: 0,
    retry: false,
    message: '手机里待同步的事情太多，存不下了。请连上网络，点「立即同步」，同步完再办这件事'
  }
} as const satisfies Record<string, { status: number; retry: boolean; message: string }>

export type ErrorCode = keyof typeof ERRORS

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[]

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value)
}

export function errorMessage(code: ErrorCode): string {
  return ERRORS[code].message
}

/** A temporary failure: the outbox keeps the mutation and tries again with backoff. */
export function isRetryable(code: ErrorCode): boolean {
  return ERRORS[code].retry
}
