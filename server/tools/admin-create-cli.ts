/**
 * npm run admin:create -- <username> [--name <显示名>] [--as <existing admin>]
 *
 * Passwords are never arguments (they would stay in the shell history): at a terminal they are asked for
 * (not echoed); otherwise they are read from stdin, one a line — with --as, the existing administrator's
 * password first, then the new account's. The database is the deployment's (YINLING_DATA_DIR, or YINLING_DB).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { localDbFile } from '../hosts/local/config'
import { SqliteStorage } from '../storage/sqlite/sqlite-adapter'
import { AdminCreateError, createAdmin } from './admin-accounts'

function parseArgs(argv: string[]) {
  const out: { username?: string; name?: string; as?: string } = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--as' || a === '--name') {
      const v = argv[++i]
      if (!v) throw new AdminCreateError(`${a} 后面要跟一个值`)
      if (a === '--as') out.as = v
      else out.name = v
    } else if (a.startsWith('--')) throw new AdminCreateError(`不认识的选项 ${a}`)
    else if (!out.username) out.username = a
    else throw new AdminCreateError(`多了一个参数 ${a}`)
  }
  if (!out.username)
    throw new AdminCreateError('用法：npm run admin:create -- <用户名> [--name 显示名] [--as 已有管理员]')
  return out
}

async function stdinLines(): Promise<string[]> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)
}

/** Asks at the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  let muted = false
  const out = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stderr.write(chunk)
      cb()
    }
  })
  const rl = createInterface({ input: process.stdin, output: out, terminal: true })
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  let actorPassword: string | undefined
  let password: string
  if (process.stdin.isTTY) {
    if (args.as) actorPassword = await askHidden(`管理员 ${args.as} 的密码：`)
    password = await askHidden(`给 ${args.username} 设一个初始密码（至少 10 位）：`)
    if ((await askHidden('再输入一次：')) !== password) throw new AdminCreateError('两次输入的密码不一样')
  } else {
    const lines = await stdinLines()
    if (args.as) actorPassword = lines.shift() ?? ''
    password = lines.shift() ?? ''
  }
  const dbFile = localDbFile()
  mkdirSync(path.dirname(dbFile), { recursive: true })
  const store = new SqliteStorage({ filename: dbFile })
  try {
    const { accountId, bootstrap } = await createAdmin(store, {
      username: args.username!,
      displayName: args.name,
      password,
      as: args.as ? { username: args.as, password: actorPassword ?? '' } : undefined,
      now: Date.now()
    })
    process.stdout.write(
      `已创建管理员 ${accountId.slice('local:'.length)}${bootstrap ? '（第一个管理员）' : ''}。\n` +
        `第一次登录时会要求改密码。数据库：${dbFile}\n`
    )
  } finally {
    await store.close()
  }
}

main().catch((err) => {
  process.stderr.write(
    `${err instanceof AdminCreateError ? err.message : err instanceof Error ? err.stack : String(err)}\n`
  )
  process.exit(1)
})
