/**
 * The example a newcomer opens first: a (fictional) French work-integration social enterprise, an
 * "atelier chantier d'insertion" growing vegetables, with three stakeholder groups that change
 * (employees in integration, the public purse, local employers) and cash, in-kind and volunteer-time
 * inputs. Every proxy is built from a public figure of the project's proxy seed list (id in the
 * source text, with the arithmetic), so a reader can check it.
 */
import { Assessment, Lang } from "../sroi";

/** Public figures the proxies are built from (proxies-seed.csv, 2025 unless said). */
const SMIC_NET_MONTH_2025 = 1426.3; // FR-SMIC-MONTH-NET-2025, service-public.fr (estimate)
const RSA_SINGLE_2025 = 646.52; // FR-RSA-SINGLE-2025, Décret n° 2025-293
const CPF_HOUR_2019 = 15; // FR-CPF-HOUR-2019, moncompteformation.gouv.fr
const SMIC_HOUR_GROSS_2025 = 11.88; // FR-SMIC-HOUR-GROSS-2025, service-public.fr

const cents = (x: number): number => Math.round(x * 100) / 100;

/** A 26 h/week integration contract (CDDI) pays 26/35 of the net SMIC; RSA stops at that income. */
const PART_TIME_GAIN_8_MONTHS = cents(8 * ((SMIC_NET_MONTH_2025 * 26) / 35 - RSA_SINGLE_2025));
const FULL_TIME_GAIN_YEAR = cents(12 * (SMIC_NET_MONTH_2025 - RSA_SINGLE_2025));
const RSA_8_MONTHS = cents(8 * RSA_SINGLE_2025);
const RSA_YEAR = cents(12 * RSA_SINGLE_2025);
const TRAINING_70_HOURS = 70 * CPF_HOUR_2019;
const ONBOARDING_35_HOURS = 35 * CPF_HOUR_2019;
/** Volunteer time at what paying someone would cost: gross SMIC plus about 40 % employer charges. */
const VOLUNTEER_HOURLY_COST = cents(SMIC_HOUR_GROSS_2025 * 1.4);

interface Words {
  organisation: string;
  title: string;
  employees: string;
  publicPurse: string;
  employers: string;
  state: string;
  town: string;
  volunteers: string;
  text: Record<string, string>;
}

const WORDS: Record<Lang, Words> = {
  en: {
    organisation: "Jardins de la Vallée (work-integration social enterprise, fictional)",
    title: "Evaluative SROI of the integration programme",
    employees: "Employees in integration",
    publicPurse: "Public purse (Département)",
    employers: "Local employers",
    state: "State (DDETS)",
    town: "Town council",
    volunteers: "Volunteers",
    text: {
      employeesInvolvement: "People on minimum income hired on 26 h/week integration contracts",
      publicInvolvement: "Pays the RSA minimum income and co-funds the social support",
      employersInvolvement: "Partner employers who hire people leaving the programme",
      stateInvolvement: "Funds the integration job subsidy",
      townInvolvement: "Lends the premises and the land",
      volunteersInvolvement: "Retired gardeners and mentors",
      subsidy: "Integration job subsidy (aide au poste d'insertion)",
      grant: "Social and professional support grant",
      premises: "Premises and 2 ha of market-garden land lent (market rent)",
      time: "Mentoring and gardening, 600 h (gross SMIC 11.88 €/h + 40 % charges)",
      income: "Higher income during the integration contract",
      incomeIndicator: "Employees with at least 4 months of contract",
      job: "A lasting job after the programme",
      jobIndicator: "Exits to a job of 6 months or more, checked 6 months after exit",
      skills: "Skills gained through on-the-job training",
      skillsIndicator: "Training hours completed (70 h on average)",
      rsaDuring: "RSA not paid during the contracts",
      rsaDuringIndicator: "Employees who were on RSA when hired",
      rsaAfter: "RSA not paid after a lasting job",
      rsaAfterIndicator: "Exits to a lasting job of former RSA recipients",
      hires: "Recruits already trained and known",
      hiresIndicator: "Hires by partner employers",
      payroll: "Payroll records 2025",
      followUp: "6-month follow-up survey of people leaving",
      trainingLog: "Training log",
      caseFiles: "Case files (RSA status at hiring)",
      employersSurvey: "Partner employers' survey",
      incomeProxy: "Net income gain over 8 months",
      jobProxy: "Net income gain over a year in a full-time SMIC job",
      trainingProxy: "Market value of 70 training hours",
      rsaDuringProxy: "RSA for 8 months",
      rsaAfterProxy: "RSA for a year",
      onboardingProxy: "35 h of onboarding training avoided",
    },
  },
  fr: {
    organisation: "Jardins de la Vallée (atelier chantier d'insertion, fictif)",
    title: "SROI évaluatif du programme d'insertion",
    employees: "Salariés en insertion",
    publicPurse: "Finances publiques (Département)",
    employers: "Employeurs locaux",
    state: "État (DDETS)",
    town: "Commune",
    volunteers: "Bénévoles",
    text: {
      employeesInvolvement: "Allocataires du RSA embauchés en CDDI de 26 h par semaine",
      publicInvolvement: "Verse le RSA et cofinance l'accompagnement",
      employersInvolvement: "Employeurs partenaires qui recrutent à la sortie",
      stateInvolvement: "Finance l'aide au poste d'insertion",
      townInvolvement: "Prête les locaux et le terrain",
      volunteersInvolvement: "Maraîchers retraités et parrains",
      subsidy: "Aide au poste d'insertion",
      grant: "Subvention d'accompagnement socio-professionnel",
      premises: "Locaux et 2 ha de terrain maraîcher prêtés (loyer de marché)",
      time: "Parrainage et maraîchage, 600 h (SMIC brut 11,88 €/h + 40 % de charges)",
      income: "Revenu plus élevé pendant le contrat d'insertion",
      incomeIndicator: "Salariés ayant au moins 4 mois de contrat",
      job: "Un emploi durable après le parcours",
      jobIndicator: "Sorties vers un emploi de 6 mois ou plus, vérifiées 6 mois après la sortie",
      skills: "Compétences acquises en situation de travail",
      skillsIndicator: "Heures de formation suivies (70 h en moyenne)",
      rsaDuring: "RSA non versé pendant les contrats",
      rsaDuringIndicator: "Salariés allocataires du RSA à l'embauche",
      rsaAfter: "RSA non versé après un emploi durable",
      rsaAfterIndicator: "Sorties en emploi durable d'anciens allocataires du RSA",
      hires: "Recrues déjà formées et connues",
      hiresIndicator: "Embauches par les employeurs partenaires",
      payroll: "Registre du personnel 2025",
      followUp: "Enquête à 6 mois auprès des sortants",
      trainingLog: "Registre des formations",
      caseFiles: "Dossiers individuels (RSA à l'embauche)",
      employersSurvey: "Enquête auprès des employeurs partenaires",
      incomeProxy: "Gain de revenu net sur 8 mois",
      jobProxy: "Gain de revenu net sur un an au SMIC à temps plein",
      trainingProxy: "Valeur de marché de 70 heures de formation",
      rsaDuringProxy: "RSA pendant 8 mois",
      rsaAfterProxy: "RSA pendant un an",
      onboardingProxy: "35 h de formation à l'intégration évitées",
    },
  },
};

