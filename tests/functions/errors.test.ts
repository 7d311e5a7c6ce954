/**
 * Bad input, called the way Excel calls the functions: never an exception out of a function, never a
 * bare error; the code Excel shows and a message naming the argument (and the row or column inside
 * a range), in English and in French. Only #VALUE! and #N/A display a message in Excel; #DIV/0!
 * keeps one for the task pane and logs.
 */
import fc from "fast-check";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { frenchMetadata } = require("../../scripts/metadata-fr") as { frenchMetadata: (m: Metadata) => Metadata };
import { Excel, ExcelError, ExcelValue, Metadata, OMIT, col, excel, inLanguage, isExcelError, row } from "./harness";

let xl: Excel;
beforeAll(async () => {
  xl = await excel();
});

/** The error a call shows: the whole result, or the one error that fills a returned matrix. */
function errorShown(v: ExcelValue): ExcelError | ExcelValue {
  if (!Array.isArray(v)) return v;
  const cells = v.flat();
  return cells.every((c) => JSON.stringify(c) === JSON.stringify(cells[0])) ? cells[0] : v;
}

const VALUE = "#VALUE!";
const DIV0 = "#DIV/0!";

describe("English messages", () => {
  test.each<[string, string, unknown[], string, string]>([
    ["text where a number is needed names the argument and row", "PV", [0.035, col(6000, "n/a"), col(3, 3)], VALUE, 'net_impact, row 2: "n/a" is not a number.'],
    ["text in a scalar argument names the argument", "PV", [0.035, 6000, "three"], VALUE, 'duration: "three" is not a number.'],
    ["text in a row of inputs names the column", "RATIO", [15221.5, row(5000, "abc")], VALUE, 'inputs, row 1, column 2: "abc" is not a number.'],
    ["TRUE is not a number", "NPV", [true, 10000], VALUE, "present_value: TRUE is not a number."],
    ["25 for a drop-off looks like 25 %", "PV", [0.035, 6000, 3, 25], VALUE, "dropoff: 25 looks like 25 %: enter 25% or 0.25."],
    ["20 for a deadweight looks like 20 %", "NETIMPACT", [10, 1000, 20], VALUE, "deadweight: 20 looks like 20 %: enter 20% or 0.2."],
    ["150 is outside 0–100 %", "PV", [0.035, 6000, 3, 150], VALUE, "dropoff: 150 is outside 0–100 %."],
    ["a negative share is outside 0–100 %", "NETIMPACT", [10, 1000, OMIT, OMIT, -0.1], VALUE, "attribution: -0.1 is outside 0–100 %."],
    ["a negative duration", "PV", [0.035, 6000, -1], VALUE, "duration: -1 is negative; it must be zero or more."],
    ["a fractional duration", "PV", [0.035, 6000, 2.5], VALUE, "duration: 2.5 is not a whole number of years."],
    ["a duration beyond 100 years, the legal maximum", "PV", [0.035, 6000, 101], VALUE, "duration: 101 is more than 100."],
    ["a blank duration on a row with an impact", "PV", [0.035, col(6000, 100), col(3, "")], VALUE, "duration, row 2: a value is needed here."],
    ["a blank duration (null) on a single outcome", "PV", [0.035, 6000, null], VALUE, "duration: a value is needed here."],
    ["start 3", "PV", [0.035, 6000, 3, 0.1, 3], VALUE, "start: 3 is not a start year; enter 1 (starts during the activity) or 2 (starts the period after)."],
    ["a rate of −100 %", "PV", [-1, 6000, 3], VALUE, "rate: -1 is −100 % or less; a discount rate must be above −100 %."],
    ["a rate below −100 %", "PV", [-1.5, 6000, 3], VALUE, "rate: -1.5 is −100 % or less; a discount rate must be above −100 %."],
    ["3.5 for a rate looks like 3.5 %", "PV", [3.5, 6000, 3], VALUE, "rate: 3.5 looks like 3.5 %: enter 3.5% or 0.035."],
    ["4.1 for a rate: the hint shows 0.041, not a float artefact", "PV", [4.1, 6000, 3], VALUE, "rate: 4.1 looks like 4.1 %: enter 4.1% or 0.041."],
    ["a blank rate", "PV", [null, 6000, 3], VALUE, "rate: a value is needed here."],
    ["discount_year1 that is neither TRUE nor FALSE", "PV", [0.035, 6000, 3, OMIT, OMIT, "yes"], VALUE, 'discount_year1: "yes" is neither TRUE nor FALSE.'],
    ["ranges of different lengths", "PV", [0.035, col(1, 2, 3), col(3, 3)], VALUE, "duration has 2×1 cells but net_impact has 3×1; give ranges of the same size, or a single value."],
    ["a column against a row", "NETIMPACT", [col(1, 2), row(1, 2)], VALUE, "proxy has 1×2 cells but quantity has 2×1; give ranges of the same size, or a single value."],
    ["a negative quantity", "NETIMPACT", [-3, 1000], VALUE, "quantity: -3 is negative; it must be zero or more."],
    ["a blank proxy on a row with a quantity", "NETIMPACT", [10, ""], VALUE, "proxy: a value is needed here."],
    ["fractional years shown", "PROJECT", [6000, 3, 0.1, 1, 2.5], VALUE, "years: 2.5 is not a whole number of years."],
    ["inputs totalling 0: ratio", "RATIO", [15221.5, 0], DIV0, "inputs: the total is 0, so the ratio cannot be computed."],
    ["inputs of blank cells total 0", "RATIO", [15221.5, row(0, null, "")], DIV0, "inputs: the total is 0, so the ratio cannot be computed."],
    ["inputs totalling 0: net ratio", "NETRATIO", [15221.5, row(5000, -5000)], DIV0, "inputs: the total is 0, so the ratio cannot be computed."],
    ["inputs totalling 0: payback", "PAYBACK", [0, 6000], DIV0, "inputs: the total is 0, so the ratio cannot be computed."],
    ["annual impact of 0: payback", "PAYBACK", [10000, 0], DIV0, "annual_impact: the total is 0, so the ratio cannot be computed."],
    ["inputs totalling 0: break-even", "BREAKEVEN", [15221.5, 0], DIV0, "inputs: the total is 0, so the ratio cannot be computed."],
    ["a present value of 0 cannot be multiplied to break even", "BREAKEVEN", [0, 10000, 15000], DIV0, "present_value: the total is 0, so the ratio cannot be computed."],
    ["a negative total of inputs: break-even", "BREAKEVEN", [6000, -5, 15000], VALUE, "inputs: -5 is negative; it must be zero or more."],
    ["a negative total of inputs", "RATIO", [15221.5, -5], VALUE, "inputs: -5 is negative; it must be zero or more."],
    ["a negative annual impact never pays back", "PAYBACK", [10000, -100], VALUE, "annual_impact: the annual impact is negative, so the inputs are never paid back."],
    ["a result beyond Excel's largest number is #NUM! with a reason", "NETIMPACT", [1e200, 1e200], "#NUM!", "The result is beyond the largest number Excel can hold (check the quantities and proxies)."],
    ["a ratio beyond Excel's largest number", "RATIO", [1e300, 1e-300], "#NUM!", "The result is beyond the largest number Excel can hold (check the quantities and proxies)."],
  ])("%s (%s)", (_reason, id, args, code, message) => {
    expect(errorShown(xl.call(id, ...args))).toEqual({ error: code, message });
  });
});

