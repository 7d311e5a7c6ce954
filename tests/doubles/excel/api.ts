/**
 * The part of the Office.js Excel API the add-in uses, over WorkbookState, with Office.js's batch
 * semantics: calls queue commands, context.sync() runs them in order (counting round trips), and a
 * property can only be read after load() and sync() — reading it earlier throws as Excel does.
 */
import {
  Box,
  CellState,
  ExcelError,
  HEADER_FOOTER_LIMIT,
  HeaderFooterSection,
  NameState,
  PageLayoutState,
  ProtectionOptions,
  SheetState,
  TableState,
  Visibility,
  WorkbookState,
  boxAddress,
  headerFooterString,
  letters,
  overlaps,
  parseBox,
  rules,
} from "./state";
import { toLocal } from "./locale";

type Op = () => void;

export class RequestContext {
  queue: Op[] = [];
  /** loaded values, handed to their proxies once the whole batch has run */
  deliveries: Op[] = [];
  workbook: WorkbookProxy;
  constructor(public state: WorkbookState) {
    this.workbook = new WorkbookProxy(this);
  }
  /**
   * Runs the batch in order. When a command fails, the ones before it stay done (Excel has no
   * transactions), the rest are dropped, and sync rejects without delivering what the batch loaded
   * (OfficeExtension.Error: https://learn.microsoft.com/en-us/javascript/api/office/officeextension.error,
   * whose example shows the commands before the error taking effect).
   */
  async sync(): Promise<void> {
    const s = this.state;
    s.syncs++;
    s.beforeSync?.(s.syncs);
    const ops = this.queue;
    this.queue = [];
    this.deliveries = [];
    for (const op of ops) {
      s.commands++;
      if (s.failAt && s.failAt.command === s.commands) {
        const { error } = s.failAt;
        s.failAt = null;
        this.deliveries = [];
        throw error;
      }
      try {
        op();
      } catch (e) {
        this.deliveries = [];
        throw e;
      }
    }
    const deliveries = this.deliveries;
    this.deliveries = [];
    for (const d of deliveries) d();
  }
  /** Office.js's trackedObjects; nothing to track in memory. */
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

/** Base of every proxy: loaded properties are readable only after sync. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: RequestContext) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new ExcelError("PropertyNotLoaded", `property "${prop}" was not loaded (call load("${prop}") and sync first)`);
    return this.loaded.get(prop) as T;
  }
  protected later(op: Op): void {
    this.ctx.queue.push(op);
  }
  private nullable = false;
  /** getItemOrNullObject: at sync, isNullObject says whether the item was found, as in Excel. */
  protected checkNull(resolve: () => unknown): void {
    this.nullable = true;
    this.later(() => {
      let found = true;
      try {
        resolve();
      } catch {
        found = false;
      }
      this.ctx.deliveries.push(() => this.loaded.set("isNullObject", !found));
    });
  }
  /** Each property's value; `paths` are the sub-paths asked for it ("items/name" asks "name" of items). */
  protected snapshot(): Record<string, (paths: string[]) => unknown> {
    return {};
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : props ? Object.keys(props) : Object.keys(this.snapshot());
    this.later(() => {
      const all = this.snapshot();
      const asked = new Map<string, string[]>();
      for (const raw of list) {
        const p = raw.trim();
        if (!p) continue;
        const [top, ...rest] = p.split("/");
        if (!all[top]) throw new ExcelError("InvalidArgument", `unknown property "${p}"`);
        asked.set(top, [...(asked.get(top) ?? []), ...(rest.length ? [rest.join("/")] : [])]);
      }
      const got: [string, unknown][] = [];
      for (const [top, paths] of asked) {
        try {
          got.push([top, all[top](paths)]);
        } catch (e) {
          // a null object (getItemOrNullObject that found nothing) loads without error, as in Excel
          if (this.nullable) return;
          throw e;
        }
      }
      this.ctx.deliveries.push(() => got.forEach(([k, v]) => this.loaded.set(k, v)));
    });
    return this;
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

const cellValue = (c: CellState | undefined) => (c ? c.value : "");

export class RangeProxy extends Proxy {
  format: RangeFormat;
  dataValidation: DataValidation;
  constructor(
    ctx: RequestContext,
    public resolve: () => { sheet: SheetState; box: Box },
  ) {
    super(ctx);
    this.format = new RangeFormat(ctx, this);
    this.dataValidation = new DataValidation(ctx, this);
  }
  protected override snapshot() {
    const at = () => this.resolve();
    const matrix = (f: (c: CellState | undefined) => unknown) => () => {
      const { sheet, box } = at();
      return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.columns }, (_, c) => f(sheet.cell(box.row + r, box.column + c))));
    };
    return {
      values: matrix(cellValue),
      formulas: matrix((c) => (c?.formula ? c.formula : cellValue(c))),
      formulasLocal: matrix((c) => {
        const locale = this.ctx.state.locale;
        return c?.formula ? (locale ? toLocal(c.formula, locale) : c.formula) : cellValue(c);
      }),
      numberFormat: matrix((c) => c?.numberFormat ?? "General"),
      text: matrix((c) => String(cellValue(c))),
      address: () => `${quote(at().sheet.name)}!${boxAddress(at().box)}`,
      rowIndex: () => at().box.row,
      columnIndex: () => at().box.column,
      rowCount: () => at().box.rows,
      columnCount: () => at().box.columns,
      worksheet: () => ({ name: at().sheet.name }),
    };
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.write(v, "values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write(v, "formulas");
  }
  get formulasLocal(): unknown[][] {
    return this.read("formulasLocal");
  }
  set formulasLocal(v: unknown[][]) {
    this.write(v, "formulasLocal");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.later(() => {
      const { sheet, box } = this.resolve();
      rules.editable(sheet, "formatCells");
      this.each(v, box, "numberFormat", (r, c, x) => (sheet.ensure(r, c).numberFormat = String(x)));
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }

  /** The dimensions must match exactly, as Excel requires. */
  private each(v: unknown, box: Box, what: string, set: (row: number, column: number, x: unknown) => void) {
    if (!Array.isArray(v) || v.length !== box.rows || v.some((row) => !Array.isArray(row) || row.length !== box.columns)) {
      const got = Array.isArray(v) ? `${v.length}×${Array.isArray(v[0]) ? v[0].length : "?"}` : typeof v;
      throw new ExcelError("InvalidArgument", `${what}: a ${got} matrix was given for the ${box.rows}×${box.columns} range ${boxAddress(box)}`);
    }
    for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) set(box.row + r, box.column + c, v[r][c]);
  }
  private write(v: unknown[][], via: "values" | "formulas" | "formulasLocal") {
    this.later(() => {
      const { sheet, box } = this.resolve();
      rules.editable(sheet, "cells");
      this.each(v, box, via, (r, c, x) => this.ctx.state.assign(sheet.ensure(r, c), x, via));
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolve();
      return { sheet, box: { row: box.row + row, column: box.column + column, rows: 1, columns: 1 } };
    });
  }
  getOffsetRange(rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolve();
      return { sheet, box: { ...box, row: box.row + rows, column: box.column + columns } };
    });
  }
  getResizedRange(rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolve();
      return { sheet, box: { ...box, rows: box.rows + rows, columns: box.columns + columns } };
    });
  }
  getRow(row: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolve();
      return { sheet, box: { ...box, row: box.row + row, rows: 1 } };
    });
  }
  getColumn(column: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolve();
      return { sheet, box: { ...box, column: box.column + column, columns: 1 } };
    });
  }
  select(): void {
    this.later(() => {
      const { sheet, box } = this.resolve();
      this.ctx.state.selection = { sheet, box };
      this.ctx.state.activeSheet = sheet;
    });
  }
  clear(): void {
    this.later(() => {
      const { sheet, box } = this.resolve();
      rules.editable(sheet, "cells");
      for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) sheet.cells.delete(`${box.row + r},${box.column + c}`);
    });
  }
}

