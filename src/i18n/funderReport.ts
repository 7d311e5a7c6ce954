/**
 * The report a funder reads (issue #13 item 4): one self-contained HTML page — inline CSS, inline
 * SVG charts, no script, no network — that prints on at most two A4 pages. `sroi report` writes it
 * and the task pane's Review screen downloads the same bytes, so it lives here, below both: it
 * imports the core (figures), the layout (the input kinds' words) and this layer's messages, and
 * nothing of Office, React or the DOM.
 *
 * Every figure comes from the core: computeAssessment (ratio, PV, inputs, value per stakeholder),
 * sensitivity (the Monte Carlo range, the one-way table and switching values) and checkAssessment
 * (the checks that remain open), exactly as `sroi compute` prints them.
 */
import {
  type Assessment,
  type AssessmentType,
  type InputKind,
  type OneWayRow,
  type OverClaimCheck,
  type SensitivityField,
  type SwitchingValue,
  checkAssessment,
  computeAssessment,
  inputValue,
  isEmptyOutcome,
  sensitivity,
} from "../sroi";
import { INPUT_KINDS } from "../layout/columns";
import { checkMessage, estimateLabel } from "./checks";
import type { Lang } from "./lang";
import { formatMoney, formatNumber } from "./numbers";

const NBSP = "\u00a0";
/** narrow no-break space: French thousands separator, and before % and € */
const NNBSP = "\u202f";

/** HTML text or attribute value, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

/** French typography on a formatted figure: a narrow no-break space before % and €, and as thousands separator. */
function typeset(text: string, lang: Lang): string {
  if (lang !== "fr") return text;
  return text
    .replace(/[\u0020\u00a0](?=[:;?!])/g, NBSP)
    .replace(/[\u0020\u00a0](?=[%€])/g, NNBSP)
    .replace(/(\d)[\u0020\u00a0](?=\d{3}(?!\d))/g, `$1 `);
}

/**
 * What a user typed, shown in a French report: the space they put before : ; ? ! % € is made
 * non-breaking; nothing is added or taken away (their "2025 646.52" stays two numbers).
 */
function userText(text: string, lang: Lang): string {
  const t = text.trim();
  return lang === "fr" ? t.replace(/\u0020(?=[:;?!])/g, NBSP).replace(/\u0020(?=[%€])/g, NNBSP) : t;
}

const money = (n: number, currency: string, lang: Lang) => typeset(formatMoney(n, currency, lang), lang);
const number = (n: number, lang: Lang, digits = 2) => typeset(formatNumber(n, lang, digits), lang);
/** 0.052 → "5.2 %" / "5,2 %" (no-break spaces) */
const percent = (fraction: number, lang: Lang, digits = 1) =>
  `${formatNumber(Number((fraction * 100).toPrecision(10)), lang, digits)}${lang === "fr" ? NNBSP : NBSP}%`;
/** "1.72 : 1", never broken across lines */
const ratio = (x: number, lang: Lang) => `${formatNumber(x, lang, 2, true)} : 1`;
/** ":" after a word: "Proxy: …" / "Proxy : …" */
const colon = (lang: Lang) => (lang === "fr" ? ` :` : ":");

interface Words {
  reportTitle: string;
  subtitle: string;
  organisation: string;
  period: string;
  type: string;
  scope: string;
  purpose: string;
  audience: string;
  types: Record<AssessmentType, string>;
  ratio: string;
  ratioExplained: (currency: string) => string;
  range: (p10: string, p90: string) => string;
  rangeExplained: (draws: string, variation: string, below: string) => string;
  noRatio: string;
  presentValue: string;
  inputs: string;
  npv: string;
  payback: string;
  months: (n: string) => string;
  never: string;
  dependsTitle: string;
  dependsIntro: (variation: string) => string;
  estimate: string;
  current: string;
  ratioWhenMoved: string;
  breakEven: string;
  outcome: (n: number, description: string) => string;
  staysAbove: string;
  neverReaches: string;
  byStakeholder: string;
  byStakeholderNone: string;
  contributorsOnly: (names: string) => string;
  byKind: string;
  byKindNone: string;
  inKindNote: string;
  assumptions: string;
  assumptionsIntro: string;
  colOutcome: string;
  colQuantity: string;
  colProxy: string;
  colSources: string;
  colDeductions: string;
  years: (n: string) => string;
  startsLater: string;
  unintended: string;
  negative: string;
  exclusions: string;
  exclusionsIntro: string;
  indicatorSource: string;
  proxySource: string;
  noSource: string;
  deductions: { deadweight: string; displacement: string; attribution: string; dropOff: string };
  checks: string;
  checksNone: string;
  warning: string;
  info: string;
  method: (rate: string, year1: boolean) => string;
  generated: string;
}

