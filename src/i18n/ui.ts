/**
 * Every string of the task pane, in English and French, in one place. `{name}` marks a value put in
 * at run time. The core's messages (validation) come from messages.ts; this file is the rest.
 *
 * Pseudo-localization ("pseudo") turns every English string into accented text between ⟦ ⟧, so a
 * test rendering the pane in that mode sees at once any text that did not come from here.
 */
import type { Lang } from "./lang";

const EN = {
  appTitle: "SROI for Excel",
  loading: "Loading…",
  back: "Back",
  next: "Next",
  cancel: "Cancel",
  remove: "Remove",
  errorPrefix: "Something went wrong: {message}",
  tooOldTitle: "This version of Excel is too old for the task pane",
  tooOldBody:
    "The task pane needs these Excel features, which this version does not have: {missing}. Update Excel (Microsoft 365, or Excel 2021 and later, or Excel on the web). The SROI functions still work in cells.",

  // Home
  homeIntro: "Social Return on Investment: what value does your activity create, for whom, for each euro or pound put in?",
  homeStart: "Start a new assessment",
  homeStartHint: "A guided setup creates the sheets and formulas in this workbook.",
  homeContinue: "Continue the assessment in this workbook",
  homeContinueNone: "No assessment was found in this workbook yet.",
  homeSearching: "Looking for assessments in this workbook…",
  homeFindProxy: "Find a financial proxy",
  homeFindProxyHint: "Search sourced money values for outcomes, and your organisation's own.",
  foundItem: "{title} — {organisation}",
  foundItemUntitled: "Assessment {suffix}",
  foundItemSheets: "Impact map in the sheet “{sheet}”",
  foundItemPortable: "Impact map in the sheet “{sheet}” · portable formulas",

  // Steps
  stepsLabel: "Setup steps",
  stepOf: "Step {n} of {total}",
  stepAssessment: "Assessment",
  stepStakeholders: "Stakeholders",
  stepInputs: "Inputs",
  stepOutcomes: "Outcomes",
  stepReview: "Review and create",

  // Assessment step
  organisation: "Organisation",
  title: "Title of the assessment",
  period: "Period covered",
  periodHint: "As you write it: 2025, or Sept 2024 – Aug 2025",
  currency: "Currency",
  ratePreset: "Discount rate reference",
  presetGreenBook: "HM Treasury Green Book — 3.5 %",
  presetGreenBookSource: "UK HM Treasury, The Green Book (2022): 3.5 % for years 0–30; the usual SROI default.",
  presetFranceStrategie: "France Stratégie — 3.2 %",
  presetFranceStrategieSource:
    "France Stratégie, évaluation socioéconomique des investissements publics: 1.2 % + β × 2 %, i.e. 3.2 % with β = 1.",
  presetLowRate: "Low rate + risk premium",
  presetLowRateSource:
    "As taught in French SROI courses: a low rate near 1.5 % (inflation, or the yield of guaranteed savings) plus a risk premium suited to the activity.",
  presetCustom: "Another rate",
  presetCustomSource: "Type the rate you will justify in the report.",
  riskPremium: "Risk premium",
  riskPremiumHint: "Added to 1.5 %, e.g. 2 % gives 3.5 %",
  discountRate: "Discount rate",
  discountRateHint: "As a percentage: 3.5 % (or 0.035)",
  discountYear1: "Discount year 1 (as Excel's NPV does)",
  discountYear1Hint: "Some reports leave the first year undiscounted; the default discounts it.",
  yearsShown: "Years shown in the projection",
  sheetLanguage: "Language of the sheets",
  languageEn: "English",
  languageFr: "French",
  portable: "Portable formulas (no add-in needed to recompute)",
  portableHint: "Native Excel functions only, so the workbook recomputes on a computer without the add-in.",

  // Stakeholders
  stakeholdersIntro: "Who changes, or who contributes? One line per group of people or organisation.",
  stakeholderName: "Stakeholder",
  groupSize: "Number in group",
  involvement: "How involved",
  addStakeholder: "Add a stakeholder",
  stakeholderN: "Stakeholder {n}",
  existingStakeholders: "Already in the workbook: {names}",
  groupSizeNotANumber: "Number in group: “{value}” is not a number.",
  noStakeholders: "No stakeholder yet. Inputs and outcomes are entered per stakeholder.",
  unnamedStakeholder: "(stakeholder without a name)",

  // Inputs
  inputsIntro: "What each stakeholder puts in, valued at what it would cost to pay others for it.",
  inputKind: "Kind of input",
  kindCash: "Cash",
  kindInKind: "In kind (at market price)",
  kindTime: "Volunteer time (hours × hourly cost)",
  inputDescription: "Description",
  amount: "Amount",
  marketPrice: "Market price",
  hours: "Hours",
  hourlyCost: "Hourly cost",
  hourlyCostHint: "What paying someone for the same work costs, employer charges included",
  inputValue: "Value: {value}",
  addInputFor: "Add an input for {name}",
  inputN: "Input {n}",

  // Outcomes
  outcomesIntro: "What changes for each stakeholder, how much of it is due to you, and what it is worth.",
  outcomeN: "Outcome {n}",
  addOutcomeFor: "Add an outcome for {name}",
  description: "Outcome (what changes)",
  indicator: "Indicator",
  source: "Source of the indicator",
  quantity: "Quantity",
  duration: "Duration (years)",
  start: "Outcome starts",
  start1: "1 — during the activity",
  start2: "2 — in the period after",
  proxyName: "Financial proxy",
  proxyValue: "Proxy value",
  proxySource: "Proxy source",
  findProxy: "Find a proxy",
  deadweight: "Deadweight",
  displacement: "Displacement",
  attribution: "Attribution",
  dropOff: "Drop-off",
  percentHint: "25 % or 0.25",
  netImpactIs: "Net impact: {value}",

  // Review
  reviewIntro: "The results computed from what you entered. The sheets will hold the same formulas.",
  reviewProblems: "Fix these before creating the sheets:",
  problemAt: "{section} {n}: {message}",
  problemAtSettings: "{section}: {message}",
  sectionInputs: "Input",
  sectionOutcomes: "Outcome",
  sectionSettings: "Settings",
  totalPresentValue: "Total present value",
  totalInputs: "Value of inputs",
  netPresentValue: "Net present value",
  ratio: "SROI ratio",
  ratioValue: "{ratio} : 1",
  netRatio: "Net ratio",
  payback: "Payback",
  paybackValue: "{months} months",
  notComputable: "—",
  valueByStakeholder: "Value by stakeholder",
  shareOf: "{value} ({share})",
  createSheets: "Create the sheets",
  creating: "Creating the sheets…",

  // Done
  doneTitle: "The sheets are ready",
  doneSheets: "Sheets created:",
  doneRenamedTitle: "These names were already taken, so the new sheets got free ones (nothing of yours was changed):",
  doneRenamed: "“{wanted}” → “{got}”",
  downloadXlsx: "Download a portable .xlsx",
  downloading: "Preparing the file…",
  downloaded: "The file {file} was downloaded.",
  makePortableCopy: "Make a portable copy",
  portableCopyMade: "Portable copy made: sheets {sheets}.",
  backHome: "Back to the start",

  // Continue
  continueTitle: "Add to the assessment",
  continueIntro: "Add stakeholders, inputs and outcomes to “{title}”. What is already in the workbook stays as it is.",
  currentResults: "Current results in the workbook",
  readProblems: "Some cells of this assessment could not be read; fix them in the sheets:",
  addToWorkbook: "Add to the workbook",
  adding: "Adding…",
  added: "Added to the workbook — stakeholders: {stakeholders}, inputs: {inputs}, outcomes: {outcomes}.",
  nothingToAdd: "There is nothing to add yet.",

  // Proxy lookup
  proxyTitle: "Financial proxies",
  proxySearch: "Search proxies",
  proxySearchHint: "In French or English: insertion, emploi, job, bénévolat, hospital…",
  filterCountry: "Country",
  filterTheme: "Theme",
  filterMethod: "Valuation method",
  filterCurrency: "Currency",
  filterAll: "All",
  resultsCount: "Proxies found: {count}",
  noResults: "No proxy matches. Try another word, or fewer filters.",
  proxyYear: "Price year",
  proxyMethod: "Valuation method",
  proxyCountry: "Country",
  proxyThemes: "Themes",
  proxySourceLabel: "Source",
  proxyNotes: "Notes",
  proxyId: "Id",
  proxyOrigin: "Origin",
  openSource: "Open the source",
  useProxy: "Use this proxy",
  useProxyDone: "Written into {address}.",
  replaceTitle: "Replace the values in {addresses}?",
  replaceList: "{address} holds “{value}”",
  replaceYes: "Replace",
  importExport: "Import or export",
  importTitle: "Import proxies",
  importFile: "CSV file",
  importPaste: "Or paste cells (copied from a sheet or a proxy database)",
  importCheck: "Check",
  importReport: "Rows that can be imported: {accepted}. Rows refused: {rejected}.",
  importConfirm: "Import into the Proxies sheet ({count})",
  importFixFirst: "Some rows are refused: correct them in the file and check again. Nothing is written while a row is refused.",
  backToResults: "Back to the results",
  importKeptAsText: "Kept as text:",
  importDone: "Proxies written into the Proxies sheet: {written}.",
  importDoneCreated: "The Proxies sheet was created. Proxies written: {written}.",
  exportCsv: "Export the workbook's proxies to CSV",
  exportNone: "This workbook has no Proxies sheet yet.",
  exportDone: "Proxies exported to {file}: {count}.",
  workbookProxies: "Your own proxies in this workbook: {count}",
} as const;