function quote(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FontProxy {
  constructor(private ctx: RequestContext, private range: RangeProxy) {}
  private set(f: (c: CellState) => void) {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.resolve();
      rules.editable(sheet, "formatCells");
      for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) f(sheet.ensure(box.row + r, box.column + c));
    });
  }
  set bold(v: boolean) {
    this.set((c) => (c.bold = v));
  }
  set italic(v: boolean) {
    this.set((c) => (c.italic = v));
  }
  set size(v: number) {
    this.set((c) => (c.fontSize = v));
  }
  set color(v: string) {
    this.set((c) => (c.fontColor = v));
  }
}

class RangeFormat {
  font: FontProxy;
  fill = { set color(_v: string) {} };
  constructor(private ctx: RequestContext, private range: RangeProxy) {
    this.font = new FontProxy(ctx, range);
  }
  set columnWidth(points: number) {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.resolve();
      rules.editable(sheet, "formatColumns");
      for (let c = 0; c < box.columns; c++) sheet.columnWidths.set(box.column + c, points);
    });
  }
  set wrapText(v: boolean) {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.resolve();
      rules.editable(sheet, "formatCells");
      for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) sheet.ensure(box.row + r, box.column + c).wrapText = v;
    });
  }
  set verticalAlignment(_v: string) {}
  autofitColumns(): void {}
  /** recorded: the double has no fonts to measure with */
  autofitRows(): void {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.resolve();
      rules.editable(sheet, "formatRows");
      sheet.autofitRows.push(box);
    });
  }
}

