/* nianbao JS API — types for nianbao.js (wasm-bindgen, --target web). */

export type Severity = "error" | "warning" | "info";
export type Family = "structure" | "tables" | "values" | "arithmetic" | "narrative" | "metadata" | "content" | "residue" | "hygiene";

export interface CheckOptions {
  /** Language of `message` and `title`: "zh" (default) or "en". */
  lang?: "zh" | "en";
  /** Rule codes not to run, e.g. ["X01", "V02"]. */
  disable?: string[];
}

/** A place in the text; `start`/`end` are UTF-16 code units, `line`/`column` 1-based characters. */
export interface Place {
  line: number;
  column: number;
  start: number;
  end: number;
}

export interface Related extends Place {
  /** The note in the `lang` of `check` (Chinese by default). */
  message: string;
  /** The other language's note (English by default); report text quoted in “…”. */
  message_en: string;
}

/** One change of a fix: put `replacement` where `start`..`end` (UTF-16) is; "" deletes. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

export interface Diagnostic extends Place {
  code: string;
  severity: Severity;
  title: string;
  message: string;
  message_en: string;
  related: Related[];
  /** The correction, present only where the rule is sure of it: placeholders to 0 (V02), the
   * official numbering (S03), conversion leftovers deleted (X01), a total that disagrees with
   * its parts set to their sum when no other sum confirms it (A02–A04; the text may still
   * state the old figure). Apply every edit, from the last to the first. */
  fix?: Edit[];
}

export interface Section {
  number: number;
  heading: string;
  line: number;
  start: number;
  end: number;
}

export interface CellOut {
  row: string;
  column: string;
  value: number | null;
  /** `unplaced`: the row's values could not be put in columns (T05); `not_in_text`: the text
   * ends before this cell (S07). Neither takes part in any sum. */
  kind:
    | "number"
    | "placeholder"
    | "empty"
    | "missing"
    | "text"
    | "qualified"
    | "split"
    | "unplaced"
    | "not_in_text";
  line: number;
  start: number;
  end: number;
}

export interface TableOut {
  /** 表二, 表三: rows[rowKey][columnKey]. */
  rows?: Record<string, Record<string, number | null>>;
  /** 表四: blocks[blockKey][columnKey]. */
  blocks?: Record<string, Record<string, number | null>>;
  cells: CellOut[];
  labels_only: boolean;
  missing_rows: string[];
  /** The text ends inside the table, in this row (later rows were never in the text). */
  truncated: string | null;
  /** The text begins inside the table, at this row (earlier rows were never in the text). */
  cut_before: string | null;
}

export interface Report {
  year: number | null;
  issuer: string | null;
  /** The issuer's kind, from its name. */
  issuer_kind: "peoples_government" | "general_office" | "department" | "township" | "subdistrict" | "other" | null;
  template: "2019" | "2021" | null;
  sections: Section[];
  tables: { active: TableOut | null; requests: TableOut | null; reviews: TableOut | null };
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  report: Report;
  diagnostics: Diagnostic[];
  summary: Summary;
  offsets: "utf16";
}

export interface RuleInfo {
  code: string;
  severity: Severity;
  family: Family;
  title_zh: string;
  title_en: string;
  help_zh: string;
  help_en: string;
}

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads the wasm. In browsers with no argument it fetches nianbao_bg.wasm next to nianbao.js. */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<unknown>;

export function check(text: string, options?: CheckOptions): CheckResult;
export function rules(): RuleInfo[];
export function version(): string;
/** CSV (UTF-8 with BOM, for Excel) of a check() result, or of a text to check. */
export function toCsv(result: CheckResult | string, fileName?: string): string;
/** SARIF 2.1.0 (columnKind utf16CodeUnits) of a check() result, or of a text to check. */
export function toSarif(result: CheckResult | string, fileName?: string): object;
