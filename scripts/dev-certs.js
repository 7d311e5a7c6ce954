/* eslint-disable no-undef */
/**
 * The HTTPS certificate of the dev server (`npm start`, `npm run serve`).
 *
 * Excel desktop refuses a certificate it does not trust and offers no way past it, so the dev server
 * uses the localhost certificate of Microsoft's `office-addin-dev-certs` (a local CA in
 * ~/.office-addin-dev-certs that the system is asked to trust). That package installs its CA with
 * `sudo`, which would wait for a password on a terminal nobody watches; so the CA is installed here
 * only when nothing can prompt: an interactive session that is root or has password-less sudo, with
 * every command bounded by a timeout. Otherwise the certificates are still made and used, untrusted,
 * and the console says how to trust them. If they cannot even be made, webpack's own self-signed
 * certificate is used. Never waits on stdin.
 *
 * Messages follow the POSIX locale (LC_ALL, LC_MESSAGES, LANG), as the `sroi` command does.
 */
const { X509Certificate, createPrivateKey } = require("crypto");
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const INSTALL_TIMEOUT_MS = 60 * 1000;
/** Office's own check treats a CA expiring within a day as not installed (verify_linux.sh). */
const MARGIN_MS = 24 * 60 * 60 * 1000;
/** Where office-addin-dev-certs' install_linux.sh puts the CA on Debian-like systems. */
const LINUX_TRUST_DIR = "/usr/local/share/ca-certificates/office-addin-dev-certs";

const MESSAGES = {
  en: {
    trusted: (dir) => `[https] Serving with the office-addin-dev-certs certificate (${dir}), trusted by this machine.`,
    installed: (dir) => `[https] Installed the office-addin-dev-certs CA into this machine's trust store; serving with its certificate (${dir}).`,
    untrusted: (dir, why) =>
      `[https] Serving with the office-addin-dev-certs certificate (${dir}), NOT trusted by this machine: ${why}\n` +
      `        Excel desktop will refuse it. Run \`npx office-addin-dev-certs install\` once in a terminal (it may ask for your password), then restart.`,
    fallback: (why) =>
      `[https] Could not make the office-addin-dev-certs certificate: ${why}\n` +
      `        Falling back to webpack's own self-signed certificate: a browser can accept it once, Excel desktop will not.`,
    whyCi: "not installing it in a non-interactive session (CI, or no terminal).",
    whySudo: "installing it needs root, and sudo is missing or wants a password, which is never asked for here.",
    whyFailed: (e) => `installing it failed (${e}).`,
    whyPlatform: (p) => `this platform (${p}) has no automatic install.`,
  },
  fr: {
    trusted: (dir) => `[https] Serveur avec le certificat d'office-addin-dev-certs (${dir}), approuvé par cette machine.`,
    installed: (dir) => `[https] Autorité d'office-addin-dev-certs installée dans le magasin de confiance de cette machine ; serveur avec son certificat (${dir}).`,
    untrusted: (dir, why) =>
      `[https] Serveur avec le certificat d'office-addin-dev-certs (${dir}), NON approuvé par cette machine : ${why}\n` +
      `        Excel pour ordinateur le refusera. Lancez une fois \`npx office-addin-dev-certs install\` dans un terminal (il peut demander votre mot de passe), puis relancez.`,
    fallback: (why) =>
      `[https] Impossible de créer le certificat d'office-addin-dev-certs : ${why}\n` +
      `        Repli sur le certificat auto-signé de webpack : un navigateur peut l'accepter une fois, Excel pour ordinateur non.`,
    whyCi: "pas d'installation dans une session non interactive (CI, ou sans terminal).",
    whySudo: "l'installation demande root, et sudo manque ou demande un mot de passe, qui n'est jamais demandé ici.",
    whyFailed: (e) => `l'installation a échoué (${e}).`,
    whyPlatform: (p) => `cette plateforme (${p}) n'a pas d'installation automatique.`,
  },
};

function language(env) {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^fr([_.@-]|$)/i.test(locale) ? "fr" : "en";
}