describe("French messages (Office display language fr-FR)", () => {
  test.each<[string, string, unknown[], string, string]>([
    ["texte au lieu d'un nombre", "PV", [0.035, col(6000, "n/a"), col(3, 3)], VALUE, "impact_net, ligne 2\u00A0: «\u00A0n/a\u00A0» n'est pas un nombre."],
    ["25 ressemble à 25 %", "PV", [0.035, 6000, 3, 25], VALUE, "decroissance\u00A0: 25 ressemble à 25\u202F%\u00A0: saisissez 25\u202F% ou 0,25."],
    ["taux 3,5", "PV", [3.5, 6000, 3], VALUE, "taux\u00A0: 3,5 ressemble à 3,5\u202F%\u00A0: saisissez 3,5\u202F% ou 0,035."],
    ["durée négative", "PV", [0.035, 6000, -1], VALUE, "duree\u00A0: -1 est négatif\u00A0; la valeur doit être positive ou nulle."],
    ["durée fractionnaire", "PV", [0.035, 6000, 2.5], VALUE, "duree\u00A0: 2,5 n'est pas un nombre entier d'années."],
    ["durée vide sur une ligne avec impact", "PV", [0.035, col(6000, 100), col(3, null)], VALUE, "duree, ligne 2\u00A0: une valeur est nécessaire ici."],
    ["début 3", "PV", [0.035, 6000, 3, 0.1, 3], VALUE, "debut\u00A0: 3 n'est pas une année de début\u00A0; saisissez 1 (pendant l'activité) ou 2 (la période suivante)."],
    ["taux de −100\u202F%", "PV", [-1, 6000, 3], VALUE, "taux\u00A0: -1 vaut −100\u202F% ou moins\u00A0; le taux d'actualisation doit dépasser −100\u202F%."],
    ["plages de tailles différentes", "PV", [0.035, col(1, 2, 3), col(3, 3)], VALUE, "duree a 2×1 cellules mais impact_net en a 3×1\u00A0; donnez des plages de même taille, ou une valeur unique."],
    ["contributions nulles", "RATIO", [15221.5, 0], DIV0, "contributions\u00A0: le total vaut 0, le ratio ne peut pas être calculé."],
    ["VRAI n'est pas un nombre", "NPV", [true, 10000], VALUE, "valeur_actuelle\u00A0: VRAI n'est pas un nombre."],
  ])("%s (%s)", (_reason, id, args, code, message) => {
    expect(inLanguage("fr-FR", () => errorShown(xl.call(id, ...args)))).toEqual({ error: code, message });
  });

  test.each(["fr-BE", "fr-CH", "fr-CA", "fr-LU"])("%s gets French messages too", (locale) => {
    expect(inLanguage(locale, () => errorShown(xl.call("PV", 0.035, 6000, 2.5)))).toEqual({
      error: VALUE,
      message: "duree\u00A0: 2,5 n'est pas un nombre entier d'années.",
    });
  });
});