/** Excel.PaperType (ExcelApi 1.9), as Office.js spells the values. */
const PAPER_TYPES = new Set(["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note"]);
const POINTS_PER: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

/** Rows to repeat: "$3:$4", "3:3" or a range, whose whole rows repeat. */
function titleRows(address: string): { first: number; last: number } {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(address.replace(/^.*!/, "").trim());
  if (m) {
    const [a, b] = [Number(m[1]) - 1, Number(m[2]) - 1];
    if (a < 0 || b < 0) throw new ExcelError("InvalidArgument", `bad rows ${address}`);
    return { first: Math.min(a, b), last: Math.max(a, b) };
  }
  const box = parseBox(address.replace(/^.*!/, ""));
  return { first: box.row, last: box.row + box.rows - 1 };
}

const SECTIONS: HeaderFooterSection[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];

/**
 * headersFooters.defaultForAllPages: six write-only text properties (leftHeader … rightFooter); a
 * header or footer longer than Excel takes is refused, nothing is cut.
 */
class HeaderFooterProxy {
  constructor(private ctx: RequestContext, private page: () => PageLayoutState) {
    for (const section of SECTIONS) Object.defineProperty(this, section, { set: (v: string) => this.setSection(section, v), enumerable: true });
  }
  private setSection(section: HeaderFooterSection, v: string) {
    this.ctx.queue.push(() => {
      if (typeof v !== "string") throw new ExcelError("InvalidArgument", `${section} must be text`);
      const page = this.page();
      const next = { ...page.headersFooters, [section]: v };
      const which = section.endsWith("Header") ? "Header" : "Footer";
      const whole = headerFooterString(next, which);
      if (whole.length > HEADER_FOOTER_LIMIT) {
        throw new ExcelError("InvalidArgument", `the ${which.toLowerCase()} would be ${whole.length} characters with its section codes; Excel takes ${HEADER_FOOTER_LIMIT}`);
      }
      page.headersFooters = next;
    });
  }
}

/** worksheet.pageLayout (ExcelApi 1.9): the print settings the writer sets. */
class PageLayoutProxy {
  headersFooters: { defaultForAllPages: HeaderFooterProxy };
  constructor(private ctx: RequestContext, private sheet: WorksheetProxy) {
    this.headersFooters = { defaultForAllPages: new HeaderFooterProxy(ctx, () => this.page()) };
  }
  private page(): PageLayoutState {
    return this.sheet.resolve().page;
  }
  private edit(f: (p: PageLayoutState) => void) {
    this.ctx.queue.push(() => f(this.page()));
  }
  set orientation(v: string) {
    this.edit((p) => {
      if (v !== "Portrait" && v !== "Landscape") throw new ExcelError("InvalidArgument", `orientation "${v}"`);
      p.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.edit((p) => {
      if (!PAPER_TYPES.has(v)) throw new ExcelError("InvalidArgument", `paper size "${v}"`);
      p.paperSize = v;
    });
  }
  /** set as a whole object, as Office.js requires; scale 10 to 400, pages whole numbers (0: as many as needed) */
  set zoom(v: PageLayoutState["zoom"]) {
    this.edit((p) => {
      if (typeof v !== "object" || v === null) throw new ExcelError("InvalidArgument", "zoom must be a PageLayoutZoomOptions object");
      const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = v;
      if (scale !== undefined && scale !== null && !(scale >= 10 && scale <= 400)) throw new ExcelError("InvalidArgument", `zoom scale ${scale} is not between 10 and 400`);
      for (const n of [wide, tall]) if (n !== undefined && n !== null && !(Number.isInteger(n) && n >= 0)) throw new ExcelError("InvalidArgument", `fit to ${n} pages`);
      p.zoom = { ...v };
    });
  }
  get zoom(): PageLayoutState["zoom"] {
    throw new ExcelError("PropertyNotLoaded", "the double does not load pageLayout.zoom");
  }
  setPrintMargins(unit: string, m: Partial<PageLayoutState["margins"]>): void {
    this.edit((p) => {
      const k = POINTS_PER[unit];
      if (!k) throw new ExcelError("InvalidArgument", `margin unit "${unit}"`);
      for (const [side, x] of Object.entries(m)) {
        if (x === undefined) continue;
        if (!(side in p.margins) || typeof x !== "number" || x < 0) throw new ExcelError("InvalidArgument", `margin ${side} = ${x}`);
        p.margins[side as keyof PageLayoutState["margins"]] = x * k;
      }
    });
  }
  setPrintTitleRows(rows: RangeProxy | string): void {
    this.edit((p) => {
      if (typeof rows === "string") p.printTitleRows = titleRows(rows);
      else {
        const { box } = rows.resolve();
        p.printTitleRows = { first: box.row, last: box.row + box.rows - 1 };
      }
    });
  }
  setPrintArea(area: RangeProxy | string): void {
    this.edit((p) => {
      p.printArea = typeof area === "string" ? parseBox(area.replace(/^.*!/, "")) : area.resolve().box;
    });
  }
}

class DataValidation {
  constructor(private ctx: RequestContext, private range: RangeProxy) {}
  set rule(rule: unknown) {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.resolve();
      rules.editable(sheet, "cells");
      const address = boxAddress(box);
      const v = sheet.validations.find((x) => x.address === address);
      if (v) v.rule = rule;
      else sheet.validations.push({ address, rule });
    });
  }
  set errorAlert(alert: unknown) {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.resolve();
      const address = boxAddress(box);
      const v = sheet.validations.find((x) => x.address === address);
      if (!v) throw new ExcelError("InvalidOperation", `no validation rule at ${address} to attach an alert to`);
      v.errorAlert = alert;
    });
  }
  /** Excel's input message: a title of 32 characters at most, a message of 255 at most (Excel refuses longer). */
  set prompt(prompt: { title?: string; message?: string; showPrompt?: boolean }) {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.resolve();
      const address = boxAddress(box);
      const v = sheet.validations.find((x) => x.address === address);
      if (!v) throw new ExcelError("InvalidOperation", `no validation rule at ${address} to attach a prompt to`);
      if ((prompt.title ?? "").length > 32) throw new ExcelError("InvalidArgument", `the prompt's title is over 32 characters: ${prompt.title}`);
      if ((prompt.message ?? "").length > 255) throw new ExcelError("InvalidArgument", `the prompt's message is over 255 characters: ${prompt.message}`);
      v.prompt = prompt;
    });
  }
  clear(): void {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.resolve();
      rules.editable(sheet, "cells");
      sheet.validations = sheet.validations.filter((x) => !overlaps(parseBox(x.address), box));
    });
  }
}