const WORDS: Record<Lang, Words> = {
  en: {
    reportTitle: "Social return on investment",
    subtitle: "Summary for funders",
    organisation: "Organisation",
    period: "Period",
    type: "Type",
    scope: "Scope",
    purpose: "Purpose",
    audience: "Audience",
    types: { forecast: "Forecast", evaluative: "Evaluative" },
    ratio: "SROI ratio",
    ratioExplained: (c) => `present value created for each 1 ${c} of inputs`,
    range: (p10, p90) => `Likely range ${p10} to ${p90}`,
    rangeExplained: (draws, variation, below) =>
      `P10–P90 of ${draws} Monte Carlo draws, each estimate on a triangular range of ±${variation} around its value; ${below} of the draws fall below 1 : 1.`,
    noRatio: "No ratio: the inputs total 0.",
    presentValue: "Present value of the outcomes",
    inputs: "Value of the inputs",
    npv: "Net present value",
    payback: "Payback",
    months: (n) => `${n} months`,
    never: "never",
    dependsTitle: "The three estimates the ratio depends on most",
    dependsIntro: (v) => `Each estimate moved ±${v}, all else unchanged; the break-even is the value at which the ratio falls to 1 : 1.`,
    estimate: "Estimate",
    current: "Value used",
    ratioWhenMoved: "Ratio when moved",
    breakEven: "Break-even (1\u00a0:\u00a01)",
    outcome: (n, d) => `Outcome ${n}${d ? ` (${d})` : ""}`,
    staysAbove: "none: the ratio stays above 1\u00a0:\u00a01 whatever its value",
    neverReaches: "none: no value brings the ratio to 1\u00a0:\u00a01",
    byStakeholder: "Value per stakeholder",
    byStakeholderNone: "No outcome has a value yet.",
    contributorsOnly: (names) => `Contributors with no outcome of their own: ${names}.`,
    byKind: "Inputs by kind",
    byKindNone: "No input has a value yet.",
    inKindNote: "In kind and time are valued at what buying them would cost (time: hours × hourly cost, employer charges included).",
    assumptions: "Key assumptions and their sources",
    assumptionsIntro: "Deductions: deadweight (what would have happened anyway), displacement, attribution (others' share), drop-off (yearly fading).",
    colOutcome: "Outcome",
    colQuantity: "Quantity, duration",
    colProxy: "Financial proxy",
    colSources: "Sources",
    colDeductions: "Deductions",
    years: (n) => (n === "1" ? "1 year" : `${n} years`),
    startsLater: "from year 2",
    unintended: "unintended",
    negative: "negative",
    exclusions: "Left out of the analysis",
    exclusionsIntro: "Stakeholders and outcomes considered and not valued, and why.",
    indicatorSource: "Indicator",
    proxySource: "Proxy",
    noSource: "no source given",
    deductions: { deadweight: "DW", displacement: "Disp.", attribution: "Attr.", dropOff: "Drop-off" },
    checks: "Checks that remain open",
    checksNone: "No check against over-claiming remains open.",
    warning: "Warning",
    info: "Note",
    method: (rate, y1) =>
      `Method: A Guide to Social Return on Investment (2012). Present values discounted at ${rate}${y1 ? "" : ", year 1 undiscounted"}; net impact = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution), fading each later year by the drop-off.`,
    generated: "Computed with SROI for Excel from the assessment's workbook.",
  },
  fr: {
    reportTitle: "Retour social sur investissement",
    subtitle: "Synthèse pour les financeurs",
    organisation: "Organisation",
    period: "Période",
    type: "Type",
    scope: "Périmètre",
    purpose: "Objectif",
    audience: "Destinataires",
    types: { forecast: "Prévisionnelle", evaluative: "Évaluative" },
    ratio: "Ratio SROI",
    ratioExplained: (c) => `valeur actuelle créée pour 1 ${c === "EUR" ? "€" : c} de contributions`,
    range: (p10, p90) => `Fourchette probable de ${p10} à ${p90}`,
    rangeExplained: (draws, variation, below) =>
      `P10–P90 de ${draws} tirages de Monte-Carlo, chaque estimation sur une loi triangulaire de ±${variation} autour de sa valeur ; ${below} des tirages sont sous 1 : 1.`,
    noRatio: `Pas de ratio : les contributions totalisent 0.`,
    presentValue: "Valeur actuelle des effets",
    inputs: "Valeur des contributions",
    npv: "Valeur actuelle nette",
    payback: "Délai de récupération",
    months: (n) => `${n} mois`,
    never: "jamais",
    dependsTitle: "Les trois estimations dont le ratio dépend le plus",
    dependsIntro: (v) =>
      `Chaque estimation varie de ±${v}, le reste inchangé ; le point d'équilibre est la valeur pour laquelle le ratio tombe à 1 : 1.`,
    estimate: "Estimation",
    current: "Valeur retenue",
    ratioWhenMoved: "Ratio si elle varie",
    breakEven: `Point d'équilibre (1 : 1)`,
    outcome: (n, d) => `Effet ${n}${d ? ` (${d})` : ""}`,
    staysAbove: `aucun : le ratio reste au-dessus de 1 : 1 quelle que soit sa valeur`,
    neverReaches: `aucun : aucune valeur ne porte le ratio à 1 : 1`,
    byStakeholder: "Valeur par partie prenante",
    byStakeholderNone: "Aucun effet n'a encore de valeur.",
    contributorsOnly: (names) => `Contributeurs sans effet propre : ${names}.`,
    byKind: "Contributions par nature",
    byKindNone: "Aucune contribution n'a encore de valeur.",
    inKindNote: `En nature et temps sont valorisés à ce que coûterait leur achat (temps : heures × coût horaire, charges comprises) ; ce sont les contributions volontaires en nature (comptes 86/87).`,
    assumptions: "Hypothèses clés et leurs sources",
    assumptionsIntro: `Déductions : point mort (effet d'aubaine, ce qui serait arrivé de toute façon), déplacement, attribution (part des autres acteurs), érosion (baisse annuelle).`,
    colOutcome: "Effet",
    colQuantity: "Quantité, durée",
    colProxy: "Proxy financier",
    colSources: "Sources",
    colDeductions: "Déductions",
    years: (n) => (n === "1" ? "1 an" : `${n} ans`),
    startsLater: "dès l'année 2",
    unintended: "inattendu",
    negative: "négatif",
    exclusions: "Exclu de l'analyse",
    exclusionsIntro: "Parties prenantes et effets envisagés mais non valorisés, et pourquoi.",
    indicatorSource: "Indicateur",
    proxySource: "Proxy",
    noSource: "source non indiquée",
    deductions: { deadweight: "PM", displacement: "Dépl.", attribution: "Attr.", dropOff: "Érosion" },
    checks: "Contrôles encore ouverts",
    checksNone: "Aucun contrôle contre la surévaluation ne reste ouvert.",
    warning: "Avertissement",
    info: "Remarque",
    method: (rate, y1) =>
      `Méthode : A Guide to Social Return on Investment (2012). Valeurs actualisées à ${rate}${y1 ? "" : ", année 1 non actualisée"} ; impact net = quantité × proxy × (1 − point mort) × (1 − déplacement) × (1 − attribution), diminué chaque année suivante de l'érosion.`,
    generated: "Calculé avec SROI pour Excel à partir du classeur de l'évaluation.",
  },
};


