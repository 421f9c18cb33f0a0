/**
 * Reading the CSV files of `idn-area-data` (RFC 4180) without building a table of them:
 * the villages file has 83,762 rows, and an array of arrays of strings for them was most
 * of the garbage peak of loading the directory.
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
export function forEachCsvRow(text: string, visit: (fields: string[]) => void): void {
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

/**
 * Parses RFC 4180 CSV into rows of fields (see {@link forEachCsvRow}): for small files;
 * large ones are better visited row by row.
 */
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
