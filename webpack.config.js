// One page, three surfaces: the task pane, the TIERS.* custom functions and the ribbon commands all
// run in the shared runtime's page (taskpane.html). The functions bundle must load in that page or
// every formula stays #BUSY!.
//
// Production URL: `npm run build` rewrites every https://localhost:3000/ in manifest.xml to
// TIERS_URL_PROD (default https://customer-tiers.example.com/). Set it to where dist/ is hosted:
//   TIERS_URL_PROD=https://tiers.contoso.com/addin/ npm run build

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = withTrailingSlash(process.env.TIERS_URL_PROD || "https://customer-tiers.example.com/");
const devServerPort = 3000;

function withTrailingSlash(url) {
  return url.endsWith("/") ? url : url + "/";
}

/** Every dev URL in the manifest, not just the first: a missed one breaks the production add-in. */
function manifestForProduction(content) {
  return content.toString().split(urlDev).join(urlProd);
}

/** https options for the dev server from office-addin-dev-certs; plain http when unavailable. */
async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    console.warn(
      `office-addin-dev-certs is not available (${error.message}); serving over http. ` +
        "Office only sideloads https add-ins: run `npx office-addin-dev-certs install` first."
    );
    return "http";
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false, // no eval-based maps: the page's CSP forbids eval
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx"],
      // Only the .xlsx backend's node-only paths reach these; the browser never takes them.
      fallback: { fs: false, path: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `npm run typecheck`; inside webpack the metadata plugin makes
            // full checking report phantom errors after a rebuild. tsconfig.json keeps
            // "module": "esnext" so Fluent UI is tree-shaken.
            options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          // A context keeps the dev server from watching the whole project folder.
          { context: path.resolve(__dirname, "assets"), from: "icon-*.png", to: "assets/[name][ext]" },
          {
            context: __dirname,
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : manifestForProduction(content)),
          },
        ],
      }),
    ],
    performance: { hints: false },
    watchOptions: { ignored: ["**/node_modules", "**/dist", "**/test", "**/coverage", "**/lib", "**/.git"] },
    devServer: {
      port: devServerPort,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? await devServerHttps() : "http",
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