/** An estimate's value in its own unit: money for the proxy, a share as a percentage, years, a count. */
export function estimateValue(field: SensitivityField, value: number, currency: string, lang: Lang): string {
  switch (field) {
    case "proxyValue":
      return money(value, currency, lang);
    case "duration":
      return WORDS[lang].years(number(value, lang, 2));
    case "quantity":
      return number(value, lang, 2);
    default:
      return percent(value, lang, 2);
  }
}

export interface Bar {
  label: string;
  value: number;
  /** the text written after the bar (amount, share) */
  text: string;
}

/**
 * Horizontal bars as an inline SVG, labelled (role img, a title and each bar's text in the picture),
 * scaled to the largest absolute value; a negative value draws in another colour from the same axis.
 */
export function barChart(bars: readonly Bar[], title: string): string {
  const rowHeight = 18;
  const labelWidth = 135;
  const textWidth = 125;
  const barWidth = 110;
  const width = labelWidth + barWidth + textWidth;
  const height = bars.length * rowHeight + 4;
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 0);
  const clip = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  const rows = bars.map((b, k) => {
    const y = k * rowHeight + 2;
    const w = max > 0 ? Math.max(1, (Math.abs(b.value) / max) * barWidth) : 0;
    const fill = b.value < 0 ? "#b4442f" : "#2f6f9f";
    return (
      `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${escapeHtml(clip(b.label))}</text>` +
      `<rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${fill}"><title>${escapeHtml(`${b.label}: ${b.text}`)}</title></rect>` +
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 12}">${escapeHtml(b.text)}</text>`
    );
  });
  return (
    `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" class="chart">` +
    `<title>${escapeHtml(title)}</title>${rows.join("")}</svg>`
  );
}

