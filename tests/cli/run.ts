/**
 * Runs the real `sroi` command (bin/sroi.js → lib/) in a child process. lib/ is rebuilt first when
 * any source it is compiled from is newer, so the tests never run yesterday's build.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "sroi.js");
const BUILT = join(ROOT, "lib", "cli", "main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const built = (() => {
    try {
      return statSync(BUILT).mtimeMs;
    } catch {
      return 0;
    }
  })();
  if (built >= newestSource(join(ROOT, "src"))) return;
  // tsc emits even when another engineer's file has a type error; what matters is that lib/ is fresh
  spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.cli.json")], {
    cwd: ROOT,
    stdio: "ignore",
  });
  if (!existsSync(BUILT)) throw new Error("lib/cli/main.js could not be built with tsconfig.cli.json");
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `user`: run as that user (the tests run as root in CI, for whom no file is unreadable). */
export function sroi(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[]; user?: { uid: number; gid: number } } = {}): Run {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8", ...options.env };
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    ...(options.user ?? {}),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const scratch = (): string => mkdtempSync(join(tmpdir(), "sroi-cli-"));