export type UiKey = keyof typeof EN;
export type UiLang = Lang | "pseudo";

const FR: Record<UiKey, string> = {
  appTitle: "SROI pour Excel",
  loading: "Chargement…",
  back: "Retour",
  next: "Suivant",
  cancel: "Annuler",
  remove: "Supprimer",
  errorPrefix: "Un problème est survenu : {message}",
  tooOldTitle: "Cette version d'Excel est trop ancienne pour le volet",
  tooOldBody:
    "Le volet a besoin de ces fonctionnalités d'Excel, absentes de cette version : {missing}. Mettez Excel à jour (Microsoft 365, Excel 2021 ou plus récent, ou Excel pour le web). Les fonctions SROI restent utilisables dans les cellules.",

  homeIntro: "Retour social sur investissement : quelle valeur votre activité crée-t-elle, pour qui, pour chaque euro investi ?",
  homeStart: "Commencer une nouvelle évaluation",
  homeStartHint: "Une saisie guidée crée les feuilles et les formules dans ce classeur.",
  homeContinue: "Poursuivre l'évaluation de ce classeur",
  homeContinueNone: "Aucune évaluation n'a encore été trouvée dans ce classeur.",
  homeSearching: "Recherche des évaluations dans ce classeur…",
  homeFindProxy: "Trouver un proxy financier",
  homeFindProxyHint: "Cherchez des valeurs monétaires sourcées pour vos effets, y compris celles propres à votre organisation.",
  foundItem: "{title} — {organisation}",
  foundItemUntitled: "Évaluation {suffix}",
  foundItemSheets: "Carte des impacts dans la feuille « {sheet} »",
  foundItemPortable: "Carte des impacts dans la feuille « {sheet} » · formules autonomes",

  stepsLabel: "Étapes de la saisie",
  stepOf: "Étape {n} sur {total}",
  stepAssessment: "Évaluation",
  stepStakeholders: "Parties prenantes",
  stepInputs: "Contributions",
  stepOutcomes: "Effets",
  stepReview: "Vérifier et créer",

  organisation: "Organisation",
  title: "Titre de l'évaluation",
  period: "Période couverte",
  periodHint: "Comme vous l'écrivez : 2025, ou sept. 2024 – août 2025",
  currency: "Devise",
  ratePreset: "Référence du taux d'actualisation",
  presetGreenBook: "Green Book du Trésor britannique — 3,5 %",
  presetGreenBookSource: "HM Treasury, The Green Book (2022) : 3,5 % pour les années 0 à 30 ; le taux SROI le plus courant.",
  presetFranceStrategie: "France Stratégie — 3,2 %",
  presetFranceStrategieSource:
    "France Stratégie, évaluation socioéconomique des investissements publics : 1,2 % + β × 2 %, soit 3,2 % avec β = 1.",
  presetLowRate: "Taux bas + prime de risque",
  presetLowRateSource:
    "Comme l'enseignent les formations SROI françaises : un taux bas proche de 1,5 % (inflation, ou rendement de l'épargne garantie) plus une prime de risque adaptée à l'activité.",
  presetCustom: "Un autre taux",
  presetCustomSource: "Saisissez le taux que vous justifierez dans le rapport.",
  riskPremium: "Prime de risque",
  riskPremiumHint: "S'ajoute à 1,5 % : avec 2 %, le taux est de 3,5 %",
  discountRate: "Taux d'actualisation",
  discountRateHint: "En pourcentage : 3,5 % (ou 0,035)",
  discountYear1: "Actualiser l'année 1 (comme la fonction VAN d'Excel)",
  discountYear1Hint: "Certains rapports n'actualisent pas la première année ; par défaut, elle est actualisée.",
  yearsShown: "Années affichées dans la projection",
  sheetLanguage: "Langue des feuilles",
  languageEn: "Anglais",
  languageFr: "Français",
  portable: "Formules autonomes (recalcul sans le complément)",
  portableHint: "Uniquement des fonctions natives d'Excel : le classeur se recalcule sur un ordinateur sans le complément.",

  stakeholdersIntro: "Pour qui les choses changent-elles, et qui contribue ? Une ligne par groupe de personnes ou par organisation.",
  stakeholderName: "Partie prenante",
  groupSize: "Effectif du groupe",
  involvement: "Implication",
  addStakeholder: "Ajouter une partie prenante",
  stakeholderN: "Partie prenante {n}",
  existingStakeholders: "Déjà dans le classeur : {names}",
  groupSizeNotANumber: "Effectif du groupe : « {value} » n'est pas un nombre.",
  noStakeholders: "Aucune partie prenante pour l'instant. Les contributions et les effets se saisissent partie prenante par partie prenante.",
  unnamedStakeholder: "(partie prenante sans nom)",

  inputsIntro: "Ce que chaque partie prenante apporte, valorisé à ce qu'il faudrait payer pour l'obtenir autrement.",
  inputKind: "Type de contribution",
  kindCash: "Numéraire",
  kindInKind: "En nature (au prix du marché)",
  kindTime: "Bénévolat (heures × coût horaire)",
  inputDescription: "Description",
  amount: "Montant",
  marketPrice: "Prix du marché",
  hours: "Heures",
  hourlyCost: "Coût horaire",
  hourlyCostHint: "Ce que coûterait une personne payée pour le même travail, charges patronales comprises",
  inputValue: "Valeur : {value}",
  addInputFor: "Ajouter une contribution de {name}",
  inputN: "Contribution {n}",

  outcomesIntro: "Ce qui change pour chaque partie prenante, la part de ce changement qui revient à votre action, et ce qu'il vaut.",
  outcomeN: "Effet {n}",
  addOutcomeFor: "Ajouter un effet pour {name}",
  description: "Effet (ce qui change)",
  indicator: "Indicateur",
  source: "Source de l'indicateur",
  quantity: "Quantité",
  duration: "Durée (années)",
  start: "Début de l'effet",
  start1: "1 — pendant l'activité",
  start2: "2 — à la période suivante",
  proxyName: "Proxy financier",
  proxyValue: "Valeur du proxy",
  proxySource: "Source du proxy",
  findProxy: "Trouver un proxy",
  deadweight: "Point mort",
  displacement: "Déplacement",
  attribution: "Attribution",
  dropOff: "Décroissance",
  percentHint: "25 % ou 0,25",
  netImpactIs: "Impact net : {value}",

  reviewIntro: "Voici les résultats calculés à partir de votre saisie ; les feuilles contiendront les mêmes formules.",
  reviewProblems: "Corrigez ces points avant de créer les feuilles :",
  problemAt: "{section} {n} : {message}",
  problemAtSettings: "{section} : {message}",
  sectionInputs: "Contribution",
  sectionOutcomes: "Effet",
  sectionSettings: "Paramètres",
  totalPresentValue: "Valeur actuelle totale",
  totalInputs: "Valeur des contributions",
  netPresentValue: "Valeur actuelle nette",
  ratio: "Ratio SROI",
  ratioValue: "{ratio} : 1",
  netRatio: "Ratio net",
  payback: "Délai de récupération",
  paybackValue: "{months} mois",
  notComputable: "—",
  valueByStakeholder: "Valeur par partie prenante",
  shareOf: "{value} ({share})",
  createSheets: "Créer les feuilles",
  creating: "Création des feuilles…",

  doneTitle: "Les feuilles sont prêtes",
  doneSheets: "Feuilles créées :",
  doneRenamedTitle: "Ces noms étaient déjà pris ; les nouvelles feuilles en ont reçu d'autres (rien de ce qui existait n'a été modifié) :",
  doneRenamed: "« {wanted} » → « {got} »",
  downloadXlsx: "Télécharger un .xlsx autonome",
  downloading: "Préparation du fichier…",
  downloaded: "Le fichier {file} a été téléchargé.",
  makePortableCopy: "Faire une copie autonome",
  portableCopyMade: "Copie autonome créée : feuilles {sheets}.",
  backHome: "Retour à l'accueil",

  continueTitle: "Compléter l'évaluation",
  continueIntro: "Ajoutez des parties prenantes, des contributions et des effets à « {title} ». Ce qui est déjà dans le classeur reste tel quel.",
  currentResults: "Résultats actuels du classeur",
  readProblems: "Certaines cellules de cette évaluation n'ont pas pu être lues ; corrigez-les dans les feuilles :",
  addToWorkbook: "Ajouter au classeur",
  adding: "Ajout en cours…",
  added: "Ajouté au classeur — parties prenantes : {stakeholders}, contributions : {inputs}, effets : {outcomes}.",
  nothingToAdd: "Il n'y a encore rien à ajouter.",

  proxyTitle: "Proxys financiers",
  proxySearch: "Chercher un proxy",
  proxySearchHint: "En français ou en anglais : insertion, emploi, job, bénévolat, hôpital…",
  filterCountry: "Pays",
  filterTheme: "Thème",
  filterMethod: "Méthode de valorisation",
  filterCurrency: "Devise",
  filterAll: "Tous",
  resultsCount: "Proxys trouvés : {count}",
  noResults: "Aucun proxy ne correspond. Essayez un autre mot, ou moins de filtres.",
  proxyYear: "Année des prix",
  proxyMethod: "Méthode de valorisation",
  proxyCountry: "Pays",
  proxyThemes: "Thèmes",
  proxySourceLabel: "Source",
  proxyNotes: "Notes",
  proxyId: "Identifiant",
  proxyOrigin: "Origine",
  openSource: "Ouvrir la source",
  useProxy: "Utiliser ce proxy",
  useProxyDone: "Écrit dans {address}.",
  replaceTitle: "Remplacer les valeurs de {addresses} ?",
  replaceList: "{address} contient « {value} »",
  replaceYes: "Remplacer",
  importExport: "Importer ou exporter",
  importTitle: "Importer des proxys",
  importFile: "Fichier CSV",
  importPaste: "Ou collez des cellules (copiées d'une feuille ou d'une base de proxys)",
  importCheck: "Vérifier",
  importReport: "Lignes importables : {accepted}. Lignes refusées : {rejected}.",
  importConfirm: "Importer dans la feuille Proxies ({count})",
  importFixFirst: "Des lignes sont refusées : corrigez-les dans le fichier, puis relancez la vérification. Rien n'est écrit tant qu'une ligne est refusée.",
  backToResults: "Revenir aux résultats",
  importKeptAsText: "Conservé en texte :",
  importDone: "Proxys écrits dans la feuille Proxies : {written}.",
  importDoneCreated: "La feuille Proxies a été créée. Proxys écrits : {written}.",
  exportCsv: "Exporter les proxys du classeur en CSV",
  exportNone: "Ce classeur n'a pas encore de feuille Proxies.",
  exportDone: "Proxys exportés dans {file} : {count}.",
  workbookProxies: "Vos propres proxys dans ce classeur : {count}",
};

