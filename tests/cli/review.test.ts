/**
 * `sroi compute` adds what an evaluator checks next (issue #11): the checks against over-claiming,
 * and the ratio's sensitivity. The method's reference case (§8: quantity 10, proxy 1,000, deadweight
 * 20 %, attribution 25 %, drop-off 10 %, 3 years, 3.5 %, inputs 10,000) has PV 15,221.5008, so its
 * proxy breaks even at 1,000 × 10,000 / 15,221.5008 and its quantity at 10 × 10,000 / 15,221.5008.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt, scratch, sroi } from "./run";

const PV = 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3; // 15,221.5008, by hand
const REFERENCE = {
  schema: "sroi-assessment/1",
  settings: { organisation: "Reference", title: "Method §8", currency: "EUR", discountRate: 0.035 },
  stakeholders: [{ name: "Participants", involvement: "Interviewed" }, { name: "Funder", involvement: "Funds it" }],
  inputs: [{ stakeholder: "Funder", kind: "cash", amount: 10000 }],
  outcomes: [
    {
      stakeholder: "Participants",
      description: "Reference outcome",
      source: "Exit survey",
      quantity: 10,
      duration: 3,
      proxyValue: 1000,
      proxySource: "Method §8",
      deadweight: 0.2,
      attribution: 0.25,
      dropOff: 0.1,
    },
  ],
};

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = scratch();
  writeFileSync(join(dir, "reference.json"), JSON.stringify(REFERENCE));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Json {
  schema: string;
  ratio: number;
  checks: { code: string; severity: string; outcome: number | null; field: string | null; message: string }[];
  sensitivity: {
    switchingValues: { outcome: number | null; field: string; value: number; breakEven: number | null }[];
    oneWay: { field: string; swing: number }[];
    range: { draws: number; p10: number; median: number; p90: number };
  };
}

test("--json adds checks and sensitivity to sroi-result/1, removing nothing", () => {
  const r = sroi(["compute", "reference.json", "--json"], { cwd: dir });
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout) as Json;
  expect(j.schema).toBe("sroi-result/1");
  expect(j.ratio).toBeCloseTo(PV / 10000, 10);
  const even = (field: string) => j.sensitivity.switchingValues.find((s) => s.outcome === 1 && s.field === field)!;
  expect(even("proxyValue")).toEqual({ outcome: 1, field: "proxyValue", value: 1000, breakEven: expect.any(Number) });
  expect(even("proxyValue").breakEven).toBeCloseTo((1000 * 10000) / PV, 6);
  expect(even("quantity").breakEven).toBeCloseTo((10 * 10000) / PV, 8);
  // 1 − x* = (1 − 0.2) × 10,000 / PV
  expect(even("deadweight").breakEven).toBeCloseTo(1 - (0.8 * 10000) / PV, 9);
  expect(j.sensitivity.switchingValues.find((s) => s.outcome === null)!.field).toBe("discountRate");
  const swings = j.sensitivity.oneWay.map((o) => o.swing);
  expect(swings).toEqual([...swings].sort((a, b) => b - a));
  const { p10, median, p90, draws } = j.sensitivity.range;
  expect(draws).toBe(10000);
  expect(p10).toBeLessThanOrEqual(median);
  expect(median).toBeLessThanOrEqual(p90);
});

test("the same run twice gives the same range (the Monte Carlo run is seeded)", () => {
  const a = JSON.parse(sroi(["compute", "reference.json", "--json"], { cwd: dir }).stdout) as Json;
  const b = JSON.parse(sroi(["compute", "reference.json", "--json"], { cwd: dir }).stdout) as Json;
  expect(a.sensitivity.range).toEqual(b.sensitivity.range);
});

test("a flawed map: the checks fire, with their messages, and the text output prints them and the three most sensitive estimates", () => {
  const flawed = { ...REFERENCE, outcomes: [{ ...REFERENCE.outcomes[0], deadweight: 0, attribution: 0, dropOff: 0, duration: 8, proxySource: "" }] };
  writeFileSync(join(dir, "flawed.json"), JSON.stringify(flawed));
  const j = JSON.parse(sroi(["compute", "flawed.json", "--json"], { cwd: dir }).stdout) as Json;
  const codes = j.checks.map((c) => c.code);
  expect(codes).toEqual(expect.arrayContaining(["noDeduction", "noDeductionOnMap", "missingProxySource", "longDuration", "noDropOff"]));
  for (const c of j.checks) expect(c.message).toMatch(/\S{3}/);
  const text = sroi(["compute", "flawed.json"], { cwd: dir });
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/Checks against over-claiming \(\d+\):/);
  expect(text.stdout).toMatch(/The three estimates the ratio depends on most/);
  const fr = sroi(["compute", "flawed.json", "--lang", "fr"], { cwd: dir });
  expect(fr.stdout).toMatch(/Contrôles contre la surévaluation \(\d+\)\u00A0:/);
  expect(fr.stdout).toMatch(/Fourchette du ratio \(Monte-Carlo, 10\s000 tirages/);
});

test("the reference case, sourced and with its deductions, gets no warning", () => {
  const j = JSON.parse(sroi(["compute", "reference.json", "--json"], { cwd: dir }).stdout) as Json;
  expect(j.checks.filter((c) => c.severity === "warning")).toEqual([]);
});
