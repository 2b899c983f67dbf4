import { chromium } from 'playwright-core'
const base = process.argv[2] ?? 'http://127.0.0.1:3999'
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
  ]
})
const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, locale: 'zh-CN' })
const page = await ctx.newPage()
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console:', m.text())
})
page.on('pageerror', (e) => console.log('pageerror:', e.message))
await page.goto(base + '/')
await page.waitForTimeout(1500)
await page.screenshot({ path: '/tmp/shots/1-start.png' })
console.log('url', page.url())
const demo = page.getByTestId('demo-local:zhangguilan')
await demo.click()
await page.waitForTimeout(2000)
await page.screenshot({ path: '/tmp/shots/2-home.png', fullPage: true })
console.log('url', page.url())
await page.getByTestId('tab-活动').click()
await page.waitForTimeout(1500)
await page.screenshot({ path: '/tmp/shots/3-activities.png', fullPage: true })
await page.locator('[data-testid^="activity-a-"]:visible').first().click()
await page.waitForTimeout(2000)
await page.screenshot({ path: '/tmp/shots/4-detail.png', fullPage: true })
console.log('url', page.url())
await browser.close()
