/**
 * Makes functions-fr.json from the generated functions.json: same ids, translated names and
 * descriptions from src/functions/metadata-fr.json. A function or parameter without a translation
 * fails the build, so French Excel never shows a half-English autocomplete.
 */
const translations = require("../src/functions/metadata-fr.json");

function frenchMetadata(english) {
  const functions = english.functions.map((f) => {
    const t = translations[f.id];
    if (!t) throw new Error(`no French translation for function ${f.id}`);
    const parameters = (f.parameters || []).map((p) => {
      const tp = t.parameters[p.name];
      if (!tp) throw new Error(`no French translation for parameter ${p.name} of ${f.id}`);
      return { ...p, name: tp[0], description: tp[1] };
    });
    const extra = Object.keys(t.parameters).filter((n) => !(f.parameters || []).some((p) => p.name === n));
    if (extra.length) throw new Error(`French translation of ${f.id} names unknown parameters: ${extra.join(", ")}`);
    // Same keys as the English file: the generator writes no result description, and an unknown
    // key is a needless risk of Excel refusing the French metadata.
    return { ...f, name: t.name, description: t.description, parameters };
  });
  return { ...english, functions };
}

module.exports = { frenchMetadata };
