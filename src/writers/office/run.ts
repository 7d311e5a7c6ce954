/**
 * One Excel.run per user action, with its round trips counted: every context.sync() is a trip to
 * Excel (over the network on the web), so the writers keep that number constant.
 */
export interface Counted<T> {
  value: T;
  syncs: number;
}

export async function excelRun<T>(batch: (context: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>): Promise<Counted<T>> {
  let syncs = 0;
  const value = await Excel.run(async (context) => {
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    return batch(context, sync);
  });
  return { value, syncs };
}

/** The API sets the writers need: data validation (1.8) is the newest. */
export const REQUIRED_SETS: { name: string; version: string }[] = [{ name: "ExcelApi", version: "1.8" }];

/** Whether this Excel has an API set (false where Office cannot tell). */
export function supports(name: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}

export function checkRequirements(): { ok: boolean; missing: string[] } {
  const missing = REQUIRED_SETS.filter((s) => !supports(s.name, s.version)).map((s) => `${s.name} ${s.version}`);
  return { ok: missing.length === 0, missing };
}

/** A sheet name that is free (Excel compares without regard to case), within 31 characters. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let k = 2; ; k++) {
    const tail = ` (${k})`;
    const name = wanted.slice(0, 31 - tail.length) + tail;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
