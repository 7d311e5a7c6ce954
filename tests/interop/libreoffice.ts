/**
 * LibreOffice Calc as an independent spreadsheet engine: converts .xlsx files headless, with a
 * throwaway profile told to recalculate every OOXML file on load, so the values in the converted
 * files are LibreOffice's own, never a cached result.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function findSoffice(): string | null {
  for (const candidate of [process.env.SOFFICE, "/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const which = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/**
 * /org.openoffice.Office.Calc/Formula/Load: OOXMLRecalcMode 0 = always recalculate (1 = never,
 * 2 = ask). The default asks, which headless means "never": cached values would be kept.
 */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface Conversion {
  /** the temporary folder holding the profile, the inputs and the outputs: remove it when done */
  root: string;
  /** converted file by input base name */
  outputs: Record<string, string>;
  milliseconds: number;
  log: string;
}

/** LibreOffice's filter for an .xlsx file saved again (the default), and for a PDF of every sheet. */
export const TO_XLSX = "xlsx:Calc MS Excel 2007 XML";
export const TO_PDF = "pdf:calc_pdf_Export";

/** Converts every file in one soffice run (its start-up is the slow part). */
export function convertAll(soffice: string, files: Record<string, Uint8Array>, to: string = TO_XLSX): Conversion {
  const root = mkdtempSync(join(tmpdir(), "sroi-lo-"));
  const profile = join(root, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const input = join(root, "in");
  const output = join(root, "out");
  mkdirSync(input);
  mkdirSync(output);
  const paths = Object.entries(files).map(([name, bytes]) => {
    const p = join(input, `${name}.xlsx`);
    writeFileSync(p, bytes);
    return p;
  });
  const started = Date.now();
  const log = execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", output, ...paths],
    { encoding: "utf8", timeout: 120_000, stdio: ["ignore", "pipe", "pipe"] },
  );
  const milliseconds = Date.now() - started;
  const outputs: Record<string, string> = {};
  for (const f of readdirSync(output)) outputs[f.replace(/\.(xlsx|pdf)$/, "")] = join(output, f);
  return { root, outputs, milliseconds, log };
}
