/**
 * The workbook reader within its limits: hostile files are refused quickly, naming the limit,
 * instead of hanging or exhausting memory. Each file is made by tests/xlsx/hostile.ts.
 */
import { NotAWorkbook, OverLimit, READ_LIMITS, readXlsx } from "../../src/writers/xlsx";
import { countRowsAndCells } from "../../src/writers/xlsx/zip";
import { withoutColumnChildren } from "../../src/writers/xlsx/tableParts";
import { craftedTablePart, lyingZip, unclosedColumns, withExtraRows, withTallTable, zipBomb } from "./hostile";

/** The limit a read stopped at, or "read" when it went through. */
async function stoppedAt(bytes: Uint8Array): Promise<string> {
  try {
    await readXlsx(bytes);
    return "read";
  } catch (e) {
    if (e instanceof OverLimit) return `${e.limit} ${e.found} > ${e.max}`;
    if (e instanceof NotAWorkbook) return "notAWorkbook";
    throw e;
  }
}

const MIB = 1024 * 1024;

test("a zip bomb (80 entries of 50 MiB declared, 4 GiB, in a file of under 100 KB) stops at the total, before inflating", async () => {
  const bomb = zipBomb();
  expect(bomb.length).toBeLessThan(100_000);
  // the 4th entry brings the declared total to 200 MiB, over the 160 MiB limit
  expect(await stoppedAt(bomb)).toBe(`totalBytes ${4 * 50 * MIB} > ${READ_LIMITS.totalBytes}`);
});

test("a zip entry that lies about its size inflates no further than it declared, and is not a workbook", async () => {
  expect(await stoppedAt(lyingZip())).toBe("notAWorkbook");
});

test("a crafted table part (300 KB of unclosed <tableColumn, 25 KB zipped) is refused as not a workbook", async () => {
  expect(await stoppedAt(await craftedTablePart(300_000))).toBe("notAWorkbook");
});

test("editing a crafted 1 MB table part takes time linear in its size: the parser refuses it at once", () => {
  // The former regular expression needed time growing with the square of the length (6.7 s at
  // 300 KB, so about 30 s here) and then returned the text unchanged; Jest's 5 s timeout is the bound.
  expect(() => withoutColumnChildren(unclosedColumns(1_000_000))).toThrow(NotAWorkbook);
}, 5_000);

test("a table part over its own limit is refused before it is parsed", async () => {
  expect(await stoppedAt(await craftedTablePart(READ_LIMITS.tablePartBytes + 1000))).toMatch(/^tablePartBytes \d+ > 524288$/);
});

test.each([
  ["a sheet over the row limit", () => withExtraRows(READ_LIMITS.sheetRows + 1), /^sheetRows 1\d{5} > 100000$/],
  ["a table whose ref spans 20,000 rows of an empty sheet", () => withTallTable(20_000), /^tableRows 20000 > 10000$/],
])("%s is refused", async (_why, make, expected) => expect(await stoppedAt(await make())).toMatch(expected));

test("a workbook just under the row limit is read", async () => {
  expect(await stoppedAt(await withExtraRows(1000))).toBe("read");
});

test.each([
  ["rows and cells", '<sheetData><row r="1"><c r="A1"/><c r="B1"><v>1</v></c></row><row r="2"/></sheetData>', { rows: 2, cells: 2 }],
  ["prefixed names count, look-alikes do not", '<x:row><x:c/></x:row><cols><col/></cols><cfRule/></c>', { rows: 1, cells: 1 }],
])("countRowsAndCells: %s", (_why, xml, expected) => expect(countRowsAndCells(new TextEncoder().encode(xml))).toEqual(expected));
