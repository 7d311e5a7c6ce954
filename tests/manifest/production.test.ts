/**
 * @jest-environment jsdom
 */
/**
 * The manifest the build writes (dist/manifest.xml) for a real host: `ADDIN_BASE_URL=https://… npm
 * run build`. Checked through the project's webpack config itself (the copy step's transform), so a
 * change to the config is tested, without running a whole build here.
 */
import fs from "fs";
import path from "path";
import { manifestErrors } from "./validate";

const ROOT = path.resolve(__dirname, "../..");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

type Pattern = { from: string; to: string; transform?: (content: Buffer, absoluteFrom: string) => string | Buffer };

/** dist/manifest.xml as the production build writes it with ADDIN_BASE_URL set to `baseUrl`. */
function builtManifest(baseUrl: string | undefined): string {
  const saved = process.env.ADDIN_BASE_URL;
  if (baseUrl === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = baseUrl;
  try {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
    log.mockRestore();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const CopyWebpackPlugin = require("copy-webpack-plugin");
    const copy = config.plugins.find((p: unknown) => p instanceof CopyWebpackPlugin) as { patterns: Pattern[] };
    const pattern = copy.patterns.find((p) => p.from === "manifest.xml" && p.to === "manifest.xml");
    if (!pattern?.transform) throw new Error("the build copies manifest.xml without a transform");
    return pattern.transform(Buffer.from(source), path.join(ROOT, "manifest.xml")).toString();
  } finally {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  }
}

const urls = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);

test("without ADDIN_BASE_URL the build writes manifest.xml unchanged (the dev server's localhost:3000)", () => {
  expect(builtManifest(undefined)).toBe(source);
});

test.each([
  ["https://addin.example.org", "https://addin.example.org/taskpane.html"],
  ["https://addin.example.org/", "https://addin.example.org/taskpane.html"],
  ["https://www.example.org/sroi/excel/", "https://www.example.org/sroi/excel/taskpane.html"],
  ["https://addin.example.org:8443", "https://addin.example.org:8443/taskpane.html"],
])("ADDIN_BASE_URL=%s: the manifest is valid, has no localhost, and the task pane is %s", (base, taskpane) => {
  const xml = builtManifest(base);
  expect(manifestErrors(xml)).toEqual([]);
  expect(xml).not.toMatch(/localhost/);
  expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${taskpane}"/>`);
  // every URL moved, none lost: same count, same paths
  const prefix = taskpane.replace(/\/taskpane\.html$/, "");
  expect(urls(xml)).toEqual(urls(source).map((u) => u.replace("https://localhost:3000", prefix)));
});

test.each([
  ["http://addin.example.org", /must start with https:\/\//],
  ["addin.example.org", /is not a URL/],
  ["https://addin.example.org/?v=2", /no query, fragment or credentials/],
  ["https://user:secret@addin.example.org", /no query, fragment or credentials/],
])("ADDIN_BASE_URL=%s stops the build with a clear error", (base, message) => {
  expect(() => builtManifest(base)).toThrow(message);
});

test("a base URL that would make a manifest URL longer than the schema's 2048 characters stops the build", () => {
  // the manifest's longest path is /assets/icon-32.png (19 characters)
  const base = "https://addin.example.org/" + "a".repeat(2048 - "https://addin.example.org/".length - "/assets/icon-32.png".length + 1);
  expect(() => builtManifest(base)).toThrow(/with \/assets\/icon-\d\d\.png a manifest URL has 2049 characters; the manifest schema allows 2048/);
  expect(manifestErrors(builtManifest(base.slice(0, -1)))).toEqual([]); // one character shorter: exactly 2048, valid
});
