/* eslint-disable no-undef */
/**
 * manifest.xml points at the dev server; the build writes dist/manifest.xml for the host given in
 * ADDIN_BASE_URL (e.g. `ADDIN_BASE_URL=https://addin.example.org npm run build`), so the manifest a
 * user sideloads names the server that really serves dist/.
 */
const DEV_BASE_URL = "https://localhost:3000";
/** The manifest schema's URL type (bt:URL): 1 to 2048 characters. */
const MAX_URL_LENGTH = 2048;

/** ADDIN_BASE_URL checked and normalised (no trailing slash); the dev server's when unset. */
function addinBaseUrl(value) {
  if (value === undefined || value.trim() === "") return DEV_BASE_URL;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL="${value}" is not a URL; expected e.g. https://addin.example.org`);
  }
  // Office loads add-in pages only over HTTPS (Microsoft's manifest reference, SourceLocation).
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL="${value}" must start with https:// (Office loads add-ins only over HTTPS)`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_BASE_URL="${value}" must be a plain https://host[/folder] with no query, fragment or credentials`);
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

const xmlAttribute = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** The manifest with every dev-server URL moved to baseUrl. */
function manifestForBaseUrl(xml, baseUrl) {
  if (!xml.includes(DEV_BASE_URL)) throw new Error(`manifest.xml has no ${DEV_BASE_URL} URL to replace`);
  for (const [, rest] of xml.matchAll(/="https:\/\/localhost:3000([^"]*)"/g)) {
    const length = baseUrl.length + rest.length;
    if (length > MAX_URL_LENGTH) {
      throw new Error(`ADDIN_BASE_URL is too long (${baseUrl.length} characters): with ${rest} a manifest URL has ${length} characters; the manifest schema allows ${MAX_URL_LENGTH}`);
    }
  }
  return xml.split(DEV_BASE_URL).join(xmlAttribute(baseUrl));
}

module.exports = { DEV_BASE_URL, addinBaseUrl, manifestForBaseUrl };