export class WorksheetProxy extends Proxy {
  tables: TableCollection;
  charts: ChartCollection;
  freezePanes: FreezePanes;
  protection: WorksheetProtection;
  /** ExcelApi 1.9 */
  pageLayout: PageLayoutProxy;
  private nullCheck?: boolean;
  constructor(ctx: RequestContext, public resolve: () => SheetState, nullable = false) {
    super(ctx);
    this.protection = new WorksheetProtection(ctx, () => this.resolve());
    this.tables = new TableCollection(ctx, () => this.resolve());
    this.charts = new ChartCollection(ctx, this);
    this.freezePanes = new FreezePanes(ctx, this);
    this.pageLayout = new PageLayoutProxy(ctx, this);
    this.nullCheck = nullable;
    if (nullable) this.checkNull(() => this.resolve());
  }
  protected override snapshot() {
    return {
      name: () => this.resolve().name,
      id: () => this.resolve().id,
      position: () => this.ctx.state.sheets.indexOf(this.resolve()),
      visibility: () => this.resolve().visibility,
      protection: (paths: string[]) => {
        this.protection.preload(paths);
        return this.protection;
      },
    };
  }
  get visibility(): Visibility {
    return this.read("visibility");
  }
  set visibility(v: Visibility) {
    this.later(() => {
      rules.structure(this.ctx.state);
      this.resolve().visibility = v;
    });
  }
  delete(): void {
    this.later(() => this.ctx.state.deleteSheet(this.resolve()));
  }
  get isNullObject(): boolean {
    if (!this.nullCheck) return false;
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.later(() => {
      const s = this.resolve();
      rules.structure(this.ctx.state);
      rules.sheetName(v, this.ctx.state.sheets.filter((x) => x !== s));
      s.name = v;
    });
  }
  get id(): string {
    return this.read("id");
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve(), box: parseBox(address ?? "A1:XFD1048576") }));
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve(), box: { row, column, rows, columns } }));
  }
  getUsedRangeOrNullObject(): RangeProxy & { isNullObject: boolean } {
    const r = new RangeProxy(this.ctx, () => {
      const used = this.resolve().used();
      if (!used) throw new ExcelError("ItemNotFound", "empty sheet");
      return { sheet: this.resolve(), box: used };
    }) as RangeProxy & { isNullObject: boolean };
    let isNull: boolean | undefined;
    this.later(() => (isNull = this.resolve().used() === null));
    Object.defineProperty(r, "isNullObject", { get: () => isNull });
    return r;
  }
  activate(): void {
    this.later(() => (this.ctx.state.activeSheet = this.resolve()));
  }
}

