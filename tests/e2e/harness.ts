/**
 * The end-to-end harness: builds the real task pane (the production webpack config, into a
 * temporary folder so the shared dist/ is left alone), bundles the Excel double for the browser,
 * serves both over http on 127.0.0.1, and drives Debian's chromium with playwright-core.
 */
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import webpack, { type Configuration } from "webpack";

const ROOT = resolve(__dirname, "../..");

function compile(config: Configuration): Promise<string> {
  return new Promise((done, fail) => {
    webpack(config, (err, stats) => {
      if (err) return fail(err);
      if (!stats || stats.hasErrors()) return fail(new Error(stats?.toString({ all: false, errors: true, errorDetails: true }) ?? "webpack failed"));
      // The budget plugin prints the gzipped size; keep the line for the test log.
      done(stats.toString({ all: false, assets: false }));
    });
  });
}

/** The production build of the add-in, exactly as `npx webpack --mode production` makes it. */
export async function buildTaskPane(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "sroi-e2e-dist-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFor = require(join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Configuration;
  const config = configFor({}, { mode: "production" });
  await compile({ ...config, context: ROOT, output: { ...config.output, path: out } });
  return out;
}

/** The Excel double as one browser script (it replaces office.js in the page). */
export async function buildOfficeDouble(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "sroi-e2e-double-"));
  await compile({
    mode: "development",
    devtool: false,
    target: "web",
    context: ROOT,
    entry: join(__dirname, "officeDouble.browser.ts"),
    output: { path: out, filename: "office-double.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: join(ROOT, "tsconfig.json") } } }],
    },
  });
  const script = readFileSync(join(out, "office-double.js"), "utf8");
  rmSync(out, { recursive: true, force: true });
  return script;
}

/**
 * The custom-functions metadata Excel loads for a display language, chosen as Excel chooses it: the
 * manifest's Functions.Metadata.Url, or its bt:Override for that locale, read from the built folder.
 */
export function functionMetadataFor(dist: string, displayLanguage: string): unknown {
  const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
  const url = /<bt:Url id="Functions\.Metadata\.Url" DefaultValue="([^"]+)">([\s\S]*?)<\/bt:Url>/.exec(manifest);
  if (!url) throw new Error("manifest.xml has no Functions.Metadata.Url");
  const override = [...url[2].matchAll(/<bt:Override Locale="([^"]+)" Value="([^"]+)"\/>/g)].find((m) => m[1].toLowerCase() === displayLanguage.toLowerCase());
  const file = (override ? override[2] : url[1]).split(/[?#]/)[0].split("/").pop()!;
  return JSON.parse(readFileSync(join(dist, file), "utf8"));
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** A static file server for the built folder, on a free port of 127.0.0.1. */
export async function serve(folder: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(folder, path);
    if (!file.startsWith(folder) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
};

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
