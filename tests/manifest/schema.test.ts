/**
 * @jest-environment jsdom
 */
/**
 * manifest.xml against our schema of the add-in manifest format, written from Microsoft's
 * documentation (tests/manifest/schemas, see its README), validated by xmllint: every element the
 * documentation requires, in its order, with its limits, and nothing it does not list. Then the
 * documented rules checked outside the schema. Each mutation below breaks a documented rule; each
 * must be rejected.
 */
import fs from "fs";
import path from "path";
import { documentedRuleErrors, manifestErrors, schemaErrors } from "./validate";

const ROOT = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The manifest with `from` replaced by `to` once; fails loudly if `from` is not there. */
function mutate(from: string | RegExp, to: string): string {
  const changed = manifest.replace(from, to);
  if (changed === manifest) throw new Error(`mutation did not apply: ${from}`);
  return changed;
}

/** Swaps two sibling elements given by their full text. */
function swap(first: RegExp, second: RegExp): string {
  const a = manifest.match(first)?.[0];
  const b = manifest.match(second)?.[0];
  if (!a || !b) throw new Error(`swap did not apply: ${first} / ${second}`);
  return manifest.replace(a, "\u0000").replace(b, a).replace("\u0000", b);
}

const RESID_32 = "Taskpane.Url.ABCDEFGHIJKLMNOPQRS"; // 32 characters, the limit
const RESID_33 = RESID_32 + "T";
const LONG_URL = "https://localhost:3000/" + "a".repeat(2048 - "https://localhost:3000/".length + 1); // 2049 characters

test("manifest.xml validates against the schema and follows the documented rules", () => {
  expect(manifestErrors(manifest)).toEqual([]);
});

test("the ids and URL used below have the lengths their names say", () => {
  expect(RESID_32).toHaveLength(32);
  expect(RESID_33).toHaveLength(33);
  expect(LONG_URL).toHaveLength(2049);
});

test("a resource id of exactly 32 characters is accepted", () => {
  expect(manifestErrors(manifest.split('"Taskpane.Url"').join(`"${RESID_32}"`))).toEqual([]);
});

// Documented shapes manifest.xml does not use (yet), built from the element reference's examples.
const ICON = '<Icon><bt:Image size="16" resid="Icon.16x16"/><bt:Image size="32" resid="Icon.32x32"/><bt:Image size="80" resid="Icon.80x80"/></Icon>';
const SUPERTIP = '<Supertip><Title resid="TaskpaneButton.Label"/><Description resid="TaskpaneButton.Tooltip"/></Supertip>';
const MENU = `<Control xsi:type="Menu" id="SroiMenu"><Label resid="SroiGroup.Label"/><ToolTip resid="TaskpaneButton.Tooltip"/>${SUPERTIP}${ICON}<Items><Item id="SroiMenu.Open"><Label resid="TaskpaneButton.Label"/>${SUPERTIP}<Action xsi:type="ShowTaskpane"><TaskpaneId>SroiTaskpane</TaskpaneId><SourceLocation resid="Taskpane.Url"/><Title resid="SroiGroup.Label"/></Action></Item><Item id="SroiMenu.Run"><OverriddenByRibbonApi>false</OverriddenByRibbonApi><Label resid="SroiGroup.Label"/>${SUPERTIP}${ICON}<Action xsi:type="ExecuteFunction"><FunctionName>run</FunctionName></Action><Enabled>true</Enabled></Item></Items></Control>`;

