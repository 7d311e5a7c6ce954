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

/** Initial task pane JavaScript, gzipped: the build fails above this (issue #3). */
const TASKPANE_BUDGET_BYTES = 250 * 1024;

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

/** Prints the gzipped size of the task pane's initial JavaScript and enforces the budget. */
class BundleBudgetPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BundleBudgetPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        () => {
          if (compilation.options.mode !== "production") return;
          const entry = compilation.entrypoints.get("taskpane");
          if (!entry) return;
          let gz = 0;
          let raw = 0;
          for (const file of entry.getFiles().filter((f) => f.endsWith(".js"))) {
            const buf = Buffer.from(compilation.getAsset(file).source.source());
            raw += buf.length;
            gz += zlib.gzipSync(buf, { level: 9 }).length;
          }
          const kb = (n) => (n / 1024).toFixed(1) + " KB";
          console.log(`[bundle] task pane initial JavaScript: ${kb(raw)} raw, ${kb(gz)} gzipped (budget ${kb(TASKPANE_BUDGET_BYTES)} gzipped)`);
          if (gz > TASKPANE_BUDGET_BYTES) {
            compilation.errors.push(
              new compiler.webpack.WebpackError(`task pane bundle ${kb(gz)} gzipped is over its budget of ${kb(TASKPANE_BUDGET_BYTES)}`),
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
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FrenchMetadataPlugin(),
      new BundleBudgetPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
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
