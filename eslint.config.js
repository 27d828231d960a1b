// ESLint: eslint-plugin-office-addins' recommended rules (the Office.js load/sync rules, on the
// TypeScript parser) for every source and test file, its React config for .tsx.
//
// Decision: the recommended set also turns on prettier/prettier. Formatting is left to editors
// here (several people write in parallel with 100-column lines), so that one rule is off; every
// office-addins rule stays as Microsoft's template sets it.

const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");
const reactPlugin = require("eslint-plugin-react");
const prettierPlugin = require("eslint-plugin-prettier");
const { builtinModules } = require("module");

// CommonJS files (this config, webpack's, test stubs) run in node.
const nodeGlobals = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
  process: "readonly",
  console: "readonly",
};

const parserOptions = {
  ecmaFeatures: { jsx: true },
  // typescript-eslint 8.8.1 (the office-addins plugin pins it; package.json declares the same) predates TypeScript 5.9 but parses it.
  warnOnUnsupportedTypeScriptVersion: false,
};


// The layers (docs/DESIGN.md §3, docs/ARCHITECTURE.md): arrows point one way, surfaces -> workbook ->
// engine, and nothing imports the task pane or the command line. A relative import is matched by the
// folder names on its path, so the rule holds at any depth.
const SURFACES = ["taskpane", "cli", "commands", "functions"];
const relativeInto = (folders) => `^\\.{1,2}/(.*/)?(${folders.join("|")})(/|$)`;
const layerRule = (folders, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ regex: relativeInto(folders), message }] }],
});
// The engine is pure: none of the project above it, and no Office, DOM framework, file or Node module.
const engineForbidden = [
  `^(node:|react(-dom)?(/|$)|@fluentui/|@microsoft/|@types/office|office-|jszip$|xlsx-populate$|@xmldom/)`,
  `^(${builtinModules.filter((name) => !name.startsWith("_")).join("|")})(/|$)`,
];
// The Office.js globals exist only in workbook/executors/excel, functions, commands and the pane's start-up file.
const officeGlobals = ["Office", "Excel", "CustomFunctions"].map((name) => ({
  name,
  message: `${name} is used only in src/workbook/executors/excel, src/functions, src/commands and src/taskpane/index.tsx (docs/ARCHITECTURE.md).`,
}));
const layers = [
  {
    files: ["src/engine/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: relativeInto(["workbook", "text", ...SURFACES, "test", "bench", "scripts"]),
              message: "src/engine imports nothing else of the project (docs/ARCHITECTURE.md).",
            },
            ...engineForbidden.map((regex) => ({
              regex,
              message: "src/engine is pure TypeScript: no Office, React, files or Node modules (docs/ARCHITECTURE.md).",
            })),
          ],
        },
      ],
    },
  },
  {
    // The text catalogue is pure data and formatting that workbook and every surface import: it imports
    // nothing of the project but itself, and nothing outside the language.
    files: ["src/text/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: relativeInto(["engine", "workbook", ...SURFACES, "test", "bench", "scripts"]),
              message: "src/text imports nothing else of the project (docs/ARCHITECTURE.md).",
            },
            ...engineForbidden.map((regex) => ({
              regex,
              message: "src/text is pure TypeScript: no Office, React, files or Node modules (docs/ARCHITECTURE.md).",
            })),
          ],
        },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.{ts,tsx}"],
    rules: layerRule(SURFACES, "src/workbook never imports a surface above it (docs/ARCHITECTURE.md)."),
  },
  // Inside workbook/ the folders are the data's way (docs/ARCHITECTURE.md): reading/ knows nothing of what is
  // done with the tables; only the surfaces and run.ts's callers pick an executor, never the stages; the
  // two executors are peers. A later entry replaces the rule for its files, so each repeats the surfaces.
  {
    files: ["src/workbook/reading/**/*.{ts,tsx}"],
    rules: layerRule(
      [...SURFACES, "planning", "features", "executors"],
      "src/workbook/reading imports only reading/, the workbook's types and the engine (docs/ARCHITECTURE.md)."
    ),
  },
  {
    files: ["src/workbook/*.{ts,tsx}", "src/workbook/planning/**/*.{ts,tsx}", "src/workbook/features/**/*.{ts,tsx}"],
    rules: layerRule([...SURFACES, "executors"], "Only the surfaces choose an executor; workbook's stages never import one (docs/ARCHITECTURE.md)."),
  },
  {
    files: ["src/workbook/executors/excel/**/*.{ts,tsx}"],
    rules: layerRule([...SURFACES, "xlsx"], "The two executors are peers: executors/excel never imports executors/xlsx (docs/ARCHITECTURE.md)."),
  },
  {
    files: ["src/workbook/executors/xlsx/**/*.{ts,tsx}"],
    rules: layerRule([...SURFACES, "excel"], "The two executors are peers: executors/xlsx never imports executors/excel (docs/ARCHITECTURE.md)."),
  },
  {
    files: ["src/functions/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}"],
    rules: layerRule(["taskpane", "cli"], "Nothing imports the task pane or the command line (docs/ARCHITECTURE.md)."),
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: layerRule(["cli"], "Nothing imports the command line (docs/ARCHITECTURE.md)."),
  },
  {
    files: ["src/cli/**/*.{ts,tsx}"],
    rules: layerRule(["taskpane"], "Nothing imports the task pane (docs/ARCHITECTURE.md)."),
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/workbook/executors/excel/**", "src/functions/**", "src/commands/**", "src/taskpane/index.tsx"],
    rules: { "no-restricted-globals": ["error", ...officeGlobals] },
  },
];

module.exports = [
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**", ".bench-out/**"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.tsx", "**/*.jsx"],
    ...reactPlugin.configs.flat.recommended,
    settings: { react: { version: "18" } },
  },
  {
    files: ["**/*.tsx", "**/*.jsx"],
    ...reactPlugin.configs.flat["jsx-runtime"],
    settings: { react: { version: "18" } },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "@typescript-eslint": tseslint.plugin, "office-addins": officeAddins, prettier: prettierPlugin },
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module", parserOptions },
    rules: {
      "prettier/prettier": "off",
      // TypeScript resolves names itself (and knows Office, Excel, CustomFunctions from @types).
      "no-undef": "off",
      "no-redeclare": "off",
      // The core rule misreads TypeScript (parameter names in function types); the TS rule replaces it.
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    plugins: { prettier: prettierPlugin },
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: nodeGlobals },
    rules: { "prettier/prettier": "off" },
  },
  // Props are typed by TypeScript, not prop-types. `import * as React` is the Fluent and Office
  // templates' habit; with the automatic JSX runtime it is unused but harmless.
  {
    files: ["**/*.tsx"],
    rules: {
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^(_|React$)" }],
    },
  },
  ...layers,
];
