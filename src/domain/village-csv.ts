/**
 * Reading the CSV files of `idn-area-data` (RFC 4180): small files as rows of strings,
 * villages.csv (83,762 rows) as byte ranges, since a table of strings for it was most of
 * the garbage of loading the directory.
 */

const COMMA = 44;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Calls `visit` with the fields of each row of `text` in order, skipping empty lines.
 * The `fields` array is reused from row to row: copy it to keep it. Comma-separated,
 * fields optionally in double quotes, a doubled quote inside quotes is one quote, quoted
 * fields may hold commas and line breaks; LF and CRLF line ends.
 */
function forEachCsvRow(text: string, visit: (fields: string[]) => void): void {
  const fields: string[] = [];
  let at = 0;
  while (at <= text.length) {
    if (text[at] === '"') {
      const end = quotedFieldEnd(text, at);
      // Without its closing quote, a field runs to the end of the text.
      const closed = end <= text.length;
      fields.push(text.slice(at + 1, closed ? end - 1 : text.length).replaceAll('""', '"'));
      at = closed ? end : text.length;
    } else {
      const end = plainFieldEnd(text, at);
      fields.push(text.slice(at, end));
      at = end;
    }
    if (text.charCodeAt(at) === COMMA) {
      at++;
      continue;
    }
    if (fields.length > 1 || fields[0] !== '') visit(fields);
    fields.length = 0;
    at += text.startsWith('\r\n', at) ? 2 : 1;
  }
}

/** Parses RFC 4180 CSV into rows of fields (see {@link forEachCsvRow}). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, (fields) => rows.push([...fields]));
  return rows;
}

/** The index of the delimiter after the unquoted field starting at `at`. */
function plainFieldEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length) {
    const char = text.charCodeAt(end);
    if (char === COMMA || char === LINE_FEED || char === CARRIAGE_RETURN) break;
    end++;
  }
  return end;
}

/**
 * The index of the delimiter after the quoted field whose opening quote is at `at`, or
 * `text.length + 1` when the closing quote is missing.
 */
function quotedFieldEnd(text: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length + 1;
    if (text[quote + 1] !== '"') return quote + 1;
    from = quote + 2;
  }
}

/** One row of a CSV buffer as byte ranges of its fields; one object reused for every row. */
export interface CsvByteRow {
  /** Fields in the row; only the first {@link CSV_BYTE_FIELDS_MAX} have ranges. */
  count: number;
  /** Field `i` is `bytes[start[i]..end[i]]`, inside its quotes when quoted. */
  start: Int32Array;
  end: Int32Array;
  /** 1 when field `i` was quoted: its doubled quotes are still doubled. */
  quoted: Uint8Array;
}

/** Fields of a row given ranges; a row with more is malformed for every file read here. */
export const CSV_BYTE_FIELDS_MAX = 8;
const QUOTE = 34;

/**
 * {@link forEachCsvRow} over UTF-8 bytes, making no string: reading villages.csv as text
 * made a 2.8 MB string and three strings a row, the bulk of the garbage of loading.
 */
export function forEachCsvByteRow(bytes: Uint8Array, visit: (row: CsvByteRow) => void): void {
  const row: CsvByteRow = {
    count: 0,
    start: new Int32Array(CSV_BYTE_FIELDS_MAX),
    end: new Int32Array(CSV_BYTE_FIELDS_MAX),
    quoted: new Uint8Array(CSV_BYTE_FIELDS_MAX),
  };
  let at = 0;
  while (at <= bytes.length) {
    const quoted = bytes[at] === QUOTE;
    const end = quoted ? quotedByteFieldEnd(bytes, at) : plainByteFieldEnd(bytes, at);
    if (row.count < CSV_BYTE_FIELDS_MAX) {
      row.start[row.count] = quoted ? at + 1 : at;
      row.end[row.count] = quoted ? Math.max(at + 1, end - 1) : end;
      row.quoted[row.count] = quoted ? 1 : 0;
    }
    row.count++;
    at = Math.min(end, bytes.length);
    if (bytes[at] === COMMA) {
      at++;
      continue;
    }
    if (row.count > 1 || row.end[0] !== row.start[0]) visit(row);
    row.count = 0;
    at += bytes[at] === CARRIAGE_RETURN && bytes[at + 1] === LINE_FEED ? 2 : 1;
  }
}

/** Copies field `i` of `row` into `out` at `to`, a doubled quote as one; returns its length. */
export function copyCsvField(
  bytes: Uint8Array,
  row: CsvByteRow,
  i: number,
  out: Uint8Array,
  to: number,
): number {
  const from = row.start[i] as number;
  const end = row.end[i] as number;
  if (!row.quoted[i]) {
    out.set(bytes.subarray(from, end), to);
    return end - from;
  }
  let length = 0;
  for (let at = from; at < end; at++) {
    out[to + length++] = bytes[at] as number;
    if (bytes[at] === QUOTE && bytes[at + 1] === QUOTE) at++;
  }
  return length;
}

/** Field `i` of `row` as text (for error messages). */
export function csvFieldText(bytes: Uint8Array, row: CsvByteRow, i: number): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(
    'utf8',
    row.start[i],
    row.end[i],
  );
  return row.quoted[i] ? text.replaceAll('""', '"') : text;
}

function plainByteFieldEnd(bytes: Uint8Array, at: number): number {
  let end = at;
  while (end < bytes.length) {
    const byte = bytes[end];
    if (byte === COMMA || byte === LINE_FEED || byte === CARRIAGE_RETURN) break;
    end++;
  }
  return end;
}

/** As {@link quotedFieldEnd}: after the closing quote, or `bytes.length + 1` without one. */
function quotedByteFieldEnd(bytes: Uint8Array, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, from);
    if (quote < 0) return bytes.length + 1;
    if (bytes[quote + 1] !== QUOTE) return quote + 1;
    from = quote + 2;
  }
}
