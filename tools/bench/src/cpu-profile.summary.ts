import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

/** The functions that spent most time themselves (not in their callees) in a V8 `.cpuprofile`. */
export function topSelfTime(path: string, top = 25): { totalMs: number; functions: HotFunction[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerHit = hits === 0 ? 0 : totalMs / hits;
  const byFunction = new Map<string, HotFunction>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.startsWith('file://') ? relative(process.cwd(), new URL(url).pathname) : url;
    const where = file ? `${file}:${lineNumber + 1}` : '';
    const name = functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, selfMs: 0, share: 0 };
    entry.selfMs += (node.hitCount ?? 0) * msPerHit;
    byFunction.set(key, entry);
  }
  const functions = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const f of functions) f.share = totalMs === 0 ? 0 : f.selfMs / totalMs;
  return { totalMs, functions };
}

/** One line per hot function: self time, share of the profile, name and place. */
export function formatTopSelfTime(summary: ReturnType<typeof topSelfTime>): string[] {
  return summary.functions.map((f) => `${f.selfMs.toFixed(0).padStart(7)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}  ${f.where}`);
}
