/**
 * The custom functions' one declaration is src/functions/catalog.json: per function its id, English
 * and French names, descriptions and result text, and per parameter its core field, names and
 * descriptions. Microsoft's generator (custom-functions-metadata-plugin) makes functions.json from
 * the JSDoc of src/functions/functions.ts, which Excel needs; this module
 * - checks that generated English metadata says exactly what the catalog says (ids in order, names,
 *   descriptions, parameter names, descriptions and optionality): the build fails otherwise, so the
 *   JSDoc cannot drift from the declaration;
 * - makes functions-fr.json from it: same ids and types, the catalog's French names and descriptions.
 */
const catalog = require("../src/functions/catalog.json");

/** Every way the generated English metadata differs from the catalog, as sentences. */
function differences(english, declared = catalog) {
  const out = [];
  const ids = english.functions.map((f) => f.id);
  const declaredIds = declared.map((d) => d.id);
  if (ids.join(",") !== declaredIds.join(",")) out.push(`functions ${ids.join(", ")} are not the catalog's ${declaredIds.join(", ")} (same order)`);
  for (const f of english.functions) {
    const d = declared.find((x) => x.id === f.id);
    if (!d) continue;
    if (f.name !== d.name.en) out.push(`${f.id}: name ${f.name} is not the catalog's ${d.name.en}`);
    if (f.description !== d.description.en) out.push(`${f.id}: the JSDoc description differs from the catalog's`);
    const params = f.parameters || [];
    if (params.map((p) => p.name).join(",") !== d.parameters.map((p) => p.name.en).join(",")) {
      out.push(`${f.id}: parameters ${params.map((p) => p.name).join(", ")} are not the catalog's ${d.parameters.map((p) => p.name.en).join(", ")}`);
      continue;
    }
    params.forEach((p, i) => {
      const dp = d.parameters[i];
      if (p.description !== dp.description.en) out.push(`${f.id}(${p.name}): the JSDoc description differs from the catalog's`);
      if ((p.optional === true) !== dp.optional) out.push(`${f.id}(${p.name}): optional is ${p.optional === true} in the JSDoc, ${dp.optional} in the catalog`);
    });
  }
  return out;
}

function checkAgainstCatalog(english, declared = catalog) {
  const found = differences(english, declared);
  if (found.length) throw new Error(`src/functions/functions.ts and src/functions/catalog.json disagree:\n- ${found.join("\n- ")}`);
}

/** functions-fr.json: the English metadata with the catalog's French names and descriptions. */
function frenchMetadata(english, declared = catalog) {
  checkAgainstCatalog(english, declared);
  const functions = english.functions.map((f) => {
    const d = declared.find((x) => x.id === f.id);
    const parameters = (f.parameters || []).map((p, i) => ({ ...p, name: d.parameters[i].name.fr, description: d.parameters[i].description.fr }));
    // Same keys as the English file: the generator writes no result description, and an unknown
    // key is a needless risk of Excel refusing the French metadata.
    return { ...f, name: d.name.fr, description: d.description.fr, parameters };
  });
  return { ...english, functions };
}

module.exports = { frenchMetadata, checkAgainstCatalog, differences };
