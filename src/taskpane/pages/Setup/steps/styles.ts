import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared by the steps: a column of fields, and a bordered card per row (stakeholder, input, outcome). */
export const useStepStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  // a card's fields (or, folded, its summary), spaced as the card's own children are
  cardBody: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // the legend's fold button reads as the card's title
  disclosure: { fontWeight: tokens.fontWeightSemibold, padding: 0, minWidth: 0, height: "auto" },
  chevron: { display: "inline-block", width: "1em", marginRight: tokens.spacingHorizontalXXS },
  toFix: { color: tokens.colorPaletteRedForeground1 },
  // Paired fields line up by their labels, even when one of them shows a message below.
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", flexWrap: "wrap" },
  rowEnd: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  half: { flexGrow: 1, flexBasis: "120px", minWidth: 0 },
  // a card's summary on the left and its Remove button on the right (alone, the button stays right)
  actions: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    "& > :only-child": { marginLeft: "auto" },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  // A drop-down as wide as its longest option would push out of a narrow pane: let it shrink.
  narrow: { minWidth: 0, maxWidth: "100%" },
  selectBox: { width: "100%", minWidth: 0 },
});