test.each<[string, () => string]>([
  ["a custom tab with a group, a built-in group, a menu and a built-in control", () => mutate(/<OfficeTab id="TabHome">([\s\S]*?)<\/Group>\s*<\/OfficeTab>/, `<CustomTab id="SroiTab">$1${MENU}<OfficeControl id="Superscript"/></Group><OfficeGroup id="Paragraph"/><Label resid="SroiGroup.Label"/></CustomTab>`)],
  ["a cell context menu holding a menu", () => mutate(/(<\/ExtensionPoint>\s*<\/DesktopFormFactor>)/, `</ExtensionPoint><ExtensionPoint xsi:type="ContextMenu"><OfficeMenu id="ContextMenuCell">${MENU.replace(/SroiMenu/g, "SroiCellMenu")}</OfficeMenu></ExtensionPoint></DesktopFormFactor>`)],
  ["AppDomains, an AlternateId, required methods and overrides' own Description and Requirements", () => mutate("<Version>", "<AlternateId>WA104380000</AlternateId>\n  <Version>").replace("<Hosts>", '<AppDomains><AppDomain>https://proxies.example.org:8443</AppDomain></AppDomains>\n  <Hosts>').replace("</Sets>", '</Sets><Methods><Method Name="Document.getSelectedDataAsync"/></Methods>').replace('xsi:type="VersionOverridesV1_0">', 'xsi:type="VersionOverridesV1_0"><Description resid="GetStarted.Description"/><Requirements><Sets><Set Name="AddinCommands" MinVersion="1.1"/></Sets></Requirements>')],
])("accepted by the schema: %s", (_shape, mutated) => {
  expect(schemaErrors(mutated())).toEqual([]);
});

