// The functions metadata Excel reads (functions.json), generated here from the source with the same
// library the webpack plugin uses, so no build is needed: every TIERS.* function of the contract
// (docs/DESIGN.md §5) is there with its arguments in order, and everything has a description.
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "path";

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

const CONTRACT: Record<string, string[]> = {
  CUSTOMERSCORE: ["values", "weights", "data", "directions?", "scoring?"],
  CUSTOMERRANK: ["score", "scores"],
  CUSTOMERTIER: ["score", "scores", "shares?", "labels?"],
  PARETOCLASS: ["value", "values", "cutoffs?", "labels?"],
  GRADE: ["data", "weights", "directions?", "shares?", "labels?", "scoring?"],
  AHPWEIGHTS: ["matrix"],
  AHPCR: ["matrix"],
  ENTROPYWEIGHTS: ["data", "directions?", "normalization?"],
  PCAWEIGHTS: ["data", "directions?"],
  EXPLAIN: ["data", "weights", "directions?", "shares?", "labels?", "scoring?", "names?", "customer?"],
};
const SPILLS = ["GRADE", "AHPWEIGHTS", "ENTROPYWEIGHTS", "PCAWEIGHTS", "EXPLAIN"];

let functions: FunctionMetadata[];
let associations: { id: string; functionName: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(join(__dirname, "..", "..", "src", "functions", "functions.ts"));
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
  associations = result.associate;
});

test("lists exactly the functions of the contract", () => {
  expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(CONTRACT).sort());
  for (const f of functions) expect(f.name).toBe(f.id);
});

test("each takes its arguments in the contract's order, optional ones marked", () => {
  for (const f of functions) {
    expect(f.parameters.map((p) => p.name + (p.optional ? "?" : ""))).toEqual(CONTRACT[f.id]);
  }
});

test("every function and every argument has a description Excel can show", () => {
  for (const f of functions) {
    expect((f.description ?? "").length).toBeGreaterThan(20);
    for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(10);
  }
});

test("ranges are taken as ranges, and GRADE, AHPWEIGHTS, ENTROPYWEIGHTS, PCAWEIGHTS and EXPLAIN spill", () => {
  for (const f of functions) {
    expect(f.result.dimensionality === "matrix").toBe(SPILLS.includes(f.id));
    const ranges = f.parameters.filter((p) => /^(values|weights|data|scores|matrix)$/.test(p.name));
    for (const p of ranges) expect(p.dimensionality).toBe("matrix");
  }
});

describe("what Excel is told, and what the functions register", () => {
  test("functions.json lets data types and error cells reach the functions (arguments.ts names them)", async () => {
    const { functionsMetadata } = require("../../webpack.config.js");
    const { json, errors } = await functionsMetadata();
    expect(errors).toEqual([]);
    const metadata = JSON.parse(json);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.functions.map((f: FunctionMetadata) => f.id)).toEqual(functions.map((f) => f.id));
  });

  test("registerFunctions associates exactly the metadata's ids, and nothing outside Excel", async () => {
    await import("./customFunctionsGlobal");
    const { registerFunctions, FUNCTIONS, customerRank } = await import("../../src/functions/functions");
    const associated = new Map<string, unknown>();
    expect(registerFunctions({ associate: (id, f) => associated.set(id, f) })).toBe(functions.length);
    expect([...associated.keys()].sort()).toEqual(functions.map((f) => f.id).sort());
    // Each id to the function its @customfunction tag sits on.
    for (const { id, functionName } of associations) expect((associated.get(id) as { name: string }).name).toBe(functionName);
    expect(associated.get("CUSTOMERRANK")).toBe(customerRank);
    expect(FUNCTIONS.CUSTOMERRANK).toBe(customerRank);
    expect(registerFunctions(undefined)).toBe(0);
  });
});
