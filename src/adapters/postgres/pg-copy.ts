import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { explainPgError, type PgDatabase } from './pg-database.js';

/** Escape one value for COPY's text format (backslash, tab, newline, carriage return); null becomes \N. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A pgvector literal: `[0.1,0.2,…]`. */
export function vectorLiteral(v: ArrayLike<number>): string {
  let s = '[';
  for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + v[i]!;
  return `${s}]`;
}

/** A Postgres array literal of text values for COPY (`{"a","b"}`). */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Stream rows into `COPY table (columns) FROM STDIN` (text format), in chunks, reporting rows written.
 * `rows` yields arrays of field values in column order.
 */
export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly (string | number | boolean | null)[]> | AsyncIterable<readonly (string | number | boolean | null)[]>,
  onRows?: (written: number) => void,
): Promise<number> {
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  let written = 0;
  async function* lines() {
    let chunk = '';
    for await (const row of rows) {
      chunk += row.map(copyField).join('\t') + '\n';
      written++;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
        onRows?.(written);
      }
    }
    if (chunk) yield chunk;
    onRows?.(written);
  }
  await pipeline(Readable.from(lines()), sink);
  return written;
}

/** Run `COPY (…) TO STDOUT (FORMAT binary)` and return the whole stream (callers parse it with forEachBinaryRow). */
export async function copyBinaryOut(db: PgDatabase, sql: string): Promise<Buffer> {
  const client = await db.pool.connect().catch((e: unknown) => {
    throw explainPgError(e, db.url);
  });
  try {
    const chunks: Buffer[] = [];
    const stream = client.query(copyTo(sql));
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (e) {
    throw explainPgError(e, db.url);
  } finally {
    client.release();
  }
}

const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Walk the tuples of a binary COPY stream; each field is a view on the buffer (null for SQL NULL). */
export function forEachBinaryRow(buf: Buffer, onRow: (fields: (Buffer | null)[]) => void): void {
  if (!buf.subarray(0, COPY_SIGNATURE.length).equals(COPY_SIGNATURE)) throw new Error('Not a binary COPY stream.');
  let at = COPY_SIGNATURE.length + 4;
  at += 4 + buf.readUInt32BE(at);
  while (at < buf.length) {
    const count = buf.readInt16BE(at);
    at += 2;
    if (count === -1) break;
    const fields: (Buffer | null)[] = [];
    for (let f = 0; f < count; f++) {
      const len = buf.readInt32BE(at);
      at += 4;
      if (len < 0) fields.push(null);
      else {
        fields.push(buf.subarray(at, at + len));
        at += len;
      }
    }
    onRow(fields);
  }
}