test("a problem on one outcome row of SROI.NETIMPACT shows in that row's cell only", () => {
  expect(xl.call("NETIMPACT", col(10, "ten", 2), col(1000, 1000, 5))).toEqual([
    [10000],
    [{ error: VALUE, message: 'quantity, row 2: "ten" is not a number.' }],
    [10],
  ]);
});

test("a problem on one outcome row of SROI.PROJECT fills that row with the error, same width", () => {
  const e = { error: VALUE, message: "duration, row 2: 2.5 is not a whole number of years." };
  expect(xl.call("PROJECT", col(100, 100), col(1, 2.5), OMIT, OMIT, 3)).toEqual([[100, 0, 0], [e, e, e]]);
});

/** Each parameter's name in the messages is the name Excel's autocomplete shows, in both languages. */
describe("messages name each argument as the metadata does", () => {
  const valid: Record<string, unknown[]> = {
    NETIMPACT: [10, 1000, 0.2, 0, 0.25],
    PROJECT: [6000, 3, 0.1, 1, 5],
    PV: [0.035, 6000, 3, 0.1, 1, true],
    NPV: [15000, 10000],
    RATIO: [15000, 10000],
    NETRATIO: [15000, 10000],
    PAYBACK: [10000, 6000],
    BREAKEVEN: [6000, 10000, 15000],
  };
  // the French metadata file Excel reads in a French Excel (built from the generated English one)
  const french = () => frenchMetadata(xl.metadata);

  // SROI.PROXY takes text (an id, a field name), so it is not part of this check.
  test("the numeric functions are all in the metadata", () =>
    expect(xl.metadata.functions.map((f) => f.id)).toEqual(expect.arrayContaining(Object.keys(valid))));

  test("text in each parameter, alone, is reported under that parameter's name", () => {
    for (const fn of xl.metadata.functions.filter((f) => f.id in valid)) {
      fn.parameters.forEach((p, i) => {
        const args = [...valid[fn.id]];
        args[i] = "x";
        const en = errorShown(xl.call(fn.id, ...args));
        const fr = inLanguage("fr-FR", () => errorShown(xl.call(fn.id, ...args)));
        expect({ fn: fn.id, param: p.name, en }).toEqual({ fn: fn.id, param: p.name, en: { error: VALUE, message: expect.stringMatching(new RegExp(`^${p.name}: `)) } });
        const frName = french().functions.find((f) => f.id === fn.id)!.parameters[i].name;
        expect({ fn: fn.id, param: frName, fr }).toEqual({ fn: fn.id, param: frName, fr: { error: VALUE, message: expect.stringMatching(new RegExp(`^${frName}\u00A0: `)) } });
      });
    }
  });
});