/** The three files office-addin-dev-certs writes, in ~/.office-addin-dev-certs (HOME first, as os.homedir() reads it on Linux and macOS). */
function certificatePaths(home = process.env.HOME || os.homedir()) {
  const dir = path.join(home, ".office-addin-dev-certs");
  return { dir, ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
}

/** True when the localhost certificate was issued by the CA, matches its key and neither expires within a day. */
function certificatesUsable(paths, now = Date.now()) {
  try {
    const ca = new X509Certificate(fs.readFileSync(paths.ca));
    const cert = new X509Certificate(fs.readFileSync(paths.cert));
    const key = createPrivateKey(fs.readFileSync(paths.key));
    return cert.checkIssued(ca) && cert.checkPrivateKey(key) && Date.parse(cert.validTo) > now + MARGIN_MS && Date.parse(ca.validTo) > now + MARGIN_MS;
  } catch {
    return false;
  }
}

/** Is this very CA (not an older one left by a previous run) in the system's trust store? On
 * Windows and macOS only Office's own check is available, which goes by the CA's name. */
function caTrusted(devCerts, paths) {
  if (process.platform === "linux") {
    // office-addin-dev-certs only checks that *a* CA of that name is installed and unexpired.
    const installed = path.join(LINUX_TRUST_DIR, "ca.crt");
    try {
      return fs.readFileSync(installed).equals(fs.readFileSync(paths.ca)) && certificatesUsable({ ...paths, ca: installed });
    } catch {
      return false;
    }
  }
  try {
    return devCerts.getCaCertificateStatus().status === "installed";
  } catch {
    return false;
  }
}

function canSudoWithoutPassword() {
  try {
    execFileSync("sudo", ["-n", "true"], { stdio: "ignore", timeout: 10 * 1000 });
    return true;
  } catch {
    return false;
  }
}

/** Installs the CA where nothing can prompt; returns null on success or the reason it did not. */
function installCa(paths, t, interactive) {
  if (!interactive) return t.whyCi;
  const quiet = { stdio: ["ignore", "pipe", "pipe"], timeout: INSTALL_TIMEOUT_MS };
  try {
    if (process.platform === "linux") {
      // The same steps as office-addin-dev-certs' install_linux.sh, without its sudo when already root.
      const run = (cmd, args) => {
        if (process.getuid() === 0) execFileSync(cmd, args, quiet);
        else execFileSync("sudo", ["-n", cmd, ...args], quiet);
      };
      if (process.getuid() !== 0 && !canSudoWithoutPassword()) return t.whySudo;
      run("mkdir", ["-p", LINUX_TRUST_DIR]);
      run("cp", [paths.ca, path.join(LINUX_TRUST_DIR, "ca.crt")]);
      run("update-ca-certificates", []);
      return null;
    }
    if (process.platform === "darwin" || process.platform === "win32") {
      // Both add to the user's own store and show Office's usual confirmation window, not a terminal prompt.
      execFileSync(process.execPath, [require.resolve("office-addin-dev-certs/cli.js"), "install"], quiet);
      return null;
    }
    return t.whyPlatform(process.platform);
  } catch (e) {
    return t.whyFailed(String((e && e.stderr && e.stderr.toString().trim()) || (e && e.message) || e).split("\n")[0]);
  }
}

/**
 * The webpack-dev-server `server` option: `{ type: "https", options: { ca, cert, key } }` with
 * office-addin-dev-certs' certificate, or "https" (webpack's own) when that cannot be made.
 */
async function devServerHttps({ env = process.env, interactive = Boolean(process.stdin.isTTY) && !env.CI, log = console.log } = {}) {
  const t = MESSAGES[language(env)];
  const paths = certificatePaths();
  let devCerts;
  let madeNow = false;
  try {
    devCerts = require("office-addin-dev-certs");
    if (!certificatesUsable(paths)) {
      madeNow = true;
      // generateCertificates() keeps an existing ca.crt, so stale files go first.
      for (const file of [paths.ca, paths.cert, paths.key]) fs.rmSync(file, { force: true });
      await devCerts.generateCertificates(paths.ca, paths.cert, paths.key);
      if (!certificatesUsable(paths)) throw new Error(`no usable certificate in ${paths.dir}`);
    }
  } catch (e) {
    log(t.fallback(String((e && e.message) || e).split("\n")[0]));
    return "https";
  }
  // A CA made a moment ago cannot be trusted yet, whatever an older one of the same name says.
  if (!madeNow && caTrusted(devCerts, paths)) {
    log(t.trusted(paths.dir));
  } else {
    const why = installCa(paths, t, interactive);
    log(why === null ? t.installed(paths.dir) : t.untrusted(paths.dir, why));
  }
  // Read last: Office's own installer (macOS, Windows) may have made the files anew.
  return { type: "https", options: { ca: fs.readFileSync(paths.ca), cert: fs.readFileSync(paths.cert), key: fs.readFileSync(paths.key) } };
}

module.exports = { devServerHttps, certificatePaths, certificatesUsable };