const CSS = `
@page { size: A4; margin: 12mm 13mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 9pt; line-height: 1.3; color: #1b1b1b; margin: 0 auto; max-width: 184mm; }
h1 { font-size: 16pt; margin: 0; }
h2 { font-size: 10.5pt; margin: 10pt 0 3pt; color: #1f4e79; border-bottom: 0.6pt solid #9bb7d4; padding-bottom: 1pt; break-after: avoid; }
p { margin: 2pt 0; }
.sub { color: #4a4a4a; margin: 1pt 0 6pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 8pt; margin: 0 0 6pt; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
.headline { display: grid; grid-template-columns: 58mm 1fr; gap: 8pt; align-items: start; background: #eef4fa; border: 0.6pt solid #9bb7d4; padding: 6pt 8pt; break-inside: avoid; }
.ratio { font-size: 24pt; font-weight: 700; color: #1f4e79; line-height: 1.1; }
.small { font-size: 7.5pt; color: #4a4a4a; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; border-bottom: 0.4pt solid #c8c8c8; }
th { font-weight: 600; background: #f3f3f3; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.figures td { border: 0; padding: 1pt 4pt 1pt 0; }
table.assumptions { font-size: 7.5pt; }
table.assumptions tr, .checks li { break-inside: avoid; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; }
.charts section { break-inside: avoid; }
svg.chart { font-size: 10px; font-family: inherit; }
ul.checks, ul.exclusions { margin: 0; padding-left: 12pt; }
ul.exclusions { font-size: 8pt; }
.warning { color: #8a3b00; font-weight: 600; }
.info { color: #1f4e79; font-weight: 600; }
footer { margin-top: 8pt; }
`;

export interface FunderReportOptions {
  /** the Monte Carlo run and the one-way table; the defaults are those of `sroi compute` */
  draws?: number;
  seed?: number;
  variation?: number;
}

/**
 * The funder report of an assessment as one HTML document, in a language; null when the assessment
 * cannot be computed (the caller reports its problems, as `sroi compute` does).
 */
