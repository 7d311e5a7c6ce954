/**
 * `sroi compute --recalculate`: LibreOffice headless recalculates copies of the workbooks before
 * they are read, so an input cell's formula counts with its recomputed result rather than the one
 * saved in the file. The user's files are only read: copies, a throwaway profile and the converted
 * files live in one temporary folder, removed afterwards.
 */
import { spawn } from "node:child_process";
import { accessSync, constants, rmSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** Where soffice usually is, when SOFFICE does not say: Debian's package, a tarball install, macOS, Windows. */
const USUAL = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

const runnable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The soffice program: SOFFICE when set (and then only it: a wrong SOFFICE is the user's mistake
 * to hear about, not to paper over), else the usual places, else PATH.
 */
export function findSoffice(env: NodeJS.ProcessEnv): { path: string } | { missing: true; given?: string } {
  const given = env.SOFFICE;
  if (given !== undefined && given !== "") return runnable(given) ? { path: given } : { missing: true, given };
  for (const p of USUAL) if (runnable(p)) return { path: p };
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of ["soffice", "soffice.exe"]) if (runnable(join(dir, name))) return { path: join(dir, name) };
  }
  return { missing: true };
}

/**
 * /org.openoffice.Office.Calc/Formula/Load: OOXMLRecalcMode 0 = always recalculate (1 = never,
 * 2 = ask). The default asks, which headless means "never": the cached values would be kept.
 */
export const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A recalculated copy to read instead of the file, or why there is none. */
export type Recalculated = { path: string } | { failed: "timedOut" } | { failed: "error"; why: string };

export interface Recalculation {
  /** by the file's path as given to recalculateAll */
  files: Map<string, Recalculated>;
  /** removes the temporary folder */
  cleanUp(): Promise<void>;
}

/** The last lines of what soffice said, to name the failure without flooding the terminal. */
const tail = (text: string): string => text.trim().split("\n").slice(-2).join(" ").slice(-300);

/**
 * All workbooks in one soffice run (its start-up is the slow part), within `seconds`. soffice
 * converts the files one after the other, so when the run fails or is stopped the files already
 * converted are still used; the others are reported as not recalculated.
 */
export async function recalculateAll(soffice: string, paths: string[], seconds: number): Promise<Recalculation> {
  const root = await mkdtemp(join(tmpdir(), "sroi-recalc-"));
  const cleanUp = () => rm(root, { recursive: true, force: true });
  const files = new Map<string, Recalculated>();
  if (paths.length === 0) return { files, cleanUp };
  try {
    const profile = join(root, "profile");
    const input = join(root, "in");
    const output = join(root, "out");
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    await mkdir(input);
    await mkdir(output);
    // numbered copies: two files of a folder may share a base name (a.xlsx, a.xlsm), and soffice
    // names its output after the input's base name
    const copies = paths.map((_, k) => join(input, `${k + 1}.xlsx`));
    await Promise.all(paths.map((p, k) => copyFile(p, copies[k])));
    const run = await runSoffice(
      soffice,
      [`-env:UserInstallation=${fileUrl(profile)}`, "--headless", "--invisible", "--norestore", "--nolockcheck", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", output, ...copies],
      seconds * 1000,
      root,
    );
    const made = new Set(await readdir(output));
    paths.forEach((p, k) => {
      const name = `${k + 1}.xlsx`;
      if (made.has(name)) files.set(p, { path: join(output, name) });
      else if (run.timedOut) files.set(p, { failed: "timedOut" });
      else files.set(p, { failed: "error", why: run.error ?? (run.code !== 0 ? `soffice exit code ${run.code}: ${tail(run.output)}` : tail(run.output) || "soffice wrote no file") });
    });
    return { files, cleanUp };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}

/** file:///tmp/…, as soffice's -env:UserInstallation wants it (also on Windows: file:///C:/…). */
const fileUrl = (path: string): string => `file://${path.startsWith("/") ? "" : "/"}${path.replace(/\\/g, "/")}`;

interface Run {
  code: number | null;
  timedOut: boolean;
  output: string;
  error?: string;
}

/**
 * soffice in its own process group, so that a stop also ends the soffice.bin it starts; its
 * output is kept (bounded) to explain a failure.
 */
function runSoffice(program: string, args: string[], ms: number, root: string): Promise<Run> {
  return new Promise((resolve) => {
    let output = "";
    let timedOut = false;
    const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const stop = () => {
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, ms);
    // soffice has its own process group, so Ctrl-C does not reach it: stop it, remove the copies, then die of the signal
    const onSignal = (signal: NodeJS.Signals) => {
      stop();
      rmSync(root, { recursive: true, force: true });
      done();
      process.kill(process.pid, signal);
    };
    const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
    for (const s of signals) process.once(s, onSignal);
    const done = () => {
      clearTimeout(timer);
      for (const s of signals) process.removeListener(s, onSignal);
    };
    child.on("error", (e) => {
      done();
      resolve({ code: null, timedOut, output, error: (e as NodeJS.ErrnoException).code ?? e.message });
    });
    child.on("close", (code) => {
      done();
      resolve({ code, timedOut, output });
    });
  });
}
