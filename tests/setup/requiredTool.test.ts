/** A missing browser or LibreOffice fails the run in CI and only skips (loudly) elsewhere. */
import { inCi, requireTool, toolAvailable } from "./requiredTool";

function run(env: NodeJS.ProcessEnv, found: string | null) {
  const registered: { name: string; fn: () => void }[] = [];
  const warnings: string[] = [];
  const result = requireTool("LibreOffice (soffice)", found, "apt-get install libreoffice-calc-nogui", {
    env,
    register: (name, fn) => registered.push({ name, fn }),
    warn: (m) => warnings.push(m),
  });
  return { result, registered, warnings };
}

describe("inCi: CI services set CI=true", () => {
  test.each<[NodeJS.ProcessEnv, boolean]>([
    [{ CI: "true" }, true],
    [{ CI: "1" }, true],
    [{ CI: "TRUE" }, true],
    [{}, false],
    [{ CI: "" }, false],
    [{ CI: "false" }, false],
    [{ CI: "0" }, false],
  ])("%j → %s", (env, expected) => expect(inCi(env)).toBe(expected));
});

describe("requireTool", () => {
  test("a tool that is there: the suite runs, nothing else is registered or printed", () =>
    expect(run({ CI: "true" }, "/usr/bin/soffice")).toEqual({ result: true, registered: [], warnings: [] }));

  test("missing in CI: one failing test that says what is missing and how to install it", () => {
    const { result, registered, warnings } = run({ CI: "true" }, null);
    expect(result).toBe(false);
    expect(warnings).toEqual([]);
    expect(registered.map((r) => r.name)).toEqual(["LibreOffice (soffice) is installed (required when CI is set)"]);
    expect(registered[0].fn).toThrow("LibreOffice (soffice) is not installed (apt-get install libreoffice-calc-nogui): CI must run this suite");
  });

  test("missing outside CI: no failing test, a loud SKIPPED warning", () => {
    const { result, registered, warnings } = run({}, null);
    expect({ result, registered }).toEqual({ result: false, registered: [] });
    expect(warnings).toEqual([expect.stringContaining("LibreOffice (soffice) suite SKIPPED")]);
  });
});

describe("toolAvailable (a check inside a running test)", () => {
  test("missing in CI throws, so the test fails", () =>
    expect(() => toolAvailable("LibreOffice (soffice)", null, "apt-get install libreoffice-calc-nogui", { env: { CI: "true" } })).toThrow(
      "LibreOffice (soffice) is not installed",
    ));
  test("missing outside CI warns that the check was not made", () => {
    const warnings: string[] = [];
    expect(toolAvailable("LibreOffice (soffice)", null, "x", { env: {}, warn: (m) => warnings.push(m) })).toBe(false);
    expect(warnings).toEqual([expect.stringContaining("this check was NOT made")]);
  });
  test("present: true", () => expect(toolAvailable("LibreOffice (soffice)", "/usr/bin/soffice", "x", { env: { CI: "true" } })).toBe(true));
});
