/**
 * The reference case of the method document (§8), typed into cells the way a user would and
 * computed through the custom functions as Excel calls them:
 * quantity 10, proxy 1,000, deadweight 20 %, displacement 0 %, attribution 25 %, drop-off 10 %,
 * duration 3, start 1, rate 3.5 %, inputs 10,000.
 */
import { Excel, excel, rounded } from "./harness";
import { switchingValues } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

let xl: Excel;
beforeAll(async () => {
  xl = await excel();
});

test("=SROI.NETIMPACT(10, 1000, 20%, 0%, 25%) is 6,000", () =>
  expect(xl.call("NETIMPACT", 10, 1000, 0.2, 0, 0.25)).toEqual([[6000]]));

test("=SROI.PROJECT(6000, 3, 10%) is 6,000 / 5,400 / 4,860 / 0 / 0", () =>
  expect(xl.call("PROJECT", 6000, 3, 0.1)).toEqual([[6000, 5400, 4860, 0, 0]]));

test("=SROI.PV(3.5%, 6000, 3, 10%) is 15,221.50 to the cent", () =>
  expect(rounded(xl.call("PV", 0.035, 6000, 3, 0.1), 2)).toBe(15221.5));

test("=SROI.PV(3.5%, 6000, 3, 10%, 1, FALSE) (year 1 undiscounted) is 15,754.25", () =>
  expect(rounded(xl.call("PV", 0.035, 6000, 3, 0.1, 1, false), 2)).toBe(15754.25));

test("=SROI.NPV(SROI.PV(…), 10000) is 5,221.50", () =>
  expect(rounded(xl.call("NPV", xl.call("PV", 0.035, 6000, 3, 0.1), 10000), 2)).toBe(5221.5));

test("=SROI.RATIO(SROI.PV(…), 10000) is 1.5222", () =>
  expect(rounded(xl.call("RATIO", xl.call("PV", 0.035, 6000, 3, 0.1), 10000), 4)).toBe(1.5222));

test("=SROI.NETRATIO(SROI.PV(…), 10000) is 0.5222", () =>
  expect(rounded(xl.call("NETRATIO", xl.call("PV", 0.035, 6000, 3, 0.1), 10000), 4)).toBe(0.5222));

test("=SROI.PAYBACK(10000, 6000) is 20.0 months", () => expect(rounded(xl.call("PAYBACK", 10000, 6000), 1)).toBe(20));

// The method's proxy switching value, 1,000 × 10,000 / 15,221.50 = 656.97: the proxy times the multiplier.
test("1,000 × =SROI.BREAKEVEN(SROI.PV(…), 10000) is the proxy's break-even, 656.97", () =>
  expect(rounded(1000 * (xl.call("BREAKEVEN", xl.call("PV", 0.035, 6000, 3, 0.1), 10000) as number), 2)).toBe(656.97));

test("the core's switching value of the proxy agrees with SROI.BREAKEVEN", () => {
  const multiplier = xl.call("BREAKEVEN", xl.call("PV", 0.035, 6000, 3, 0.1), 10000) as number;
  const proxy = switchingValues(referenceCase);
  if (!proxy.ok) throw new Error("the reference case is valid");
  expect(proxy.value.find((v) => v.field === "proxyValue")!.breakEven).toBeCloseTo(1000 * multiplier, 9);
});

test("chained as in a workbook: NETIMPACT → PV → RATIO", () => {
  const impact = xl.call("NETIMPACT", 10, 1000, 0.2, 0, 0.25);
  const pv = xl.call("PV", 0.035, impact, 3, 0.1, 1);
  expect(rounded(pv, 2)).toBe(15221.5);
  expect(rounded(xl.call("RATIO", pv, 10000), 4)).toBe(1.5222);
});
