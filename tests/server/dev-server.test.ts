/**
 * The dev server (`npm start`, `npm run serve`) serves over HTTPS with office-addin-dev-certs'
 * certificate: the project's webpack devServer config is started for real on a free port (on a
 * one-file bundle, not the add-in, to keep it quick) and node's tls reads the certificate it serves.
 * The run is non-interactive (CI=1) and HOME is a fresh folder, so nothing is installed into this
 * machine's trust store and no sudo is asked for: this is the fall-back path, and it must say so.
 */
import { spawnSync } from "child_process";
import { X509Certificate } from "crypto";
import fs from "fs";
import net from "net";
import os from "os";
import path from "path";
import tls from "tls";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const ROOT = path.resolve(__dirname, "../..");
type DevServerConfig = { devServer: WebpackDevServer.Configuration & { server: { type: string; options: { ca: Buffer; cert: Buffer; key: Buffer } } | string } };

const saved = { HOME: process.env.HOME, CI: process.env.CI, LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sroi-dev-server-"));
});
beforeEach(() => {
  process.env.CI = "1";
  for (const v of ["LANG", "LC_ALL", "LC_MESSAGES"] as const) delete process.env[v];
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** The config `webpack serve --mode development` gets, with HOME at `home`, and what it printed. */
async function serveConfig(home: string): Promise<{ config: DevServerConfig; printed: string }> {
  process.env.HOME = home;
  const lines: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
  try {
    let config: DevServerConfig | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = require(path.join(ROOT, "webpack.config.js"))({ WEBPACK_SERVE: true }, { mode: "development" });
    });
    return { config: await config!, printed: lines.join("\n") };
  } finally {
    log.mockRestore();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the devServer part of `config` on a free port over a one-file bundle; returns the served certificate. */
async function servedCertificate(config: DevServerConfig, trust?: Buffer): Promise<{ certificate: X509Certificate; authorized: boolean }> {
  const entry = path.join(scratch, "entry.js");
  fs.writeFileSync(entry, "export const ok = 1;\n");
  const compiler = webpack({ mode: "development", entry, output: { path: path.join(scratch, "out") }, infrastructureLogging: { level: "none" }, stats: "none" });
  const port = await freePort();
  const server = new WebpackDevServer({ ...config.devServer, port, static: false, setupExitSignals: false }, compiler);
  await server.start();
  try {
    return await new Promise((resolve, reject) => {
      const socket = tls.connect({ host: "localhost", port, servername: "localhost", ca: trust, rejectUnauthorized: false }, () => {
        const certificate = socket.getPeerX509Certificate();
        const authorized = socket.authorized;
        socket.end();
        if (!certificate) reject(new Error("no certificate served"));
        else resolve({ certificate, authorized });
      });
      socket.once("error", reject);
    });
  } finally {
    await server.stop();
  }
}

describe("the dev server's certificate", () => {
  let home: string;
  let first: { config: DevServerConfig; printed: string };

  beforeAll(async () => {
    home = path.join(scratch, "home");
    fs.mkdirSync(home);
    first = await serveConfig(home);
  });

  const made = () => ({
    ca: new X509Certificate(fs.readFileSync(path.join(home, ".office-addin-dev-certs", "ca.crt"))),
    localhost: new X509Certificate(fs.readFileSync(path.join(home, ".office-addin-dev-certs", "localhost.crt"))),
  });

  test("is the localhost certificate office-addin-dev-certs made, issued by its CA", async () => {
    expect(first.config.devServer.server).toMatchObject({ type: "https" });
    const { certificate, authorized } = await servedCertificate(first.config, fs.readFileSync(path.join(home, ".office-addin-dev-certs", "ca.crt")));
    expect(certificate.fingerprint256).toBe(made().localhost.fingerprint256);
    expect(certificate.checkIssued(made().ca)).toBe(true);
    expect(certificate.subjectAltName).toMatch(/DNS:localhost/);
    // a client that trusts that CA (as Excel does once it is installed) accepts the server
    expect(authorized).toBe(true);
  }, 60000);

  test("is not trusted in a non-interactive run, and the console says so and how to trust it", () => {
    expect(first.printed).toMatch(/office-addin-dev-certs certificate \(.*\.office-addin-dev-certs\), NOT trusted by this machine: not installing it in a non-interactive session/);
    expect(first.printed).toMatch(/npx office-addin-dev-certs install/);
  });

  test("is made once and reused by the next start", async () => {
    const before = made().localhost.fingerprint256;
    const again = await serveConfig(home);
    expect((again.config.devServer.server as { options: { cert: Buffer } }).options.cert.equals(fs.readFileSync(path.join(home, ".office-addin-dev-certs", "localhost.crt")))).toBe(true);
    expect(made().localhost.fingerprint256).toBe(before);
    expect(again.printed).not.toMatch(/have been generated/);
  });

  test("an expired or broken certificate is made anew", async () => {
    fs.writeFileSync(path.join(home, ".office-addin-dev-certs", "localhost.crt"), "not a certificate");
    const again = await serveConfig(home);
    expect(again.printed).toMatch(/have been generated/);
    expect(() => made()).not.toThrow();
    expect(made().localhost.checkIssued(made().ca)).toBe(true);
  });
});

test("when no certificate can be made, it falls back to webpack's own and says so", async () => {
  const notAFolder = path.join(scratch, "a-file");
  fs.writeFileSync(notAFolder, "");
  const { config, printed } = await serveConfig(path.join(notAFolder, "home")); // HOME under a file: nothing can be written
  expect(config.devServer.server).toBe("https");
  expect(printed).toMatch(/Could not make the office-addin-dev-certs certificate: .*\n.*Falling back to webpack's own self-signed certificate/);
});

test("the message follows the locale, in French", async () => {
  process.env.LANG = "fr_BE.UTF-8";
  const home = path.join(scratch, "home-fr");
  fs.mkdirSync(home);
  const { printed } = await serveConfig(home);
  expect(printed).toMatch(/NON approuvé par cette machine : pas d'installation dans une session non interactive/);
});

// An interactive session of a user who is not root and has no password-less sudo: the one case where
// office-addin-dev-certs' own install would wait for a password. Run as "nobody" (needs root to switch).
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
(asRoot ? test : test.skip)("a user without password-less sudo is told so at once, never asked for a password", () => {
  const home = path.join(scratch, "home-nobody");
  fs.mkdirSync(home);
  fs.chmodSync(scratch, 0o777);
  fs.chmodSync(home, 0o777);
  const script = `require(${JSON.stringify(path.join(ROOT, "scripts", "dev-certs.js"))}).devServerHttps({ interactive: true }).then((s) => console.log("server:", s.type || s))`;
  const run = spawnSync(process.execPath, ["-e", script], {
    uid: 65534,
    gid: 65534,
    env: { PATH: process.env.PATH, HOME: home },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 30000,
    encoding: "utf8",
  });
  expect(run.error).toBeUndefined(); // not killed by the timeout
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/NOT trusted by this machine: installing it needs root, and sudo is missing or wants a password, which is never asked for here\./);
  expect(run.stdout).toMatch(/server: https/);
}, 40000);
