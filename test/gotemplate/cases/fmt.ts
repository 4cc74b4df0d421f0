import type { OracleCase } from "../oracle.js";
export const cases: OracleCase[] = [];
