/**
 * The metadata Excel reads: generated here from src/functions/functions.ts with the same generator
 * the build uses (custom-functions-metadata), and its French twin made with scripts/metadata-fr.js,
 * compared with golden files; then the rules autocomplete needs in both languages.
 */
import { generatedMetadata, Metadata } from "../functions/harness";
import { contract, expectGolden } from "./golden";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { frenchMetadata } = require("../../scripts/metadata-fr") as { frenchMetadata: (m: Metadata) => Metadata };

let english: Metadata;
let french: Metadata;
beforeAll(async () => {
  english = (await generatedMetadata()).metadata;
  french = frenchMetadata(english);
});

test("English metadata matches tests/metadata/functions.golden.json", () => expectGolden("functions.golden.json", contract(english)));
test("French metadata matches tests/metadata/functions-fr.golden.json", () => expectGolden("functions-fr.golden.json", contract(french)));

test("French metadata has the same ids, in the same order, with the same parameter types", () => {
  const shape = (m: Metadata) =>
    m.functions.map((f) => ({ id: f.id, result: f.result, parameters: f.parameters.map(({ type, dimensionality, optional }) => ({ type, dimensionality, optional })) }));
  expect(shape(french)).toEqual(shape(english));
});

/** Keys of every object in the metadata, by path: the French file must be the English one, translated. */
function keyPaths(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, `${at}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [`${at}.${k}`, ...keyPaths(v, `${at}.${k}`)]);
}

test("French metadata has exactly the keys of the English one (only strings are translated)", () => {
  expect(keyPaths(french).sort()).toEqual(keyPaths(english).sort());
});

/** SROI.PV is the product's requested name (issue #2), shorter than Microsoft's three-character guidance. */
const REQUESTED_SHORT_NAMES = ["PV"];

describe.each([
  ["English", () => english],
  ["French", () => french],
])("%s metadata", (_language, metadata) => {
  test("names are unique, at least three characters (but the requested PV), letters, digits, dots and underscores", () => {
    const names = metadata().functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names.filter((n) => !REQUESTED_SHORT_NAMES.includes(n))) expect(name).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
  });

  test("every function, parameter and result has a description", () => {
    for (const f of metadata().functions) {
      expect({ id: f.id, description: f.description }).toEqual({ id: f.id, description: expect.stringMatching(/\S{3}/) });
      for (const p of f.parameters) {
        expect({ id: f.id, parameter: p.name, description: p.description }).toEqual({ id: f.id, parameter: p.name, description: expect.stringMatching(/\S{3}/) });
      }
    }
  });

  test("parameter names are unique per function and valid as Excel shows them", () => {
    for (const f of metadata().functions) {
      const names = f.parameters.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  test("optional parameters come after the required ones", () => {
    for (const f of metadata().functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });
});

test("French descriptions are translated, not copied from English", () => {
  english.functions.forEach((f, i) => {
    const fr = french.functions[i];
    expect(fr.description).not.toBe(f.description);
    f.parameters.forEach((p, j) => expect(fr.parameters[j].description).not.toBe(p.description));
  });
});

/**
 * French Excel's own function names (the financial and maths ones first). A French custom function
 * must not take one of them: Microsoft's guidance, and a French user reading =SROI.VA would expect
 * Excel's VA.
 */
const FRENCH_EXCEL_BUILT_INS = `
VA VAN VAN.PAIEMENTS VPM TAUX TRI TRI.PAIEMENTS TRIM VC VC.PAIEMENTS NPM INTPER PRINCPER ISPMT
CUMUL.INTER CUMUL.PRINC AMORLIN AMORDEGRC AMORLINC DB DDB SYD VDB TAUX.EFFECTIF TAUX.NOMINAL
TAUX.INTERET TAUX.INT.EQUIV PDUREE DUREE DUREE.MODIFIEE INTERET.ACC INTERET.ACC.MAT PRIX.TITRE
RENDEMENT.TITRE VALEUR.ENCAISSEMENT VALEUR.NOMINALE TAUX.ESCOMPTE PRIX.DEC PRIX.FRAC
SOMME SOMME.SI SOMME.SI.ENS SOMMEPROD SOMME.CARRES SOMME.X2MY2 SOMME.X2PY2 SOMME.XMY2 SOMME.SERIES
PRODUIT MOYENNE MOYENNE.SI MOYENNE.SI.ENS MOYENNE.GEOMETRIQUE MOYENNE.HARMONIQUE MOYENNE.REDUITE
ARRONDI ARRONDI.SUP ARRONDI.INF ARRONDI.AU.MULTIPLE ENT TRONQUE ABS RACINE PUISSANCE EXP LN LOG LOG10
MOD QUOTIENT PI ALEA ALEA.ENTRE.BORNES SIGNE PLAFOND PLANCHER PLAFOND.MATH PLANCHER.MATH PAIR IMPAIR
FACT COMBIN PGCD PPCM SOUS.TOTAL AGREGAT MAX MIN MAX.SI.ENS MIN.SI.ENS NB NBVAL NB.SI NB.SI.ENS NB.VIDE
MEDIANE MODE ECARTYPE ECARTYPE.STANDARD VAR VAR.S PREVISION PREVISION.LINEAIRE TENDANCE CROISSANCE
DROITEREG LOGREG PENTE ORDONNEE.ORIGINE COEFFICIENT.CORRELATION RANG RANG.POURCENTAGE CENTILE QUARTILE
PRODUITMAT INVERSEMAT DETERMAT TRANSPOSE FILTRE TRIER TRIERPAR UNIQUE SEQUENCE TABLEAU.ALEA
SI ET OU NON OUX VRAI FAUX SIERREUR SI.NON.DISP SI.CONDITIONS SI.MULTIPLE LET LAMBDA
RECHERCHE RECHERCHEV RECHERCHEH RECHERCHEX INDEX EQUIV EQUIVX DECALER INDIRECT CHOISIR LIGNE LIGNES
COLONNE COLONNES ADRESSE
AUJOURDHUI MAINTENANT DATE ANNEE MOIS JOUR HEURE MINUTE SECONDE JOURSEM FIN.MOIS MOIS.DECALER
NB.JOURS.OUVRES SERIE.JOUR.OUVRE FRACTION.ANNEE DATEDIF JOURS
TEXTE CONCAT CONCATENER JOINDRE.TEXTE GAUCHE DROITE STXT NBCAR CHERCHE TROUVE SUBSTITUE REMPLACER
MAJUSCULE MINUSCULE NOMPROPRE SUPPRESPACE EPURAGE CNUM VALEURNOMBRE CTXT FRANC REPT EXACT CAR CODE
ESTVIDE ESTERREUR ESTERR ESTNUM ESTTEXTE ESTLOGIQUE ESTNA NA TYPE CELLULE INFORMATIONS N T
`.trim().split(/\s+/);

test("no French function name is a French Excel built-in", () => {
  const taken = french.functions.map((f) => f.name).filter((name) => FRENCH_EXCEL_BUILT_INS.includes(name));
  expect(taken).toEqual([]);
});

test("the list of built-ins is a real guard: it holds the names the issue warns about", () => {
  for (const name of ["VA", "VAN", "TAUX", "VPM", "TRI", "SOMME", "SOMMEPROD", "MOYENNE", "ARRONDI", "SI"]) {
    expect(FRENCH_EXCEL_BUILT_INS).toContain(name);
  }
});

describe("the functions' one declaration (src/functions/catalog.json) holds the JSDoc in step", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { differences } = require("../../scripts/metadata-fr") as { differences: (m: Metadata, declared?: unknown[]) => string[] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const catalog = require("../../src/functions/catalog.json") as { id: string; name: { en: string }; parameters: { name: { en: string }; optional: boolean }[] }[];
  const changed = (edit: (c: typeof catalog) => void) => {
    const copy = JSON.parse(JSON.stringify(catalog)) as typeof catalog;
    edit(copy);
    return differences(english, copy);
  };

  test("the generated English metadata says what the catalog says", () => expect(differences(english)).toEqual([]));
  test("a renamed parameter, a changed optionality, a missing function are each caught", () => {
    expect(changed((c) => (c[0].parameters[0].name.en = "qty"))).toEqual([expect.stringMatching(/^NETIMPACT: parameters quantity, proxy/)]);
    expect(changed((c) => (c[2].parameters[3].optional = false))).toEqual(["PV(dropoff): optional is true in the JSDoc, false in the catalog"]);
    expect(changed((c) => c.pop())).toEqual([expect.stringMatching(/^functions .* are not the catalog's/)]);
  });
});
