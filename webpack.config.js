/* eslint-disable no-undef */
/**
 * One build for the whole add-in, shaped like Microsoft's shared-runtime custom-functions template:
 * taskpane.html loads the task pane, the custom functions and the ribbon commands in one runtime.
 * functions.json comes from the JSDoc of src/functions/functions.ts; functions-fr.json is made from
 * it and the French names of the functions' one declaration, src/functions/catalog.json.
 */
const path = require("path");
const zlib = require("zlib");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { frenchMetadata } = require("./scripts/metadata-fr");
const { addinBaseUrl, manifestForBaseUrl } = require("./scripts/manifest-url");
const { devServerHttps } = require("./scripts/dev-certs");

/** The entries taskpane.html loads, in one page and one runtime (the shared-runtime add-in). */
const PAGE_ENTRIES = ["taskpane", "functions", "commands"];

/** Every script taskpane.html loads at start, gzipped, in all: the build fails above this (issue #9). */
const INITIAL_BUDGET_BYTES = 200 * 1024;

class FrenchMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FrenchMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FrenchMetadataPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const english = compilation.getAsset("functions.json");
          if (!english) return; // the metadata plugin has already reported its errors
          try {
            const fr = frenchMetadata(JSON.parse(english.source.source().toString()));
            compilation.emitAsset("functions-fr.json", new compiler.webpack.sources.RawSource(JSON.stringify(fr, null, 2)));
          } catch (e) {
            compilation.errors.push(new compiler.webpack.WebpackError(`functions-fr.json: ${e.message}`));
          }
        },
      );
    });
  }
}

/**
 * Prints the gzipped size of each script taskpane.html loads at start (the runtime, the shared
 * chunks and the entries) and their total, and fails the build above the budget; then, apart, the
 * chunks loaded on demand (they do not delay the first render, so they are not in the budget).
 */
class BundleBudgetPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BundleBudgetPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        () => {
          if (compilation.options.mode !== "production") return;
          const entries = PAGE_ENTRIES.map((name) => compilation.entrypoints.get(name)).filter(Boolean);
          if (entries.length === 0) return;
          const initial = [...new Set(entries.flatMap((e) => e.getFiles()))].filter((f) => f.endsWith(".js"));
          // a chunk loaded on demand is known by its largest module (its ids mean nothing to a reader)
          const whatIn = new Map();
          for (const chunk of compilation.chunks) {
            const modules = [...compilation.chunkGraph.getChunkModulesIterable(chunk)].sort((a, b) => b.size() - a.size());
            const what = modules[0] ? path.relative(__dirname, modules[0].nameForCondition() ?? "").replace(/^node_modules\/((@[^/]+\/)?[^/]+).*$/, "$1") : "";
            for (const f of chunk.files) whatIn.set(f, what);
          }
          const lazy = compilation
            .getAssets()
            .map((a) => a.name)
            .filter((f) => f.endsWith(".js") && !initial.includes(f))
            .sort();
          const size = (file) => {
            const buf = Buffer.from(compilation.getAsset(file).source.source());
            return { file, raw: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length };
          };
          const kb = (n) => (n / 1024).toFixed(1) + " KB";
          const line = (s, what = "") => `[bundle]   ${s.file.padEnd(24)} ${kb(s.raw).padStart(9)} raw ${kb(s.gz).padStart(9)} gzipped${what && `  ${what}…`}`;
          const initialSizes = initial.map(size);
          const gz = initialSizes.reduce((n, s) => n + s.gz, 0);
          const raw = initialSizes.reduce((n, s) => n + s.raw, 0);
          console.log(`[bundle] loaded by taskpane.html at start:`);
          for (const s of initialSizes) console.log(line(s));
          console.log(`[bundle]   ${"total".padEnd(24)} ${kb(raw).padStart(9)} raw ${kb(gz).padStart(9)} gzipped (budget ${kb(INITIAL_BUDGET_BYTES)} gzipped)`);
          console.log(`[bundle] loaded on demand (not in the budget):`);
          for (const s of lazy.map(size)) console.log(line(s, whatIn.get(s.file)));
          if (gz > INITIAL_BUDGET_BYTES) {
            compilation.errors.push(
              new compiler.webpack.WebpackError(
                `the scripts taskpane.html loads at start are ${kb(gz)} gzipped in all, over their budget of ${kb(INITIAL_BUDGET_BYTES)} (${initialSizes.map((s) => `${s.file} ${kb(s.gz)}`).join(", ")})`,
              ),
            );
          }
        },
      );
    });
  }
}

module.exports = (env, options) => {
  // Only `webpack serve` needs a certificate (so only it gets a Promise); builds never touch ~/.office-addin-dev-certs.
  if (env && env.WEBPACK_SERVE) return devServerHttps().then((server) => config(options, server));
  return config(options, "https");
};

function config(options, server) {
  const dev = options.mode === "development";
  const baseUrl = addinBaseUrl(process.env.ADDIN_BASE_URL);
  if (!dev) console.log(`[manifest] dist/manifest.xml points at ${baseUrl}`);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      // The three entries run in ONE page (the shared runtime): one webpack runtime, so a module that
      // two entries import (decimal.js, the SROI core) is one instance, loaded once.
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FrenchMetadataPlugin(),
      new BundleBudgetPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: PAGE_ENTRIES,
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestForBaseUrl(content.toString(), baseUrl) },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      host: "localhost",
      client: false,
      hot: false,
      liveReload: false,
    },
  };
}
