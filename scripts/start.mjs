#!/usr/bin/env node
/**
 * npm start: a first taste of the product on any machine, and the add-in served for Excel.
 * 1. writes the example assessment workbook (example/sroi-example.xlsx) and prints its SROI with the
 *    `sroi` command-line tool — no Excel needed;
 * 2. builds the add-in and serves it on https://localhost:3000 with office-addin-dev-certs' localhost
 *    certificate (scripts/dev-certs.js: trusted where that needs no password prompt, otherwise served
 *    untrusted with a console line saying so, or webpack's own certificate if none can be made);
 * 3. says how to load it into Excel (desktop or web). Where office-addin-debugging is installed it
 *    sideloads manifest.xml into desktop Excel with the example workbook.
 * Nothing here needs the network.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const node = process.execPath;
const example = path.join(root, "example", "sroi-example.xlsx");
fs.mkdirSync(path.dirname(example), { recursive: true });

console.log("\n1. The example assessment (a work-integration social enterprise), computed without Excel:\n");
const wrote = spawnSync(node, [path.join(root, "bin/sroi.js"), "example", "--out", example], { stdio: "inherit", cwd: root });
if (wrote.status === 0) spawnSync(node, [path.join(root, "bin/sroi.js"), "compute", example], { stdio: "inherit", cwd: root });
else console.log("   (the example could not be written; the add-in is still served below)");

console.log(`
2. Serving the add-in on https://localhost:3000 (Ctrl+C to stop). The line starting [https] below
   says which certificate it uses. Excel desktop needs it trusted: if it says NOT trusted, run
   \`npx office-addin-dev-certs install\` once in a terminal (it may ask for your password), then restart.

3. Load it into Excel:
   - Excel on the web: open a workbook, Home > Add-ins > More add-ins > My add-ins > Upload my add-in,
     and choose ${path.join(root, "manifest.xml")}.
     (If the certificate is NOT trusted, first open https://localhost:3000/taskpane.html in that browser
     and accept it.)
   - Excel desktop on Windows: put manifest.xml in a shared-folder catalog (File > Options > Trust Center
     > Trusted Add-in Catalogs), restart Excel, then Home > Add-ins > Shared folder; or run
     \`npx office-addin-debugging start manifest.xml\` where that tool installs.
   - Excel on Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
     and restart Excel; the add-in is under Home > Add-ins.
   (manifest.xml is for this dev server; for a real host, build with ADDIN_BASE_URL: see the README.)
   Then open ${example} and type =SROI. in a cell, or use the "SROI assessment" button on the Home tab.
`);

const server = spawn(node, [path.join(root, "node_modules/webpack/bin/webpack.js"), "serve", "--mode", "development"], { stdio: "inherit", cwd: root });
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));

// Where Excel desktop and Microsoft's sideloading tool are present, open the example with the add-in.
// (office-addin-debugging cannot be installed from this project's registry mirror, so this path is untested here.)
const hasExcel = process.platform === "win32" || process.platform === "darwin";
const debugging = path.join(root, "node_modules/.bin/office-addin-debugging");
if (hasExcel && fs.existsSync(debugging)) {
  spawn(debugging, ["start", "manifest.xml", "desktop", "--document", example, "--no-debug", "--no-live-reload"], {
    stdio: "inherit",
    cwd: root,
    shell: process.platform === "win32",
  });
}
