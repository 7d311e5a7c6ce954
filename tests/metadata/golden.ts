/**
 * The metadata contract kept in the golden files: what a workbook's formulas depend on (ids, names,
 * parameter names, types, optionality, dimensionality, result, options). Descriptions are checked
 * by rule in metadata.test.ts rather than word for word, so rewording one needs no golden update.
 *
 * To accept a deliberate change (a new function, a renamed parameter):
 *   node scripts/update-golden.mjs        (or: UPDATE_GOLDEN=1 npx jest tests/metadata)
 * then review the diff of tests/metadata/*.golden.json and commit it with the change.
 */
import fs from "fs";
import path from "path";
import type { Metadata } from "../functions/harness";

export const UPDATE = process.env.UPDATE_GOLDEN === "1";

export function contract(metadata: Metadata) {
  return metadata.functions.map((f) => ({
    id: f.id,
    name: f.name,
    parameters: f.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      dimensionality: p.dimensionality ?? "scalar",
      optional: p.optional === true,
      ...(p.repeating ? { repeating: true } : {}),
    })),
    result: f.result ?? {},
    ...(f.options ? { options: f.options } : {}),
  }));
}

/** Compares with the golden file, or rewrites it when UPDATE_GOLDEN=1. */
export function expectGolden(file: string, actual: unknown): void {
  const full = path.join(__dirname, file);
  if (UPDATE) {
    fs.writeFileSync(full, JSON.stringify(actual, null, 2) + "\n");
    return;
  }
  if (!fs.existsSync(full)) throw new Error(`${file} is missing: run node scripts/update-golden.mjs, review and commit it`);
  const golden = JSON.parse(fs.readFileSync(full, "utf8"));
  try {
    expect(actual).toEqual(golden);
  } catch (e) {
    throw new Error(
      `The generated metadata differs from tests/metadata/${file}. If the change is deliberate, run ` +
        `node scripts/update-golden.mjs, review the diff and commit it.\n${(e as Error).message}`,
    );
  }
}
