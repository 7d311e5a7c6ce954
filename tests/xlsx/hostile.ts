/**
 * Hostile workbooks, made by the tests themselves: a zip bomb, a lying zip entry, a crafted table
 * part, a sheet of too many rows, a table whose ref spans too many rows. Each is small on disk.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import { buildLayout } from "../../src/layout/build";
import { exampleAssessment } from "../../src/cli/example";
import { writeXlsx } from "../../src/writers/xlsx";

const MIB = 1024 * 1024;

interface Entry {
  name: string;
  /** the local header's offset this central-directory entry points at (entries may share one) */
  offset: number;
  compressed: number;
  declared: number;
  crc: number;
}

/**
 * A zip whose central directory lists `entries` entries that all point at ONE deflated blob
 * (the "overlapping files" zip bomb): the file stays as small as the blob, the declared total is
 * entries × inflated size.
 */
export function overlappingZipBomb(entries: number, inflatedBytes: number, declaredBytes = inflatedBytes): Uint8Array {
  const plain = Buffer.alloc(inflatedBytes, 0x20);
  const blob = deflateRawSync(plain, { level: 9 });
  const crc = crc32(plain);
  const first = "xl/worksheets/sheet0000.xml";
  const local = Buffer.alloc(30 + first.length);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(blob.length, 18);
  local.writeUInt32LE(declaredBytes, 22);
  local.writeUInt16LE(first.length, 26);
  local.write(first, 30, "latin1");
  const list: Entry[] = Array.from({ length: entries }, (_, k) => ({
    name: `xl/worksheets/sheet${String(k).padStart(4, "0")}.xml`,
    offset: 0,
    compressed: blob.length,
    declared: declaredBytes,
    crc,
  }));
  const central = Buffer.concat(
    list.map((e) => {
      const h = Buffer.alloc(46 + e.name.length);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.declared, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      h.write(e.name, 46, "latin1");
      return h;
    }),
  );
  const start = local.length + blob.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(start, 16);
  return new Uint8Array(Buffer.concat([local, blob, central, end]));
}

/** 80 entries of 50 MiB each: 4 GiB declared, in a file of about 60 KB. */
export const zipBomb = (): Uint8Array => overlappingZipBomb(80, 50 * MIB);

/** One entry that says it inflates to 1 KB and inflates to 50 MiB. */
export const lyingZip = (): Uint8Array => overlappingZipBomb(1, 50 * MIB, 1024);

/** The example workbook as written by sroi, as zip entries. */
export async function exampleEntries(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await writeXlsx(buildLayout(exampleAssessment("en"))));
}

const text = (s: string) => new TextEncoder().encode(s);
const deflated = (files: Record<string, Uint8Array>) => zipSync(files, { level: 1 });

/** A table part of about `bytes` bytes of "<tableColumn " that never close: it compresses to almost nothing. */
export const unclosedColumns = (bytes: number): string =>
  `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<tableColumn ".repeat(Math.ceil(bytes / 13))}`;

/**
 * The example workbook with its first table part replaced by unclosedColumns(bytes). With the
 * former regular expressions `sroi compute` took 0.6 s on 30 KB and 6.7 s on 300 KB (the square).
 */
export async function craftedTablePart(bytes: number): Promise<Uint8Array> {
  const files = await exampleEntries();
  const part = Object.keys(files).find((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))!;
  files[part] = text(unclosedColumns(bytes));
  return deflated(files);
}

/** The example workbook with `rows` more rows (one number each) at the end of its first sheet. */
export async function withExtraRows(rows: number): Promise<Uint8Array> {
  const files = await exampleEntries();
  const sheet = "xl/worksheets/sheet1.xml";
  const xml = new TextDecoder().decode(files[sheet]);
  const extra: string[] = [];
  for (let r = 1000; r < 1000 + rows; r++) extra.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  files[sheet] = text(xml.replace("</sheetData>", `${extra.join("")}</sheetData>`));
  return deflated(files);
}

/** The example workbook whose first table's ref is stretched to `rows` rows of an empty sheet. */
export async function withTallTable(rows: number): Promise<Uint8Array> {
  const files = await exampleEntries();
  const part = Object.keys(files).find((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))!;
  const xml = new TextDecoder().decode(files[part]);
  const ref = /\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(xml)!;
  files[part] = text(xml.split(ref[0]).join(`ref="${ref[1]}${ref[2]}:${ref[3]}${Number(ref[2]) + rows}"`));
  return deflated(files);
}