/** worksheet.protection (ExcelApi 1.2): https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection */
class WorksheetProtection extends Proxy {
  constructor(ctx: RequestContext, private sheet: () => SheetState) {
    super(ctx);
  }
  protected override snapshot() {
    return { protected: () => this.sheet().protection !== null, options: () => ({ ...this.sheet().protection }) };
  }
  /** loaded through a path ("items/protection/protected"): the value is read at once, in the batch */
  preload(paths: string[]): void {
    const all = this.snapshot();
    for (const p of paths) if (p in all) this.loaded.set(p, all[p as keyof typeof all]());
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(options: ProtectionOptions = {}): void {
    this.later(() => {
      const s = this.sheet();
      if (s.protection) throw new ExcelError("InvalidOperation", `the sheet "${s.name}" is already protected`);
      s.protection = { ...options };
    });
  }
  unprotect(): void {
    this.later(() => (this.sheet().protection = null));
  }
}

/** workbook.protection (ExcelApi 1.7): https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbookprotection */
class WorkbookProtection extends Proxy {
  protected override snapshot() {
    return { protected: () => this.ctx.state.structureProtected };
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(): void {
    this.later(() => (this.ctx.state.structureProtected = true));
  }
  unprotect(): void {
    this.later(() => (this.ctx.state.structureProtected = false));
  }
}

class FreezePanes {
  constructor(private ctx: RequestContext, private sheet: WorksheetProxy) {}
  freezeRows(n: number): void {
    this.ctx.queue.push(() => (this.sheet.resolve().freeze = { rows: n, columns: 0 }));
  }
  freezeColumns(n: number): void {
    this.ctx.queue.push(() => (this.sheet.resolve().freeze = { rows: 0, columns: n }));
  }
  freezeAt(range: RangeProxy | string): void {
    this.ctx.queue.push(() => {
      const box = typeof range === "string" ? parseBox(range) : range.resolve().box;
      this.sheet.resolve().freeze = { rows: box.row + box.rows, columns: box.column + box.columns };
    });
  }
}

class ChartProxy {
  constructor(private ctx: RequestContext, private chart: () => { sheet: SheetState; index: number }) {}
  title = {
    set text(_v: string) {},
  };
  private edit(f: (c: SheetState["charts"][number]) => void): void {
    this.ctx.queue.push(() => {
      const { sheet, index } = this.chart();
      f(sheet.charts[index]);
    });
  }
  /** Chart.name (ExcelApi 1.1) */
  set name(v: string) {
    this.edit((c) => (c.name = v));
  }
  /** ChartSeriesCollection.getItemAt + ChartSeries.setXAxisValues (ExcelApi 1.7): the categories of a series */
  get series(): { getItemAt: (k: number) => { setXAxisValues: (r: RangeProxy) => void } } {
    return {
      getItemAt: (k: number) => ({
        setXAxisValues: (r: RangeProxy) =>
          this.edit((c) => {
            const { box } = r.resolve();
            (c.categories ??= [])[k] = boxAddress(box);
          }),
      }),
    };
  }
  /** ChartAxis.reversePlotOrder (ExcelApi 1.7) on the category axis */
  get axes(): { categoryAxis: { reversePlotOrder: boolean } } {
    const edit = (f: (c: SheetState["charts"][number]) => void) => this.edit(f);
    return {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          edit((c) => (c.reversePlotOrder = v));
        },
        get reversePlotOrder(): boolean {
          throw new Error("the double does not load chart properties");
        },
      },
    };
  }
  setPosition(topLeft: string, bottomRight?: string): void {
    this.ctx.queue.push(() => {
      const { sheet, index } = this.chart();
      parseBox(topLeft);
      sheet.charts[index].topLeft = topLeft;
      sheet.charts[index].bottomRight = bottomRight;
    });
  }
  /** Chart.delete (ExcelApi 1.1) */
  delete(): void {
    this.ctx.queue.push(() => {
      const { sheet, index } = this.chart();
      rules.editable(sheet, "cells");
      sheet.charts.splice(index, 1);
    });
  }
}