export function funderReportHtml(a: Assessment, lang: Lang, options: FunderReportOptions = {}): string | null {
  const computed = computeAssessment(a);
  if (!computed.ok) return null;
  const w = WORDS[lang];
  const res = computed.result;
  const s = a.settings;
  const c = s.currency;
  const sens = sensitivity(a, options);
  const checked = checkAssessment(a);
  const checks: OverClaimCheck[] = checked.ok ? checked.checks : [];
  const descriptionOf = (n: number | null) => (n === null ? "" : (a.outcomes[n - 1]?.description ?? "").trim());

  // header
  const heading = s.title.trim() || w.reportTitle;
  const facts: [string, string][] = [];
  if (s.organisation.trim()) facts.push([w.organisation, s.organisation.trim()]);
  if (s.period.trim()) facts.push([w.period, s.period.trim()]);
  // stages 1–2: the type (an assessment built without one is a forecast, as readers say), the scope…
  const type = s.assessmentType ?? "forecast";
  facts.push([w.type, w.types[type] ?? type]);
  for (const key of ["scope", "purpose", "audience"] as const) {
    const v = (s[key] ?? "").trim();
    if (v) facts.push([w[key], v]);
  }
  const factList = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(userText(v, lang))}</dd>`).join("");

  // the ratio and its range
  const r = res.ratio?.toNumber() ?? null;
  let headline: string;
  if (r === null) headline = `<p>${escapeHtml(w.noRatio)}</p>`;
  else {
    const range = sens.ok ? sens.value.range : null;
    headline =
      `<p class="small">${escapeHtml(w.ratio)}</p><p class="ratio" data-figure="ratio">${ratio(r, lang)}</p>` +
      `<p class="small">${escapeHtml(w.ratioExplained(c))}</p>` +
      (range
        ? `<p data-figure="range"><strong>${escapeHtml(w.range(ratio(range.p10, lang), ratio(range.p90, lang)))}</strong></p>` +
          `<p class="small">${escapeHtml(w.rangeExplained(number(range.draws, lang, 0), percent(range.variation, lang, 0), percent(range.shareBelowOne, lang, 1)))}</p>`
        : "");
  }
  const payback = res.paybackMonths ? w.months(number(res.paybackMonths.toNumber(), lang, 1)) : w.never;
  const figures: [string, string, string][] = [
    ["presentValue", w.presentValue, money(res.totalPresentValue.toNumber(), c, lang)],
    ["inputs", w.inputs, money(res.totalInputs.toNumber(), c, lang)],
    ["netPresentValue", w.npv, money(res.netPresentValue.toNumber(), c, lang)],
    ["payback", w.payback, payback],
  ];
  const figureRows = figures.map(([key, k, v]) => `<tr><td>${escapeHtml(k)}</td><td class="num" data-figure="${key}">${escapeHtml(v)}</td></tr>`).join("");

  // the three estimates the ratio depends on most
  let depends = "";
  if (sens.ok && r !== null) {
    const top = sens.value.oneWay.slice(0, 3);
    const rows = top.map((row) => dependsRow(row, sens.value.switchingValues, r, descriptionOf(row.outcome), c, lang)).join("");
    depends =
      `<section aria-labelledby="depends"><h2 id="depends">${escapeHtml(w.dependsTitle)}</h2><p class="small">${escapeHtml(w.dependsIntro(percent(sens.value.range.variation, lang, 0)))}</p>` +
      `<table class="depends"><thead><tr><th>${escapeHtml(w.estimate)}</th><th class="num">${escapeHtml(w.current)}</th><th class="num">${escapeHtml(w.ratioWhenMoved)}</th><th class="num">${escapeHtml(w.breakEven)}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  }

  // value per stakeholder: those with a value; the others are contributors only
  const valued = res.byStakeholder.filter((b) => !b.presentValue.isZero());
  const contributorsOnly = res.byStakeholder.filter((b) => b.presentValue.isZero()).map((b) => b.stakeholder.trim() || "…");
  const stakeholderChart =
    valued.length === 0
      ? `<p>${escapeHtml(w.byStakeholderNone)}</p>`
      : barChart(
          valued.map((b) => ({
            label: b.stakeholder,
            value: b.presentValue.toNumber(),
            text: `${money(b.presentValue.toNumber(), c, lang)}${b.share ? ` · ${percent(b.share.toNumber(), lang)}` : ""}`,
          })),
          w.byStakeholder,
        );

  // inputs by kind
  const kinds: InputKind[] = ["cash", "inKind", "time"];
  const byKind = new Map<InputKind, number>(kinds.map((k) => [k, 0]));
  for (const i of a.inputs) {
    const v = inputValue(i);
    if (v.ok) byKind.set(i.kind, (byKind.get(i.kind) ?? 0) + v.value.toNumber());
  }
  const inputsTotal = res.totalInputs.toNumber();
  const kindBars = kinds
    .filter((k) => byKind.get(k) !== 0)
    .map((k) => ({
      label: INPUT_KINDS[lang][k],
      value: byKind.get(k)!,
      text: `${money(byKind.get(k)!, c, lang)}${inputsTotal > 0 ? ` · ${percent(byKind.get(k)! / inputsTotal, lang)}` : ""}`,
    }));
  const kindChart = kindBars.length === 0 ? `<p>${escapeHtml(w.byKindNone)}</p>` : barChart(kindBars, w.byKind);

  // key assumptions; an unintended or negative outcome says so (stage 1–3 of the impact map)
  const kindOf = (o: Assessment["outcomes"][number]) =>
    [o.intended === "unintended" ? w.unintended : "", o.polarity === "negative" ? w.negative : ""]
      .filter((x) => x !== "")
      .map((x) => ` · <span data-kind="${x === w.negative ? "negative" : "unintended"}">${escapeHtml(x)}</span>`)
      .join("");
  const assumptionRows = a.outcomes
    .map((o, k) => ({ o, n: k + 1 }))
    .filter(({ o }) => !isEmptyOutcome(o))
    .map(({ o, n }) => {
      const pv = res.outcomes.find((x) => x.index === n)?.presentValue.toNumber();
      const d = w.deductions;
      const ded = (x: number | null) => percent(x ?? 0, lang, 1);
      const quantity = `${o.quantity === null ? "—" : number(o.quantity, lang, 2)} · ${w.years(number(o.duration ?? 0, lang, 0))}${o.start === 2 ? ` (${w.startsLater})` : ""}`;
      const proxy = `${o.proxyName.trim() ? `${escapeHtml(userText(o.proxyName, lang))}${colon(lang)} ` : ""}${escapeHtml(o.proxyValue === null ? "—" : money(o.proxyValue, c, lang))}`;
      const src = (x: string) => (x.trim() ? escapeHtml(userText(x, lang)) : `<em>${escapeHtml(w.noSource)}</em>`);
      return (
        `<tr><td class="num">${n}</td><td>${escapeHtml(userText(o.description, lang) || "…")}<br><span class="small">${escapeHtml(userText(o.stakeholder, lang))}${pv === undefined ? "" : ` · ${escapeHtml(money(pv, c, lang))}`}${kindOf(o)}</span></td>` +
        `<td>${escapeHtml(quantity)}</td><td>${proxy}</td>` +
        `<td>${escapeHtml(w.indicatorSource)}${colon(lang)} ${src(o.source)}<br>${escapeHtml(w.proxySource)}${colon(lang)} ${src(o.proxySource)}</td>` +
        `<td class="num">${escapeHtml(`${d.deadweight} ${ded(o.deadweight)}`)}<br>${escapeHtml(`${d.displacement} ${ded(o.displacement)}`)}<br>${escapeHtml(`${d.attribution} ${ded(o.attribution)}`)}<br>${escapeHtml(`${d.dropOff} ${ded(o.dropOff)}`)}</td></tr>`
      );
    })
    .join("");

  // what was left out, and why ("include only what is material")
  const left = (a.exclusions ?? []).filter((x) => x.item.trim() !== "" || x.reason.trim() !== "");
  const exclusions =
    left.length === 0
      ? ""
      : `<section aria-labelledby="exclusions"><h2 id="exclusions">${escapeHtml(w.exclusions)}</h2><p class="small">${escapeHtml(w.exclusionsIntro)}</p><ul class="exclusions">${left
          .map((x) => `<li><strong>${escapeHtml(userText(x.item, lang) || "…")}</strong>${x.reason.trim() ? `${colon(lang)} ${escapeHtml(userText(x.reason, lang))}` : ""}</li>`)
          .join("")}</ul></section>`;

  const checkItems =
    checks.length === 0
      ? `<p>${escapeHtml(w.checksNone)}</p>`
      : `<ul class="checks">${checks
          .map((x) => `<li><span class="${x.severity}">${escapeHtml(x.severity === "warning" ? w.warning : w.info)}${colon(lang)}</span> ${escapeHtml(typeset(checkMessage(x, lang), lang))}</li>`)
          .join("")}</ul>`;

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${heading}${s.organisation.trim() ? ` — ${s.organisation.trim()}` : ""}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="sub">${escapeHtml(`${w.reportTitle} (SROI) · ${w.subtitle}`)}</p>
<h1>${escapeHtml(heading)}</h1>
<dl class="facts">${factList}</dl>
</header>
<section class="headline" aria-label="${escapeHtml(w.ratio)}">
<div>${headline}</div>
<table class="figures"><tbody>${figureRows}</tbody></table>
</section>
${depends}
<div class="charts">
<section aria-labelledby="by-stakeholder"><h2 id="by-stakeholder">${escapeHtml(w.byStakeholder)}</h2>${stakeholderChart}${contributorsOnly.length ? `<p class="small">${escapeHtml(w.contributorsOnly(contributorsOnly.join(", ")))}</p>` : ""}</section>
<section aria-labelledby="by-kind"><h2 id="by-kind">${escapeHtml(w.byKind)}</h2>${kindChart}<p class="small">${escapeHtml(w.inKindNote)}</p></section>
</div>
<section aria-labelledby="assumptions"><h2 id="assumptions">${escapeHtml(w.assumptions)}</h2><p class="small">${escapeHtml(w.assumptionsIntro)}</p>
<table class="assumptions"><thead><tr><th class="num">#</th><th>${escapeHtml(w.colOutcome)}</th><th>${escapeHtml(w.colQuantity)}</th><th>${escapeHtml(w.colProxy)}</th><th>${escapeHtml(w.colSources)}</th><th class="num">${escapeHtml(w.colDeductions)}</th></tr></thead><tbody>${assumptionRows}</tbody></table></section>
${exclusions}
<section aria-labelledby="checks"><h2 id="checks">${escapeHtml(w.checks)}</h2>${checkItems}</section>
<footer class="small"><p>${escapeHtml(w.method(percent(s.discountRate, lang, 2), s.discountYear1))}</p><p>${escapeHtml(w.generated)}</p></footer>
</body>
</html>
`;
}

function dependsRow(row: OneWayRow, switching: SwitchingValue[], current: number, description: string, currency: string, lang: Lang): string {
  const w = WORDS[lang];
  const label = row.outcome === null ? capitalise(estimateLabel(row.field, lang)) : `${w.outcome(row.outcome, description)}${colon(lang)} ${estimateLabel(row.field, lang)}`;
  const low = Math.min(row.ratioLow, row.ratioHigh);
  const high = Math.max(row.ratioLow, row.ratioHigh);
  const even = switching.find((x) => x.outcome === row.outcome && x.field === row.field)?.breakEven ?? null;
  const evenText = even === null ? (current >= 1 ? w.staysAbove : w.neverReaches) : estimateValue(row.field, even, currency, lang);
  return (
    `<tr data-field="${row.field}" data-outcome="${row.outcome ?? ""}"><td>${escapeHtml(label)}</td><td class="num">${escapeHtml(estimateValue(row.field, row.value, currency, lang))}</td>` +
    `<td class="num">${formatNumber(low, lang, 2, true)}–${ratio(high, lang)}</td><td class="num" data-figure="breakEven">${escapeHtml(evenText)}</td></tr>`
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
