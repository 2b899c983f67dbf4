// Test projects (see docs/architecture.md, 'Tests'): unit, server (handlers on real SQLite), contract (one suite
// over every storage adapter), tooling (release scripts, the setData measurement of the built weapp),
// reliability (faults, concurrency, fuzzing, authorization, crash: docs/sync-and-reliability.md), components
// (src/components and hooks rendered with react-dom in jsdom: roles, words, sizes from the compiled styles), e2e
// (the built h5 app in Debian's Chromium against the real local host).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2021'
    },
    module: { type: 'commonjs' }
  }
]

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@contract/(.*)$': '<rootDir>/types/$1'
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json']
}

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'server', testMatch: ['<rootDir>/tests/server/**/*.test.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/tests/contract/**/*.test.ts'] },
    { ...common, displayName: 'tooling', testMatch: ['<rootDir>/tests/tooling/**/*.test.ts'] },
    { ...common, displayName: 'reliability', testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'] },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
      moduleNameMapper: {
        // Taro's host components and APIs as h5 draws them (tests/components/taro-host.tsx says why).
        '^@tarojs/components$': '<rootDir>/tests/components/taro-host.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/components/taro-api.ts',
        '\\.(css|scss)$': '<rootDir>/tests/components/style-stub.js',
        ...common.moduleNameMapper
      }
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], slowTestThreshold: 60 }
  ]
}
