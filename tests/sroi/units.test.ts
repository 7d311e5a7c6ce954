/**
 * Units per person (issue #12 item 1): value per person = proxy value × units, and net impact =
 * quantity × proxy × units × (1 − deadweight)(1 − displacement)(1 − attribution). Expected values
 * are worked by hand in each test; a blank units cell (null) counts as 1, so older rows keep their value.
 */
import { Assessment, Outcome, checkOutcome, computeAssessment, dec, netImpact, readUnits, switchingValues, valuePerPerson } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";
import { expectClose } from "./close";

const withOutcome = (change: Partial<Outcome>): Assessment => ({ ...referenceCase, outcomes: [{ ...referenceCase.outcomes[0], ...change }] });

test("the RSA for a single person, 646.52 a month, over an 8-month contract is 646.52 × 8 = 5,172.16 per person", () => {
  expect(valuePerPerson({ proxy: dec(646.52), units: dec(8) }).toNumber()).toBe(5172.16);
  expect(valuePerPerson({ proxy: dec(646.52) }).toNumber()).toBe(646.52);
});

test("net impact: 24 people × 646.52 × 8 months × 0.9 × 1 × 0.9 = 100,546.7904 (hand: 24 × 5,172.16 = 124,131.84; × 0.81 = 100,546.7904)", () => {
  const i = netImpact({ quantity: dec(24), proxy: dec(646.52), units: dec(8), deadweight: dec(0.1), displacement: dec(0), attribution: dec(0.1) });
  expect(i.toNumber()).toBe(100546.7904);
});

test.each([
  ["blank is 1", null, 1],
  ["8 months", 8, 8],
  ["a fraction: half a year of a yearly proxy", 0.5, 0.5],
  ["0 units carries no value", 0, 0],
])("readUnits: %s", (_why, raw, expected) => {
  const r = readUnits(raw);
  expect(r.ok && r.value.toNumber()).toBe(expected);
});

test.each([
  ["negative", -2, "negative"],
  ["text", "twelve", "notANumber"],
])("readUnits refuses %s units, naming the units field", (_why, raw, code) => {
  expect(readUnits(raw)).toEqual({ ok: false, issue: expect.objectContaining({ code, field: "units" }) });
  expect(checkOutcome({ ...referenceCase.outcomes[0], proxyUnits: raw as number }).issues).toEqual([expect.objectContaining({ code, field: "units" })]);
});

test("the reference case with 1,000 a month for 12 months: I = 10 × 1,000 × 12 × 0.8 × 0.75 = 72,000, and PV is 12 × 15,221.50", () => {
  const c = computeAssessment(withOutcome({ proxyUnits: 12, proxyUnit: "per month" }));
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  expect(c.result.outcomes[0].netImpact.toNumber()).toBe(72000);
  // PV = 72,000/1.035 + 64,800/1.035² + 58,320/1.035³ (drop-off 10 %)
  expectClose(c.result.totalPresentValue.toNumber(), 72000 / 1.035 + 64800 / 1.035 ** 2 + 58320 / 1.035 ** 3, 1e-12);
});

test("blank units and 1 unit give the same result as before the column existed (the method's PV 15,221.50)", () => {
  for (const proxyUnits of [null, 1]) {
    const c = computeAssessment(withOutcome({ proxyUnits }));
    expect(c.ok && c.result.totalPresentValue.toFixed(2)).toBe("15221.50");
  }
});

test("sensitivity: the proxy's switching value is a value of one unit, consistent with the cell it replaces", () => {
  // With 12 units, PV per unit of proxy = 12 × 15.2215 = 182.658; break-even proxy = 10,000 / 182.658 = 54.747…,
  // i.e. the 656.97 of one unit a year divided by 12.
  const pv = 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3;
  const a = withOutcome({ proxyUnits: 12 });
  const r = switchingValues(a);
  if (!r.ok) throw new Error(JSON.stringify(r));
  const proxy = r.value.find((v) => v.outcome === 1 && v.field === "proxyValue")!;
  expect(proxy.value).toBe(1000);
  expectClose(proxy.breakEven!, (1000 * 10000) / (12 * pv), 1e-12);
  // and at that proxy value the ratio is 1 : 1
  const at = computeAssessment(withOutcome({ proxyUnits: 12, proxyValue: proxy.breakEven! }));
  expectClose(at.ok ? at.result.ratio!.toNumber() : NaN, 1, 1e-9);
  // the quantity's switching value is scaled by the units too: 10 × 10,000 / (12 × 15,221.50)
  expectClose(r.value.find((v) => v.outcome === 1 && v.field === "quantity")!.breakEven!, (10 * 10000) / (12 * pv), 1e-12);
});
