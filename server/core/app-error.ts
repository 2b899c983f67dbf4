import { ERRORS, type ErrorCode } from '../../types/errors'
import type { ErrEnvelope } from '../../types/envelope'

/**
 * A failure a handler reports on purpose. `message` defaults to the code's plain-Chinese message; pass a more
 * specific one (e.g. with the time check-in opens) when it helps the reader. `details` is for the client's code.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message ?? ERRORS[code].message)
    this.name = 'AppError'
  }

  toEnvelope(): ErrEnvelope {
    return { ok: false, code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) }
  }
}

export function errEnvelope(code: ErrorCode, message?: string, details?: Record<string, unknown>): ErrEnvelope {
  return new AppError(code, message, details).toEnvelope()
}

export function httpStatus(code: ErrorCode): number {
  return ERRORS[code].status
}
