// The CustomFunctions global that Excel's runtime provides, reduced to what the functions use:
// Error with a code and a message, and the ErrorCode values (as in @types/custom-functions-runtime).
// Imported first by every test of src/functions, before the functions module reads the global.

class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: ExcelError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

export {};