class ChartCollection extends Proxy {
  constructor(
    ctx: RequestContext,
    private sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected override snapshot() {
    return { items: () => this.sheet.resolve().charts.map((c) => ({ name: c.name ?? "" })) };
  }
  /** the charts' names, after load("items/name") and sync */
  get items(): { name: string }[] {
    return this.read("items");
  }
  add(type: string, source: RangeProxy, _seriesBy?: string): ChartProxy {
    let index = -1;
    this.ctx.queue.push(() => {
      const s = this.sheet.resolve();
      rules.editable(s, "cells");
      const { box } = source.resolve();
      index = s.charts.push({ type, source: boxAddress(box) }) - 1;
    });
    const chart = new ChartProxy(this.ctx, () => ({ sheet: this.sheet.resolve(), index }));
    const ctx = this.ctx;
    chart.title = {
      set text(v: string) {
        ctx.queue.push(() => (chart["chart"]().sheet.charts[index].title = v));
      },
    };
    return chart;
  }
  /** ChartCollection.getItemAt (ExcelApi 1.1): by position in the sheet's charts */
  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.ctx, () => {
      const sheet = this.sheet.resolve();
      if (!sheet.charts[index]) throw new ExcelError("ItemNotFound", `no chart at ${index} on ${sheet.name}`);
      return { sheet, index };
    });
  }
  /** ChartCollection.getItem (ExcelApi 1.1), by name: ItemNotFound at the sync when there is none */
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => {
      const sheet = this.sheet.resolve();
      const index = sheet.charts.findIndex((c) => c.name?.toLowerCase() === name.toLowerCase());
      if (index < 0) throw new ExcelError("ItemNotFound", `no chart ${name} on ${sheet.name}`);
      return { sheet, index };
    });
  }
}

export class TableProxy extends Proxy {
  rows: { add: (index: number | null | undefined, values: unknown[][]) => void; getItemAt: (index: number) => { delete: () => void }; count?: number };
  columns: { getItem: (name: string) => { getDataBodyRange: () => RangeProxy; getHeaderRowRange: () => RangeProxy } };
  constructor(ctx: RequestContext, public resolve: () => TableState, nullable = false) {
    super(ctx);
    if (nullable) this.checkNull(() => this.resolve());
    else this.loaded.set("isNullObject", false);
    this.rows = {
      add: (index, values) =>
        this.later(() => {
          const t = this.resolve();
          rules.editable(t.sheet, "table");
          if (index !== null && index !== undefined) throw new ExcelError("InvalidArgument", "the double only appends rows at the end");
          if (!Array.isArray(values) || values.some((r) => !Array.isArray(r) || r.length !== t.box.columns)) {
            throw new ExcelError("InvalidArgument", `rows.add: each row must have ${t.box.columns} values`);
          }
          const start = t.box.row + t.box.rows;
          // Excel refuses to push a table into another table's cells below it.
          const grown = { ...t.box, rows: t.box.rows + values.length };
          for (const other of this.ctx.state.tables) {
            if (other !== t && other.sheet === t.sheet && overlaps(grown, other.box)) throw new ExcelError("InvalidOperation", `table ${t.name} cannot grow into table ${other.name}`);
          }
          t.box = grown;
          values.forEach((row, r) => row.forEach((v, c) => this.ctx.state.assign(t.sheet.ensure(start + r, t.box.column + c), v, "formulas")));
        }),
      /**
       * TableRow.delete (ExcelApi 1.1): the rows below move up inside the table. Like rows.add here,
       * it does not shift the cells below the table (the writers place nothing there).
       */
      getItemAt: (index: number) => ({
        delete: () =>
          this.later(() => {
            const t = this.resolve();
            rules.editable(t.sheet, "table");
            const dataRows = t.box.rows - 1;
            if (index < 0 || index >= dataRows) throw new ExcelError("ItemNotFound", `table ${t.name} has no row ${index}`);
            if (dataRows === 1) throw new ExcelError("InvalidOperation", `the only data row of table ${t.name} cannot be deleted here`);
            const first = t.box.row + 1;
            for (let r = first + index; r < first + dataRows; r++) {
              for (let c = t.box.column; c < t.box.column + t.box.columns; c++) {
                const below = r + 1 < first + dataRows ? t.sheet.cell(r + 1, c) : undefined;
                if (below) t.sheet.cells.set(`${r},${c}`, below);
                else t.sheet.cells.delete(`${r},${c}`);
              }
            }
            t.box = { ...t.box, rows: t.box.rows - 1 };
          }),
      }),
    };
    this.columns = {
      getItem: (name: string) => {
        const col = () => {
          const t = this.resolve();
          const i = t.headers().findIndex((h) => h.toLowerCase() === name.toLowerCase());
          if (i < 0) throw new ExcelError("ItemNotFound", `table ${t.name} has no column "${name}"`);
          return { t, i };
        };
        return {
          getDataBodyRange: () =>
            new RangeProxy(this.ctx, () => {
              const { t, i } = col();
              return { sheet: t.sheet, box: { row: t.box.row + 1, column: t.box.column + i, rows: t.box.rows - 1, columns: 1 } };
            }),
          getHeaderRowRange: () =>
            new RangeProxy(this.ctx, () => {
              const { t, i } = col();
              return { sheet: t.sheet, box: { row: t.box.row, column: t.box.column + i, rows: 1, columns: 1 } };
            }),
        };
      },
    };
  }
  protected override snapshot() {
    return { name: () => this.resolve().name, id: () => this.resolve().id, worksheet: () => ({ name: this.resolve().sheet.name }) };
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.later(() => {
      const t = this.resolve();
      const s = this.ctx.state;
      rules.editable(t.sheet, "table");
      rules.tableOrDefinedName(v, s.tables.filter((x) => x !== t), s.names);
      t.name = v;
    });
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }
  set style(_v: string) {}
  set showBandedRows(_v: boolean) {}
  /** Table.delete (ExcelApi 1.1) removes the table and its cells. */
  delete(): void {
    this.later(() => {
      const t = this.resolve();
      rules.editable(t.sheet, "table");
      const s = this.ctx.state;
      s.tables = s.tables.filter((x) => x !== t);
      for (let r = 0; r < t.box.rows; r++) for (let c = 0; c < t.box.columns; c++) t.sheet.cells.delete(`${t.box.row + r},${t.box.column + c}`);
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve().sheet, box: this.resolve().box }));
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.resolve().sheet, box: { ...this.resolve().box, rows: 1 } }));
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, box: { ...t.box, row: t.box.row + 1, rows: t.box.rows - 1 } };
    });
  }
}

