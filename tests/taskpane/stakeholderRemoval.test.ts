import { attachedTo, emptyInputForm, emptyOutcomeForm, emptyStakeholderForm, removeStakeholder, restoreStakeholder, type StakeholderRows } from "../../src/taskpane/form";

/** Three stakeholders a, b, c; inputs for b, a, b; outcomes for c, b (one of b's left blank). */
function rows(): StakeholderRows {
  const [a, b, c] = ["A", "B", "C"].map((name) => ({ ...emptyStakeholderForm(), name }));
  const input = (s: { id: string }, amount: string) => ({ ...emptyInputForm(s.id), amount });
  const outcome = (s: { id: string }, description: string) => ({ ...emptyOutcomeForm(s.id), description });
  return { stakeholders: [a, b, c], inputs: [input(b, "1"), input(a, "2"), input(b, "3")], outcomes: [outcome(c, "x"), outcome(b, "")] };
}
const amounts = (r: StakeholderRows) => r.inputs.map((i) => i.amount);

describe("a stakeholder's removal and its undo (the form's part)", () => {
  test("counts only the rows with something typed: b has 2 inputs and 0 outcomes (its outcome card is blank)", () => {
    const r = rows();
    expect(attachedTo(r, r.stakeholders[1].id)).toEqual({ inputs: 2, outcomes: 0 });
  });

  test("removes b with all its rows, blank ones too, and restores each at its place", () => {
    const r = rows();
    const { rows: without, removed } = removeStakeholder(r, r.stakeholders[1].id);
    expect(without.stakeholders.map((s) => s.name)).toEqual(["A", "C"]);
    expect(amounts(without)).toEqual(["2"]);
    expect(without.outcomes.map((o) => o.description)).toEqual(["x"]);
    const back = restoreStakeholder(without, removed!);
    expect(back).toEqual(r);
  });

  test("rows added after the removal stay, and the restored ones go back in front of those that followed them", () => {
    const r = rows();
    const { rows: without, removed } = removeStakeholder(r, r.stakeholders[1].id);
    const later = { ...without, inputs: [...without.inputs, { ...emptyInputForm(r.stakeholders[0].id), amount: "9" }] };
    // 1 went back at place 0, 3 at place 2: [1, 2, 3, 9]
    expect(amounts(restoreStakeholder(later, removed!))).toEqual(["1", "2", "3", "9"]);
    // a list that got shorter: the rows go at its end
    expect(amounts(restoreStakeholder({ ...without, inputs: [] }, removed!))).toEqual(["1", "3"]);
  });

  test("an unknown stakeholder removes nothing", () => {
    const r = rows();
    expect(removeStakeholder(r, "nobody")).toEqual({ rows: r, removed: null });
  });
});
