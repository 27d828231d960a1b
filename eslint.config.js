// ESLint: eslint-plugin-office-addins' recommended rules (the Office.js load/sync rules, on the
// TypeScript parser) for every source and test file, its React config for .tsx.
//
// Decision: the recommended set also turns on prettier/prettier. Formatting is left to editors
// here (several people write in parallel with 100-column lines), so that one rule is off; every
// office-addins rule stays as Microsoft's template sets it.

const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");
const tsPlugin = require("@typescript-eslint/eslint-plugin");
const reactPlugin = require("eslint-plugin-react");
const prettierPlugin = require("eslint-plugin-prettier");

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
  // typescript-eslint 8.8 (pinned by the office-addins plugin) predates TypeScript 5.9 but parses it.
  warnOnUnsupportedTypeScriptVersion: false,
};

module.exports = [
  { ignores: ["dist/**", "coverage/**", "node_modules/**", ".bench-out/**"] },
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
    plugins: { "@typescript-eslint": tsPlugin, "office-addins": officeAddins, prettier: prettierPlugin },
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module", parserOptions },
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
];