export class TableCollection extends Proxy {
  constructor(ctx: RequestContext, private sheet?: () => SheetState) {
    super(ctx);
  }
  private list(): TableState[] {
    const s = this.sheet?.();
    return this.ctx.state.tables.filter((t) => !s || t.sheet === s);
  }
  protected override snapshot() {
    return { items: () => this.list().map((t) => new LoadedTable(this.ctx, t)), count: () => this.list().length };
  }
  get items(): TableProxy[] {
    return this.read("items");
  }
  get count(): number {
    return this.read("count");
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableState | null = null;
    this.later(() => {
      if (!hasHeaders) throw new ExcelError("InvalidArgument", "the add-in always creates tables with headers");
      let sheet: SheetState;
      let box: Box;
      if (typeof address === "string") {
        const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
        sheet = m ? this.ctx.state.sheet((m[1] ?? m[2]).replace(/''/g, "'")) : this.sheet?.() ?? this.ctx.state.activeSheet!;
        box = parseBox(m ? m[3] : address);
      } else ({ sheet, box } = address.resolve());
      rules.editable(sheet, "table");
      if (box.rows < 2) throw new ExcelError("InvalidArgument", "a table needs a header row and at least one data row");
      for (const t of this.ctx.state.tables) if (t.sheet === sheet && overlaps(t.box, box)) throw new ExcelError("InvalidOperation", `the range overlaps table ${t.name}`);
      // Excel fills blank headers with Column1, Column2…; duplicate headers get a number.
      const seen = new Set<string>();
      for (let c = 0; c < box.columns; c++) {
        const cell = sheet.ensure(box.row, box.column + c);
        let h = String(cell.value || `Column${c + 1}`);
        let k = 2;
        while (seen.has(h.toLowerCase())) h = `${String(cell.value)}${k++}`;
        seen.add(h.toLowerCase());
        cell.value = h;
        delete cell.formula;
      }
      const s = this.ctx.state;
      let n = s.tables.length + 1;
      while (s.table(`Table${n}`)) n++;
      created = new TableState(`Table${n}`, sheet, box, s.nextId());
      s.tables.push(created);
    });
    return new TableProxy(this.ctx, () => {
      if (!created) throw new ExcelError("InvalidOperation", "table not created");
      return created;
    });
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => {
      const t = this.ctx.state.table(name);
      if (!t) throw new ExcelError("ItemNotFound", `no table named "${name}"`);
      return t;
    });
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.ctx,
      () => {
        const t = this.ctx.state.table(name);
        if (!t) throw new ExcelError("ItemNotFound", `no table named "${name}"`);
        return t;
      },
      true,
    );
  }
}

/** A table from a loaded collection: its name and worksheet name are readable. */
class LoadedTable extends TableProxy {
  constructor(ctx: RequestContext, t: TableState) {
    super(ctx, () => t);
    this.loaded.set("name", t.name);
    this.loaded.set("worksheet", { name: t.sheet.name });
  }
  override get worksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this.ctx, () => this.resolve().sheet);
    (ws as unknown as { loaded: Map<string, unknown> }).loaded.set("name", this.resolve().sheet.name);
    return ws;
  }
}