/** Where each proxy value comes from (the library's ids, the figures, the publication), as each language writes it. */
const SOURCES: Record<Lang, Record<"income" | "job" | "training" | "rsaDuring" | "rsaAfter" | "onboarding", string>> = {
  en: {
    income: "8 × (FR-SMIC-MONTH-NET-2025 1426.30 × 26/35 − FR-RSA-SINGLE-2025 646.52); service-public.fr, Décret n° 2025-293",
    job: "12 × (FR-SMIC-MONTH-NET-2025 1426.30 − FR-RSA-SINGLE-2025 646.52); service-public.fr, Décret n° 2025-293",
    training: "70 h × FR-CPF-HOUR-2019 15 €/h; moncompteformation.gouv.fr (2019 price)",
    rsaDuring: "8 × FR-RSA-SINGLE-2025 646.52; Décret n° 2025-293 (legifrance.gouv.fr)",
    rsaAfter: "12 × FR-RSA-SINGLE-2025 646.52; Décret n° 2025-293 (legifrance.gouv.fr)",
    onboarding: "35 h × FR-CPF-HOUR-2019 15 €/h; moncompteformation.gouv.fr (2019 price)",
  },
  fr: {
    income: "8 × (FR-SMIC-MONTH-NET-2025 1 426,30 × 26/35 − FR-RSA-SINGLE-2025 646,52) ; service-public.fr, décret n° 2025-293",
    job: "12 × (FR-SMIC-MONTH-NET-2025 1 426,30 − FR-RSA-SINGLE-2025 646,52) ; service-public.fr, décret n° 2025-293",
    training: "70 h × FR-CPF-HOUR-2019 15 €/h ; moncompteformation.gouv.fr (prix de 2019)",
    rsaDuring: "8 × FR-RSA-SINGLE-2025 646,52 ; décret n° 2025-293 (legifrance.gouv.fr)",
    rsaAfter: "12 × FR-RSA-SINGLE-2025 646,52 ; décret n° 2025-293 (legifrance.gouv.fr)",
    onboarding: "35 h × FR-CPF-HOUR-2019 15 €/h ; moncompteformation.gouv.fr (prix de 2019)",
  },
};

