/**
 * Validation of an add-in manifest, offline: our schema of the manifest format, written from
 * Microsoft's documentation (tests/manifest/schemas, see its README), through libxml2's xmllint
 * (Debian's libxml2-utils, installed by `bash scripts/setup.sh --test`), then the documented rules
 * checked outside the schema. Used for manifest.xml and for the manifest the build writes. Needs a DOMParser: run
 * it under the jsdom test environment.
 */
import { spawnSync } from "child_process";
import path from "path";

export const SCHEMA = path.join(__dirname, "schemas", "addin-manifest.xsd");

/** xmllint's complaints about the manifest (empty when it validates). Throws when xmllint is missing. */
export function schemaErrors(xml: string): string[] {
  const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, "-"], { input: xml, encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}): install it with \`bash scripts/setup.sh --test\` (Debian package libxml2-utils)`);
  if (run.status === 0) return [];
  const errors = run.stderr.split("\n").filter((line) => /error/i.test(line));
  return errors.length > 0 ? errors : [run.stderr.trim() || `xmllint exited with ${run.status}`];
}

/** Attributes that hold a URL, by element local name (the schema types them bt:WebAddress). */
const URL_ATTRIBUTES: Record<string, string[]> = {
  IconUrl: ["DefaultValue"],
  HighResolutionIconUrl: ["DefaultValue"],
  SupportUrl: ["DefaultValue"],
  SourceLocation: ["DefaultValue"],
  Image: ["DefaultValue"],
  Url: ["DefaultValue"],
  Override: ["Value"],
};

/**
 * Rules Microsoft documents, checked here too so that the message names the element (the schema
 * also enforces both, by a pattern and by keyrefs):
 * - every URL is https: "The source location must be an HTTPS address, not a file path"
 *   (learn.microsoft.com/javascript/api/manifest/sourcelocation); the same holds for icons and
 *   resources, which Office fetches from the same add-in host;
 * - every resid names a resource that exists: "resid ... must match the id attribute of a Url
 *   element in the Resources element" (learn.microsoft.com/javascript/api/manifest/runtime), and
 *   likewise for images and strings (learn.microsoft.com/javascript/api/manifest/resources).
 */
export function documentedRuleErrors(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const elements = Array.from(doc.getElementsByTagName("*"));
  const errors: string[] = [];
  for (const e of elements) {
    const parent = e.parentNode as Element | null;
    // an <Override> of a string resource holds text, not a URL
    const ofUrl = e.localName !== "Override" || URL_ATTRIBUTES[parent?.localName ?? ""] !== undefined;
    for (const name of ofUrl ? (URL_ATTRIBUTES[e.localName] ?? []) : []) {
      const value = e.getAttribute(name);
      if (value !== null && !value.startsWith("https://")) errors.push(`<${e.localName} ${name}="${value}">: URL is not https`);
    }
  }
  const resources = elements.filter((e) => e.localName === "Resources").flatMap((r) => Array.from(r.getElementsByTagName("*")));
  const defined = new Set(resources.map((e) => e.getAttribute("id")).filter((id): id is string => !!id));
  for (const e of elements.filter((x) => x.hasAttribute("resid"))) {
    const resid = e.getAttribute("resid")!;
    if (!defined.has(resid)) errors.push(`<${e.localName} resid="${resid}">: no resource has this id`);
  }
  return errors;
}

/** Everything wrong with a manifest: schema first, then the documented rules. */
export function manifestErrors(xml: string): string[] {
  return [...schemaErrors(xml), ...documentedRuleErrors(xml)];
}
