/**
 * A proxy made ready for an assessment: converted at the user's rate, then revalued with the
 * assessment's price index. Expected values by hand (bc), from INSEE's published annual averages
 * (data/cpi.csv: 2020 104.73, 2021 106.45, 2022 112.01, base 2015 = 100).
 */
import { adjustProxy, foreignCurrency } from "../../src/proxies/adjust";
import type { Proxy } from "../../src/proxies/types";
import { adjustmentNote, describeNotRebased } from "../../src/i18n/proxies";

const proxy = (change: Partial<Proxy>): Proxy => ({
  id: "rsa",
  nameEn: "RSA, single person",
  nameFr: "RSA, personne seule",
  value: 646.52,
  currency: "EUR",
  unit: "per month",
  priceYear: 2020,
  country: "FR",
  themes: [],
  method: "cost saved",
  source: "CAF",
  url: "",
  notes: "",
  origin: "library",
  kind: "value",
  ...change,
});
const EUR_2022 = { currency: "EUR", priceYear: 2022, priceIndex: "FR" };

test("646.52 in 2020 prices is 691.46 in 2022 prices (hand: 646.52 × 112.01 = 72,416.7052; ÷ 104.73 = 691.4609…)", () => {
  const a = adjustProxy(proxy({}), EUR_2022);
  expect(a).toMatchObject({ status: "ready", value: 691.46, priceYear: 2022 });
  if (a.status !== "ready") throw new Error("not ready");
  expect(adjustmentNote(a, "en")).toBe("646.52 in 2020 prices × 112.01 ÷ 104.73 (INSEE CPI, France, 2015=100) = 691.46 in 2022 prices");
  expect(adjustmentNote(a, "fr")).toBe("646,52 en prix de 2020 × 112,01 ÷ 104,73 (IPC de l'INSEE, France, 2015=100) = 691,46 en prix de 2022");
});

test("a proxy already in the assessment's price year and currency is written as it is, with no note", () => {
  const a = adjustProxy(proxy({ priceYear: 2022, value: 0.355 }), EUR_2022);
  expect(a).toEqual({ status: "ready", value: 0.355, priceYear: 2022 });
});

test("a GBP proxy in a EUR assessment is not ready without a rate", () => {
  expect(adjustProxy(proxy({ currency: "GBP" }), EUR_2022)).toEqual({ status: "needsRate", from: "GBP", to: "EUR" });
  expect(adjustProxy(proxy({ currency: "GBP" }), EUR_2022, { rate: 0, source: "" })).toEqual({ status: "needsRate", from: "GBP", to: "EUR" });
  expect(foreignCurrency({ currency: "gbp" }, "GBP")).toBe(false);
  expect(foreignCurrency({ currency: "" }, "EUR")).toBe(false);
});

test("13,000 GBP of 2021 at 1.17: 15,210.00 EUR, then 15,210 × 112.01 ÷ 106.45 = 16,004.43 in 2022 prices (bc: 16,004.4349…)", () => {
  const a = adjustProxy(proxy({ currency: "GBP", value: 13000, priceYear: 2021 }), EUR_2022, { rate: 1.17, source: "ECB, 2022-06-30" });
  expect(a).toMatchObject({ status: "ready", value: 16004.43, priceYear: 2022 });
  if (a.status !== "ready") throw new Error("not ready");
  expect(adjustmentNote(a, "en")).toBe(
    "13,000.00 GBP × 1.17 EUR per GBP (ECB, 2022-06-30) = 15,210.00 EUR; 15,210.00 in 2021 prices × 112.01 ÷ 106.45 (INSEE CPI, France, 2015=100) = 16,004.43 in 2022 prices",
  );
  expect(adjustmentNote(a, "fr")).toBe(
    "13\u202f000,00\u00a0GBP × 1,17\u00a0EUR pour 1\u00a0GBP (ECB, 2022-06-30) = 15\u202f210,00\u00a0EUR\u00a0; 15\u202f210,00 en prix de 2021 × 112,01 ÷ 106,45 (IPC de l'INSEE, France, 2015=100) = 16\u202f004,43 en prix de 2022",
  );
});

test("a year the index lacks: the value stays in its year's prices, and the pane says why (no estimate)", () => {
  const a = adjustProxy(proxy({ priceYear: 1990 }), EUR_2022);
  expect(a).toMatchObject({ status: "ready", value: 646.52, priceYear: 1990, notRebased: { reason: "index" } });
  if (a.status !== "ready" || !a.notRebased) throw new Error("expected notRebased");
  expect(adjustmentNote(a, "en")).toBe("");
  expect(describeNotRebased(a.notRebased, 1990, "en")).toMatch(/^Cannot revalue: the index \(INSEE CPI, France\) has no published figure for 1990 in the add-in's data \(it has 2015, .*\)\. The value stays in 1990 prices/);
  expect(describeNotRebased(a.notRebased, 1990, "fr")).toMatch(/^Impossible de revaloriser\u00a0: l'indice \(IPC de l'INSEE, France\) n'a pas de valeur publiée pour 1990/);
});

test("no price year on the proxy or on the assessment: nothing to revalue, said", () => {
  expect(adjustProxy(proxy({ priceYear: null }), EUR_2022)).toEqual({ status: "ready", value: 646.52, priceYear: null, notRebased: { reason: "noProxyYear" } });
  expect(adjustProxy(proxy({}), { ...EUR_2022, priceYear: null })).toEqual({ status: "ready", value: 646.52, priceYear: 2020, notRebased: { reason: "noAssessmentYear" } });
});
