import type { LinkTexts } from '../../../src/core/catalog/resolve-skill-texts.js';

export const ESCO = {
  sql: 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742',
  python: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
  cleansing: 'http://data.europa.eu/esco/skill/50b100ea-74fd-4706-99db-3e4ca55e51b8',
  cloud: 'http://data.europa.eu/esco/skill/bd14968e-e409-45af-b362-3495ed7b10e0',
  spreadsheets: 'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be',
  database: 'http://data.europa.eu/esco/skill/43ae58b9-5e56-4524-b45a-b422777a0576',
};

const TABLE: Record<string, [string, string, number]> = {
  sql: [ESCO.sql, 'SQL', 0.95],
  python: [ESCO.python, 'Python (computer programming)', 0.9],
  'data cleansing': [ESCO.cleansing, 'perform data cleansing', 0.8],
  'cloud computing': [ESCO.cloud, 'cloud technologies', 0.85],
  'spreadsheet software': [ESCO.spreadsheets, 'use spreadsheets software', 0.85],
  'relational databases': [ESCO.database, 'database', 0.55],
};

/** A deterministic linker over a tiny table; records every call so tests can check batching and dedupe. */
export function fakeLinker(): LinkTexts & { calls: string[][] } {
  const calls: string[][] = [];
  const fn = async (texts: readonly string[]) => {
    calls.push([...texts]);
    return texts.map((t) => {
      const row = TABLE[t.toLowerCase()];
      return row ? [{ uri: row[0], label: row[1], score: row[2] }] : [{ uri: 'http://data.europa.eu/esco/skill/noise', label: 'noise', score: 0.3 }];
    });
  };
  return Object.assign(fn, { calls });
}
