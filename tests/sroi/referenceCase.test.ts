/** The reference case of the method document (§8), by hand: the numbers every part must reproduce. */
import { dec, netImpact, presentValue, projectOutcome, sroiRatio, netRatio, paybackMonths, netPresentValue } from "../../src/sroi";
import { computeAssessment } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

const impact = netImpact({ quantity: dec(10), proxy: dec(1000), deadweight: dec(0.2), displacement: dec(0), attribution: dec(0.25) });
const life = { duration: 3, dropOff: dec(0.1), start: 1 as const };

test("net impact 10 × 1,000 × 0.8 × 1 × 0.75 = 6,000", () => expect(impact.toNumber()).toBe(6000));
test("years 6,000 / 5,400 / 4,860 then nothing", () =>
  expect(projectOutcome(impact, life, 5).map(Number)).toEqual([6000, 5400, 4860, 0, 0]));
test("PV at 3.5 % is 15,221.50 to the cent", () =>
  expect(presentValue(dec(0.035), impact, life).toDecimalPlaces(2).toNumber()).toBe(15221.5));
test("PV with year 1 undiscounted is 15,754.25", () =>
  expect(presentValue(dec(0.035), impact, life, { discountYear1: false }).toDecimalPlaces(2).toNumber()).toBe(15754.25));
test("NPV, ratio, net ratio, payback", () => {
  const pv = presentValue(dec(0.035), impact, life);
  expect(netPresentValue(pv, dec(10000)).toDecimalPlaces(2).toNumber()).toBe(5221.5);
  const r = sroiRatio(pv, dec(10000));
  expect(r.ok && r.value.toDecimalPlaces(4).toNumber()).toBe(1.5222);
  const n = netRatio(pv, dec(10000));
  expect(n.ok && n.value.toDecimalPlaces(4).toNumber()).toBe(0.5222);
  const p = paybackMonths(dec(10000), impact);
  expect(p.ok && p.value.toDecimalPlaces(1).toNumber()).toBe(20);
});

test("stakeholders whose names differ only by case or spaces are one, as Excel's = matches them on the Results sheet", () => {
  const o = referenceCase.outcomes[0];
  const a = {
    ...referenceCase,
    stakeholders: [{ name: "Participants", groupSize: null, involvement: "" }],
    outcomes: [o, { ...o, stakeholder: " participants " }],
  };
  const c = computeAssessment(a);
  if (!c.ok) throw new Error("invalid");
  expect(c.result.byStakeholder.map((b) => b.stakeholder)).toEqual(["Participants"]);
  // two reference outcomes: twice the method's 15,221.50
  expect(c.result.byStakeholder[0].presentValue.toFixed(2)).toBe("30443.00");
});