/** Strings identical in both languages on purpose (names, symbols); the completeness test allows them. */
export const SAME_IN_BOTH: ReadonlySet<UiKey> = new Set<UiKey>([
  "organisation",
  "attribution",
  "foundItem",
  "ratioValue",
  "notComputable",
  "shareOf",
  "proxyNotes",
  "proxySourceLabel",
  "inputDescription",
]);

/** Units live with the proxies' vocabulary (src/proxies/vocabulary.ts); re-exported for the pane. */
export { unitLabel } from "../proxies/vocabulary";

const ACCENTED: Record<string, string> = {
  a: "à", e: "é", i: "ï", o: "ö", u: "ü", c: "ç", n: "ñ", y: "ý", s: "š", z: "ž",
  A: "Å", E: "É", I: "Ï", O: "Ö", U: "Ü", C: "Ç", N: "Ñ", Y: "Ý", S: "Š", Z: "Ž",
};

/** ⟦Ŝéţ…⟧: recognisable, longer (as translations often are), placeholders left intact. */
export function pseudo(text: string): string {
  const parts = text.split(/(\{\w+\})/);
  const body = parts.map((p) => (/^\{\w+\}$/.test(p) ? p : p.replace(/[a-zA-Z]/g, (ch) => ACCENTED[ch] ?? ch))).join("");
  return `⟦${body}⟧`;
}

const TABLES: Record<Lang, Record<UiKey, string>> = { en: EN, fr: FR };

export type Vars = Record<string, string | number>;
export type Translate = (key: UiKey, vars?: Vars) => string;

/** The translate function for a language; pseudo wraps English. */
export function translator(lang: UiLang): Translate {
  return (key, vars) => {
    const template = lang === "pseudo" ? pseudo(EN[key]) : TABLES[lang][key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

/** The language of data formatting and core messages: pseudo formats as English. */
export function dataLang(lang: UiLang): Lang {
  return lang === "pseudo" ? "en" : lang;
}

export const UI_KEYS = Object.keys(EN) as UiKey[];
export const uiTable = (lang: Lang): Record<UiKey, string> => TABLES[lang];