describe("whatever Excel sends, a function returns a value or an error with a message", () => {
  const cell = fc.oneof(
    fc.double(),
    fc.integer({ min: -5, max: 5 }),
    fc.constantFrom(null, "", " ", "abc", "25%", true, false, 0, 1, 2, 0.5, 25, 150, -1, 2025, "FR", "FR-RSA-SINGLE-2025"),
    // Excel's data types and error values, as a custom function receives them (objects)
    fc.constantFrom(
      { type: "FormattedNumber", basicValue: 0.25, numberFormat: "0%" },
      { type: "Entity", text: "Paris", properties: {} },
      { type: "Entity", properties: {} },
      { type: "Error", basicValue: "#VALUE!", errorType: "Value" },
      { type: "String", basicValue: "10" },
    ),
  );
  const matrix = fc.oneof(
    cell.map((c) => [[c]]),
    fc.array(cell, { minLength: 1, maxLength: 4 }).map((cs) => cs.map((c) => [c])),
    fc.array(cell, { minLength: 1, maxLength: 4 }).map((cs) => [cs]),
    fc.integer({ min: 1, max: 3 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 3 })),
  );
  const cellsOf = (v: ExcelValue): unknown[] => (Array.isArray(v) ? v.flat() : [v]);

  // every function, SROI.PROXY included, each argument shaped as the metadata's dimensionality says
  test.each(["NETIMPACT", "PROJECT", "PV", "NPV", "RATIO", "NETRATIO", "PAYBACK", "BREAKEVEN", "PROXY", "REBASE"])("%s", async (id) => {
    const fn = xl.metadata.functions.find((f) => f.id === id);
    if (!fn) throw new Error(`${id} is not in the metadata`);
    const args = fn.parameters.map((p) => {
      const given = p.dimensionality === "matrix" ? matrix : cell;
      return p.optional ? fc.oneof({ weight: 4, arbitrary: given }, { weight: 1, arbitrary: fc.constant(OMIT) }) : given;
    });
    await fc.assert(
      fc.asyncProperty(fc.tuple(...args), async (values) => {
        for (const c of cellsOf(await xl.callAsync(id, ...values))) {
          if (isExcelError(c)) {
            expect(c.message).toEqual(expect.stringMatching(/\S/));
            expect(c.message).not.toMatch(/Unexpected|inattendue/);
          } else {
            expect(["number", "string"]).toContain(typeof c);
            if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
