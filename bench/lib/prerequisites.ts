/**
 * What `npm run bench` needs before it starts anything: Chromium (every benchmark measures in
 * it), the built app, and for the peer benchmarks root with `ip netns`. Checked first, so a
 * machine without them gets one clear message and an exit code instead of a failure per
 * benchmark.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

/** Benchmarks that run real peers in network namespaces (tests/e2e/netns). */
export const NEEDS_NETNS: ReadonlySet<string> = new Set(['P3', 'P4', 'P5', 'P15', 'S1']);

export interface Problem {
  what: string;
  fix: string;
}

/** The Chromium binary benchmarks launch: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Problems that stop every benchmark (an empty list: go). */
export function checkCommon(root: string, env: NodeJS.ProcessEnv = process.env): Problem[] {
  const problems: Problem[] = [];
  const chromium = chromiumPath(env);
  if (!isExecutableFile(chromium)) {
    problems.push({
      what: `Chromium was not found at ${chromium}${env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''}: every benchmark measures the app in Chromium.`,
      fix: 'Install it (Debian/Ubuntu: `apt-get install chromium`) or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    });
  }
  const dist = resolve(root, env.BENCH_APP_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    problems.push({
      what: `The built app is missing: ${join(dist, 'index.html')} does not exist.`,
      fix: env.BENCH_APP_DIST ? `Build it: \`npx vite build --outDir ${dist}\`.` : '`npm run bench` builds it first; with `npx tsx bench/run.ts` run `npx vite build` before.',
    });
  }
  return problems;
}

/** Why peer benchmarks cannot run here (null when they can). */
export function netnsProblem(): string | null {
  if (process.getuid?.() !== 0) return 'they run real peers in network namespaces, which needs root';
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'pipe' });
  } catch (err) {
    return `\`ip netns\` is unavailable (${(err as Error).message.split('\n')[0]})`;
  }
  return null;
}

/** The message printed when prerequisites are missing. */
export function formatProblems(problems: Problem[]): string {
  const lines = ['npm run bench cannot start:', ...problems.flatMap((p) => [`  ✗ ${p.what}`, `    → ${p.fix}`]), 'Nothing was run.'];
  return lines.join('\n');
}
