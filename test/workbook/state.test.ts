import { decodeLegacyState, isStateXml, parseStateXml, STATE_NAMESPACE, stateXml } from "../../src/workbook/planning/state";
import type { OwnedState } from "../../src/workbook/types";
import { bigState } from "../support/stateFixtures";

const small: OwnedState = { version: 1, sheet: "Customers", headerRow: 0, firstColumn: 5, headers: ["Score", "Rank", "Tier"], sheets: ["Tier summary"] };

describe("the state as a Custom XML part", () => {
  test("one element in our namespace, JSON text, the format version in an attribute", () => {
    const xml = stateXml(small);
    expect(xml).toBe(`<state xmlns="${STATE_NAMESPACE}" format="2">${JSON.stringify(small)}</state>`);
    expect(parseStateXml(xml)).toEqual(small);
    expect(isStateXml(xml)).toBe(true);
  });

  test("a record far over 255 characters (Chinese, <, &, quotes, ]]>) is written and read back equal", () => {
    const state = bigState();
    const xml = stateXml(state);
    expect(xml.length).toBeGreaterThan(2000);
    expect(parseStateXml(xml)).toEqual(state);
    // With the declaration the .xlsx writer adds, and re-serialised forms Excel may hand back.
    expect(parseStateXml(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${xml}`)).toEqual(state);
    expect(parseStateXml(`<t:state xmlns:t="${STATE_NAMESPACE}" format="2"><![CDATA[${JSON.stringify(small)}]]></t:state>`)).toEqual(small);
  });

  test("anything else is not our record: another namespace, a newer format, broken XML or JSON, a missing field", () => {
    expect(parseStateXml(`<state xmlns="urn:someone-else" format="2">${JSON.stringify(small)}</state>`)).toBeUndefined();
    expect(isStateXml(`<state xmlns="urn:someone-else"/>`)).toBe(false);
    expect(parseStateXml(`<state xmlns="${STATE_NAMESPACE}" format="3">${JSON.stringify(small)}</state>`)).toBeUndefined();
    expect(parseStateXml(`<state xmlns="${STATE_NAMESPACE}" format="2">{"version":1,`)).toBeUndefined();
    expect(parseStateXml(`<state xmlns="${STATE_NAMESPACE}" format="2">{not json}</state>`)).toBeUndefined();
    expect(parseStateXml(`<state xmlns="${STATE_NAMESPACE}" format="2">${JSON.stringify({ ...small, headers: "Score" })}</state>`)).toBeUndefined();
    expect(parseStateXml("")).toBeUndefined();
  });
});

describe("the legacy record (a defined name's text constant)", () => {
  test("the current version's encoding is still read", () => {
    const formula = `"${JSON.stringify(small).replace(/"/g, '""')}"`;
    expect(decodeLegacyState(formula)).toEqual(small);
    expect(decodeLegacyState(`=${formula}`)).toEqual(small);
    expect(decodeLegacyState("=Sheet1!$A$1")).toBeUndefined();
  });
});