// [mistake, mutated manifest, what xmllint must say]
test.each<[string, () => string, RegExp]>([
  ["an empty <AppDomains/>", () => mutate("<Hosts>", "<AppDomains/>\n  <Hosts>"), /AppDomains.*Missing child element\(s\)\. Expected is .*AppDomain/],
  ["<Resources> before <Hosts> in VersionOverrides", () => swap(/<Hosts>\s*<Host xsi:type="Workbook">[\s\S]*?<\/Host>\s*<\/Hosts>/, /<Resources>[\s\S]*<\/Resources>/), /This element is not expected/],
  ["<AllFormFactors> before <Runtimes> in Host", () => swap(/<Runtimes>[\s\S]*?<\/Runtimes>/, /<AllFormFactors>[\s\S]*?<\/AllFormFactors>/), /Runtimes.*This element is not expected/],
  ["<Permissions> before <DefaultSettings>", () => swap(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, /<Permissions>[\s\S]*?<\/Permissions>/), /This element is not expected/],
  ["a 33-character resid", () => mutate('<Runtime resid="Taskpane.Url"', `<Runtime resid="${RESID_33}"`), /maxLength.*33.*32/],
  ["a 33-character resource id", () => mutate('<bt:Url id="Taskpane.Url"', `<bt:Url id="${RESID_33}"`), /maxLength.*33.*32/],
  ["a URL over 2048 characters", () => mutate('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', `<SupportUrl DefaultValue="${LONG_URL}"/>`), /maxLength.*2049.*2048/],
  ["no <Permissions>", () => mutate(/<Permissions>[^<]*<\/Permissions>/, ""), /Expected is .*Permissions/],
  ["no <DefaultSettings>", () => mutate(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, ""), /Expected is .*DefaultSettings/],
  ["no <Id>", () => mutate(/<Id>[^<]*<\/Id>/, ""), /Expected is .*Id/],
  ["an Id that is not a GUID", () => mutate(/<Id>[^<]*<\/Id>/, "<Id>sroi-for-excel</Id>"), /Id.*pattern/],
  ["a Version with five parts", () => mutate("<Version>0.1.0.0</Version>", "<Version>0.1.0.0.0</Version>"), /Version.*pattern/],
  ["an unknown Permissions value", () => mutate("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteWorkbook</Permissions>"), /Permissions.*enumeration/],
  ["a ShowTaskpane action without its SourceLocation", () => mutate(/(<TaskpaneId>SroiTaskpane<\/TaskpaneId>)\s*<SourceLocation resid="Taskpane.Url"\/>/, "$1"), /Missing child element\(s\)\. Expected is .*SourceLocation/],
  ["a button without its Supertip", () => mutate(/<Supertip>[\s\S]*?<\/Supertip>/, ""), /Expected is .*Supertip/],
  ["a custom-functions extension point without its Page", () => mutate(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>\s*<\/Page>/, ""), /Expected is .*Page/],
  ["a ribbon image without its size", () => mutate('<bt:Image size="16" resid="Icon.16x16"/>', '<bt:Image resid="Icon.16x16"/>'), /attribute 'size' is required/],
  ["a Runtime lifetime other than short or long", () => mutate('lifetime="long"', 'lifetime="forever"'), /lifetime.*enumeration/],
  ["a short string over 125 characters", () => mutate('DefaultValue="SROI assessment"', `DefaultValue="${"x".repeat(126)}"`), /maxLength/],
  ["a long string over 250 characters", () => mutate(/<bt:String id="TaskpaneButton.Tooltip" DefaultValue="[^"]*"/, `<bt:String id="TaskpaneButton.Tooltip" DefaultValue="${"x".repeat(251)}"`), /maxLength/],
  ["a locale that is not a culture name", () => mutate('Locale="fr-FR"', 'Locale="French"'), /Locale.*pattern/],
  ["an icon giving one size twice", () => mutate('<bt:Image size="32" resid="Icon.32x32"/>', '<bt:Image size="16" resid="Icon.32x32"/>'), /Duplicate key-sequence \['16'\]/],
  ["an icon with two images (16, 32 and 80 are required)", () => mutate('<bt:Image size="80" resid="Icon.80x80"/>', ""), /Missing child element\(s\)\. Expected is .*Image/],
  ["a supertip description naming a short string", () => mutate('<Description resid="TaskpaneButton.Tooltip"/>', '<Description resid="TaskpaneButton.Label"/>'), /TaskpaneButton\.Label.*residOfLongText/],
  ["two resources with one id", () => mutate('<bt:Url id="GetStarted.LearnMoreUrl"', '<bt:Url id="Taskpane.Url"'), /Duplicate key-sequence \['Taskpane\.Url'\]/],
  ["an AppDomain with a path", () => mutate("<Hosts>", "<AppDomains><AppDomain>https://proxies.example.org/list</AppDomain></AppDomains>\n  <Hosts>"), /AppDomain.*pattern/],
  ["a second Runtime (only one can be defined)", () => mutate('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="long"/><Runtime resid="Taskpane.Url"/>'), /Runtime.*This element is not expected/],
  ["a host other than Excel", () => mutate('<Host Name="Workbook"/>', '<Host Name="Document"/>'), /Name.*enumeration/],
  ["an element the schema does not know", () => mutate('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Namespace"/>\n            <Formulas/>'), /Formulas.*This element is not expected/],
])("rejected by the schema: %s", (_mistake, mutated, message) => {
  const errors = schemaErrors(mutated());
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.join("\n")).toMatch(message);
});

// The same rules, said by validate.ts with the element's name (the schema rejects them too).
test.each<[string, () => string, RegExp]>([
  ["an http:// URL", () => mutate('<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>', '<SupportUrl DefaultValue="http://localhost:3000/taskpane.html"/>'), /SupportUrl DefaultValue="http:\/\/localhost:3000\/taskpane.html".*not https/],
  ["an http:// French metadata override", () => mutate('<bt:Override Locale="fr-be" Value="https://', '<bt:Override Locale="fr-be" Value="http://'), /Override Value="http:\/\/.*not https/],
  ["a resid no resource defines", () => mutate('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Prefix"/>'), /resid="Functions.Prefix".*no resource/],
])("rejected by the documented rules: %s", (_mistake, mutated, message) => {
  const xml = mutated();
  expect(documentedRuleErrors(xml).join("\n")).toMatch(message);
  expect(manifestErrors(xml).length).toBeGreaterThan(0);
});