/** The example assessment, its texts in the given language; portable, so it needs no add-in. */
export function exampleAssessment(lang: Lang = "en"): Assessment {
  const w = WORDS[lang];
  const t = w.text;
  const SOURCE = SOURCES[lang];
  return {
    settings: {
      organisation: w.organisation,
      title: w.title,
      period: "2025",
      currency: "EUR",
      discountRate: 0.035,
      discountYear1: true,
      yearsShown: 5,
      language: lang,
      portable: true,
      priceYear: null,
      priceIndex: "FR",
    },
    stakeholders: [
      { name: w.employees, groupSize: 24, involvement: t.employeesInvolvement },
      { name: w.publicPurse, groupSize: null, involvement: t.publicInvolvement },
      { name: w.employers, groupSize: 6, involvement: t.employersInvolvement },
      { name: w.state, groupSize: null, involvement: t.stateInvolvement },
      { name: w.town, groupSize: null, involvement: t.townInvolvement },
      { name: w.volunteers, groupSize: 5, involvement: t.volunteersInvolvement },
    ],
    inputs: [
      { stakeholder: w.state, kind: "cash", description: t.subsidy, amount: 150000, hours: null, hourlyCost: null },
      { stakeholder: w.publicPurse, kind: "cash", description: t.grant, amount: 30000, hours: null, hourlyCost: null },
      { stakeholder: w.town, kind: "inKind", description: t.premises, amount: 12000, hours: null, hourlyCost: null },
      { stakeholder: w.volunteers, kind: "time", description: t.time, amount: null, hours: 600, hourlyCost: VOLUNTEER_HOURLY_COST },
    ],
    outcomes: [
      {
        stakeholder: w.employees,
        description: t.income,
        indicator: t.incomeIndicator,
        source: t.payroll,
        quantity: 24,
        duration: 1,
        start: 1,
        proxyName: t.incomeProxy,
        proxyValue: PART_TIME_GAIN_8_MONTHS,
        proxyUnits: 1,
        proxyUnit: "",
        proxySource: SOURCE.income,
        proxyPriceYear: null,
        proxyCurrency: "",
        exchangeRate: null,
        exchangeRateSource: "",
        valuationMethod: "",
        deadweight: 0.1,
        displacement: 0,
        attribution: 0.1,
        dropOff: 0,
      },
      {
        stakeholder: w.employees,
        description: t.job,
        indicator: t.jobIndicator,
        source: t.followUp,
        quantity: 9,
        duration: 3,
        // a job found on leaving counts from the period after the activity
        start: 2,
        proxyName: t.jobProxy,
        proxyValue: FULL_TIME_GAIN_YEAR,
        proxyUnits: 1,
        proxyUnit: "",
        proxySource: SOURCE.job,
        proxyPriceYear: null,
        proxyCurrency: "",
        exchangeRate: null,
        exchangeRateSource: "",
        valuationMethod: "",
        deadweight: 0.25,
        displacement: 0.1,
        attribution: 0.2,
        dropOff: 0.3,
      },
      {
        stakeholder: w.employees,
        description: t.skills,
        indicator: t.skillsIndicator,
        source: t.trainingLog,
        quantity: 24,
        duration: 1,
        start: 1,
        proxyName: t.trainingProxy,
        proxyValue: TRAINING_70_HOURS,
        proxyUnits: 1,
        proxyUnit: "",
        proxySource: SOURCE.training,
        proxyPriceYear: null,
        proxyCurrency: "",
        exchangeRate: null,
        exchangeRateSource: "",
        valuationMethod: "",
        deadweight: 0.05,
        displacement: 0,
        attribution: 0.1,
        dropOff: 0,
      },
      {
        stakeholder: w.publicPurse,
        description: t.rsaDuring,
        indicator: t.rsaDuringIndicator,
        source: t.caseFiles,
        quantity: 24,
        duration: 1,
        start: 1,
        proxyName: t.rsaDuringProxy,
        proxyValue: RSA_8_MONTHS,
        proxyUnits: 1,
        proxyUnit: "",
        proxySource: SOURCE.rsaDuring,
        proxyPriceYear: null,
        proxyCurrency: "",
        exchangeRate: null,
        exchangeRateSource: "",
        valuationMethod: "",
        deadweight: 0.1,
        displacement: 0,
        attribution: 0.1,
        dropOff: 0,
      },
      {
        stakeholder: w.publicPurse,
        description: t.rsaAfter,
        indicator: t.rsaAfterIndicator,
        source: t.followUp,
        quantity: 9,
        duration: 3,
        start: 2,
        proxyName: t.rsaAfterProxy,
        proxyValue: RSA_YEAR,
        proxyUnits: 1,
        proxyUnit: "",
        proxySource: SOURCE.rsaAfter,
        proxyPriceYear: null,
        proxyCurrency: "",
        exchangeRate: null,
        exchangeRateSource: "",
        valuationMethod: "",
        deadweight: 0.25,
        displacement: 0.1,
        attribution: 0.2,
        dropOff: 0.3,
      },
      {
        stakeholder: w.employers,
        description: t.hires,
        indicator: t.hiresIndicator,
        source: t.employersSurvey,
        quantity: 6,
        duration: 1,
        start: 1,
        proxyName: t.onboardingProxy,
        proxyValue: ONBOARDING_35_HOURS,
        proxyUnits: 1,
        proxyUnit: "",
        proxySource: SOURCE.onboarding,
        proxyPriceYear: null,
        proxyCurrency: "",
        exchangeRate: null,
        exchangeRateSource: "",
        valuationMethod: "",
        deadweight: 0.3,
        displacement: 0,
        attribution: 0.2,
        dropOff: 0,
      },
    ],
  };
}
