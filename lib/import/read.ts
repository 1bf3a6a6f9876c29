import fs from "node:fs";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { OrderHistoryAnalyzer, type Analysis } from "./analyze";
import { REQUIRED_COLUMNS, sourceLineSchema, type RawRow } from "./rows";

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

/** The demo order history committed with the repo (see db/seed-data/README.md). */
export const DEMO_HISTORY_FILE = path.join(process.cwd(), "db", "seed-data", "online-retail.csv.gz");

export type Progress = (message: string) => void;

async function isGzip(file: string): Promise<boolean> {
  const fh = await fs.promises.open(file, "r");
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * Streams an Online Retail CSV (plain or gzip) through validation into an analysis.
 * A file that is not in the format fails fast with ImportFileError; bad rows are counted, not fatal.
 */
export async function readOrderHistory(file: string, onProgress: Progress = () => {}): Promise<Analysis> {
  if (!fs.existsSync(file)) throw new ImportFileError(`File not found: ${file}`);
  const size = fs.statSync(file).size;
  const gzip = await isGzip(file);
  const source = fs.createReadStream(file);
  const parser = parse({
    columns: (header: string[]) => {
      const names = header.map((h) => h.replace(/^\uFEFF/, "").trim());
      const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
      if (missing.length) {
        throw new ImportFileError(`${file} is not an Online Retail order file: missing column(s) ${missing.join(", ")} (found: ${names.join(", ")})`);
      }
      return names;
    },
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
  });
  const input = gzip ? source.pipe(createGunzip()) : source;
  source.on("error", (err: Error) => parser.destroy(err));
  input.on("error", (err: Error) => parser.destroy(err));
  input.pipe(parser);
  let bytes = 0;
  source.on("data", (chunk: Buffer | string) => (bytes += chunk.length));

  const analyzer = new OrderHistoryAnalyzer();
  let row = 1; // the header is row 1
  try {
    for await (const record of parser as AsyncIterable<RawRow>) {
      row++;
      const parsed = sourceLineSchema.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        analyzer.reject(row, `${issue?.path.join(".") ?? "row"}: ${issue?.message ?? "invalid"}`);
      } else {
        analyzer.add(parsed.data, REQUIRED_COLUMNS.map((c) => record[c]).join("\u0001"));
      }
      if (row % 50_000 === 0) onProgress(`read ${row.toLocaleString("en-GB")} rows (${Math.round((bytes / size) * 100)}% of file)`);
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw new ImportFileError(`${file} could not be read as CSV near row ${row}: ${msg}`);
  }
  onProgress(`read ${(row - 1).toLocaleString("en-GB")} rows`);
  return analyzer.result();
}