export class WorksheetCollection extends Proxy {
  protected override snapshot() {
    return {
      items: (paths: string[]) =>
        this.ctx.state.sheets.map((s) => {
          const w = new WorksheetProxy(this.ctx, () => s);
          const loaded = (w as unknown as { loaded: Map<string, unknown> }).loaded;
          loaded.set("name", s.name);
          if (paths.includes("id")) loaded.set("id", s.id);
          if (paths.includes("visibility")) loaded.set("visibility", s.visibility);
          w.protection.preload(paths.filter((p) => p.startsWith("protection/")).map((p) => p.slice("protection/".length)));
          return w;
        }),
    };
  }
  get items(): WorksheetProxy[] {
    return this.read("items");
  }
  add(name: string): WorksheetProxy {
    let sheet: SheetState | null = null;
    this.later(() => (sheet = this.ctx.state.addSheet(name)));
    return new WorksheetProxy(this.ctx, () => {
      if (!sheet) throw new ExcelError("InvalidOperation", "sheet not created");
      return sheet;
    });
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.state.sheet(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.state.sheet(name), true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      if (!this.ctx.state.activeSheet) throw new ExcelError("ItemNotFound", "no sheet");
      return this.ctx.state.activeSheet;
    });
  }
}

const nameFormula = (n: NameState) => (n.broken ? `=#REF!${absolute(n.box)}` : `=${quote(n.sheet.name)}!${absolute(n.box)}`);

/** A defined name (NamedItem, ExcelApi 1.1; delete 1.4). */
class NamedItemProxy extends Proxy {
  constructor(ctx: RequestContext, private find: () => NameState, nullable: boolean) {
    super(ctx);
    if (nullable) this.checkNull(() => this.find());
  }
  protected override snapshot() {
    return { name: () => this.find().name, formula: () => nameFormula(this.find()) };
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  /** NamedItem.getRange (ExcelApi 1.3): the cell the name refers to */
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const n = this.find();
      if (n.broken) throw new ExcelError("InvalidReference", `the name ${n.name} refers to #REF!`);
      return { sheet: n.sheet, box: n.box };
    });
  }
  delete(): void {
    this.later(() => {
      const n = this.find();
      this.ctx.state.names = this.ctx.state.names.filter((x) => x !== n);
    });
  }
}

export class NamedItemCollection extends Proxy {
  protected override snapshot() {
    return { items: () => this.ctx.state.names.map((n) => ({ name: n.name, formula: nameFormula(n) })) };
  }
  private byName(name: string): NameState {
    const n = this.ctx.state.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!n) throw new ExcelError("ItemNotFound", `no defined name "${name}"`);
    return n;
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.byName(name), false);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.byName(name), true);
  }
  get items(): { name: string; formula: string }[] {
    return this.read("items");
  }
  add(name: string, reference: RangeProxy | string, _comment?: string): void {
    this.later(() => {
      const s = this.ctx.state;
      rules.tableOrDefinedName(name, s.tables, s.names);
      if (typeof reference === "string") {
        const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(reference);
        if (!m) throw new ExcelError("InvalidReference", `"${reference}" is not a sheet reference`);
        s.names.push({ name, sheet: s.sheet((m[1] ?? m[2]).replace(/''/g, "'")), box: parseBox(m[3]) });
      } else {
        const { sheet, box } = reference.resolve();
        s.names.push({ name, sheet, box });
      }
    });
  }
}

function absolute(b: Box): string {
  const one = (r: number, c: number) => `$${letters(c)}$${r + 1}`;
  return b.rows === 1 && b.columns === 1 ? one(b.row, b.column) : `${one(b.row, b.column)}:${one(b.row + b.rows - 1, b.column + b.columns - 1)}`;
}

export class WorkbookProxy {
  worksheets: WorksheetCollection;
  tables: TableCollection;
  names: NamedItemCollection;
  protection: WorkbookProtection;
  constructor(private ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx);
    this.names = new NamedItemCollection(ctx);
    this.protection = new WorkbookProtection(ctx);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.ctx.state;
      if (s.selection) return s.selection;
      if (!s.activeSheet) throw new ExcelError("ItemNotFound", "no sheet");
      return { sheet: s.activeSheet, box: { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sel = this.getSelectedRange().resolve();
      return { sheet: sel.sheet, box: { row: sel.box.row, column: sel.box.column, rows: 1, columns: 1 } };
    });
  }
}
