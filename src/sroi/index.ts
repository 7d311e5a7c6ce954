/** The SROI calculation core: pure TypeScript on a Decimal clone (the exact reference) and its float64 hot path (fast.ts); no Office, React or DOM. */
export * from "./decimal";
export * from "./issues";
export * from "./validate";
export * from "./impact";
export * from "./projection";
export * from "./presentValue";
export * from "./fast";
export * from "./ratios";
export * from "./assessment";
export * from "./numberText";
export * from "./sensitivity";
export * from "./benchmarks";
export * from "./checks";
export * from "./valueGame";
