/** Types for common.mjs (the benchmarks written in TypeScript import it). */
export declare const root: string
export declare function percentile(sorted: number[], p: number): number
export declare function summary(ms: number[]): { n: number; p50: number; p95: number; p99: number; max: number }
export declare function round(x: number, d?: number): number
export declare function machine(): { cpu: string; cores: number; memoryGiB: number; node: string; platform: string }
export declare function report(name: string, result: Record<string, unknown>): Record<string, unknown>
