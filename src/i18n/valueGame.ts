/**
 * The value game in English and French: the problems of its sheet (what and where), and its results
 * as proxies for the workbook's Proxies sheet — method "value game", with the date, the number of
 * participants and the range in the source, so the figure can be traced back to the session.
 */
import type { BenefitResult, Lang } from "../sroi";
import { quoteSheet } from "../layout/a1";
import { VALUE_GAME_TABLES } from "../layout/names";
import type { ValueGame, ValueGameProblem } from "../layout/valueGame";
import { type Proxy, idKey } from "../proxies/types";
import { formatNumber } from "./numbers";

const TABLE_LABELS: Record<Lang, Record<keyof typeof VALUE_GAME_TABLES, string>> = {
  en: { benefits: "benefits", goods: "goods", placements: "placements" },
  fr: { benefits: "bénéfices", goods: "biens", placements: "placements" },
};

/** One problem of the Value game sheet, naming the sheet and the cell; the row is left out of the game. */
export function describeValueGameProblem(p: ValueGameProblem, sheet: string, lang: Lang): string {
  const fr = lang === "fr";
  const at = (cell: string) => `${quoteSheet(sheet)}!${cell}`;
  const left = fr ? "cette ligne est ignorée." : "this row is left out.";
  switch (p.code) {
    case "missingColumn":
      return fr
        ? `Le tableau des ${TABLE_LABELS.fr[p.table]} (${VALUE_GAME_TABLES[p.table]}) de la feuille ${quoteSheet(sheet)} n'a plus de colonne « ${p.header} » : rétablissez son en-tête.`
        : `The ${TABLE_LABELS.en[p.table]} table (${VALUE_GAME_TABLES[p.table]}) of the sheet ${quoteSheet(sheet)} has no "${p.header}" column any more: put its header back.`;
    case "badPrice":
      return fr
        ? `${at(p.cell)} : le prix « ${p.value} » n'est pas un nombre positif ; ${left}`
        : `${at(p.cell)}: the price "${p.value}" is not a positive number; ${left}`;
    case "badYear":
      return fr
        ? `${at(p.cell)} : l'année des prix « ${p.value} » n'est pas une année ; ${left}`
        : `${at(p.cell)}: the price year "${p.value}" is not a year; ${left}`;
    case "blankName":
      return fr
        ? `${at(p.cell)} : ce nom est vide (tableau des ${TABLE_LABELS.fr[p.table]}) ; ${left}`
        : `${at(p.cell)}: this name is blank (${TABLE_LABELS.en[p.table]} table); ${left}`;
    case "duplicate":
      return fr
        ? `${at(p.cell)} : « ${p.name} » figure déjà plus haut dans le tableau des ${TABLE_LABELS.fr[p.table]} ; ${left}`
        : `${at(p.cell)}: "${p.name}" is already listed above in the ${TABLE_LABELS.en[p.table]} table; ${left}`;
    case "otherCurrency":
      return fr
        ? `${at(p.cell)} : ce bien est en ${p.currency}, les autres en ${p.expected} : un jeu de la valeur n'utilise qu'une devise ; ${left}`
        : `${at(p.cell)}: this good is priced in ${p.currency}, the others in ${p.expected}: a value game uses one currency; ${left}`;
    case "unknownBenefit":
      return fr
        ? `${at(p.cell)} : le bénéfice « ${p.name} » n'est pas dans le tableau des bénéfices ; ${left}`
        : `${at(p.cell)}: the benefit "${p.name}" is not in the benefits table; ${left}`;
    case "unknownGood":
      return fr
        ? `${at(p.cell)} : le bien « ${p.name} » n'est pas dans le tableau des biens (ou sa ligne y est ignorée) ; ${left}`
        : `${at(p.cell)}: the good "${p.name}" is not in the goods table (or its row there is left out); ${left}`;
  }
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "2014–2023", or "2022", from the price years of the goods a benefit was placed against. */
function yearsOf(game: ValueGame, benefit: string): number[] {
  const used = new Set(game.placements.filter((p) => same(p.benefit, benefit) && p.good !== null).map((p) => p.good!.toLowerCase()));
  const years = game.goods.filter((g) => used.has(g.name.toLowerCase()) && g.priceYear !== null).map((g) => g.priceYear!);
  return [...new Set(years)].sort((a, b) => a - b);
}

/**
 * The benefits that were placed, as proxies: the median as the value (per person), method "value
 * game", the source saying when, how many participants and the range; the quartiles, the skips and
 * the goods' price years in the notes. The price year is the goods' one year, or blank when they mix
 * years (then the notes say which). `date` is YYYY-MM-DD.
 */
export function valueGameProxies(game: ValueGame, results: readonly BenefitResult[], date: string, lang: Lang): Proxy[] {
  const fr = lang === "fr";
  const currency = game.goods[0]?.currency ?? "";
  const n = (x: number) => formatNumber(x, lang, 2);
  return results.flatMap((r, k): Proxy[] => {
    const s = r.stats;
    if (!s) return [];
    const years = yearsOf(game, r.benefit);
    const span = years.length === 0 ? "" : years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
    const source = fr
      ? `Jeu de la valeur du ${date} : ${s.participants} participant(s), étendue de ${n(s.min)} à ${n(s.max)} ${currency}`
      : `Value game of ${date}: ${s.participants} participant(s), range ${n(s.min)} to ${n(s.max)} ${currency}`;
    const notes = [
      fr ? `Médiane des placements ; quartiles P25–P75 : ${n(s.p25)} à ${n(s.p75)} ${currency}.` : `Median of the placements; quartiles P25–P75: ${n(s.p25)} to ${n(s.p75)} ${currency}.`,
      r.skipped > 0 ? (fr ? `Passé par ${r.skipped} participant(s).` : `Skipped by ${r.skipped} participant(s).`) : "",
      span ? (fr ? `Prix des biens de ${span}.` : `Goods priced in ${span}.`) : "",
    ].filter(Boolean);
    return [
      {
        id: `VG-${date}-${k + 1}`,
        nameEn: r.benefit,
        nameFr: r.benefit,
        value: s.median,
        currency,
        unit: "per person",
        priceYear: years.length === 1 ? years[0] : null,
        country: "",
        themes: [],
        method: "value game",
        source,
        url: "",
        notes: notes.join(" "),
        origin: "workbook",
        kind: "value",
      },
    ];
  });
}

/**
 * The proxies with ids no other proxy of the workbook has: a game saved twice the same day gets
 * VG-2026-12-03-1-2 the second time, so both sets read back (the Proxies sheet refuses a repeated id).
 */
export function withFreeIds(proxies: readonly Proxy[], takenIds: Iterable<string>): Proxy[] {
  const taken = new Set([...takenIds].map(idKey));
  return proxies.map((p) => {
    let id = p.id;
    for (let k = 2; taken.has(idKey(id)); k++) id = `${p.id}-${k}`;
    taken.add(idKey(id));
    return { ...p, id };
  });
}
