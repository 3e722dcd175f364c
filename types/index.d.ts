// TypeScript declarations of the loader's JS API (www/src/index.js). The spec's types are
// generated (./spec.d.ts, from the validator's field lists); these follow the loader by hand,
// and types/example.ts, which calls every one of them, is compiled by `tsc --noEmit` in the
// test suite so that a change to one side without the other fails.
import type { ChartSpec } from './spec.js';

export type { ChartSpec } from './spec.js';
export * from './spec.js';

/** Where the wasm lives and how live data is fetched (call before the first chart loads). */
export interface ConfigureOptions {
  /** The folder of the wasm package (default: ../pkg/ beside the loader, or <meta name="indicator-chart-pkg">). */
  pkgUrl?: string | URL;
  /** Milliseconds before a data file's fetch is given up (default 15000). */
  fetchTimeout?: number;
  /** Milliseconds before a failed data file is fetched again (default 30000, growing). */
  retryDelay?: number;
}

/** What a chart cannot show: the message it shows, and the JSON path it names. */
export declare class ChartError extends Error {
  /** The JSON path of the problem (`series[0].values[3]`), or undefined. */
  path?: string;
  /** The language of the message (`ja` / `en`). */
  locale?: string;
}

/** A `data` chart's feed. Times are milliseconds since the epoch. */
export interface DataStatus {
  url: string;
  fetchedAt: number | null;
  failures: number;
  /** 0 when no refresh is due. */
  nextAt: number;
}

/** A keyboard stop of the last paint. */
export interface ChartPoint {
  series: number;
  index: number;
  x: number;
  y: number;
}

/** The chart's table: what 「データを表で見る」 shows. */
export interface ChartTable {
  caption: string;
  header: string[];
  /** Each row: its header cell, then one cell a column. */
  rows: string[][];
  footnotes: string[];
  /** Maps: the columns that sort, the numbers they sort by, the column the rows come in. */
  sortable?: number[];
  sortKeys?: number[];
  orderColumn?: number;
}

/** The chart's words as the page shows them (title, summary, dates, source, notes …). */
export type PageText = Record<string, unknown> & { title: string; description: string; locale: string };

/** A chart on the page: from `render()` or `chartOf()`. */
export interface ChartHandle {
  readonly element: HTMLElement;
  /** Shows another spec in the same place; rejects with a ChartError (which it also shows). */
  update(spec: ChartSpec): Promise<ChartHandle>;
  /** A `data` chart: fetches its file now. Resolves to null, or the ChartError already shown. */
  refresh(): Promise<ChartError | null>;
  /** Removes the chart and stops its refreshes. */
  destroy(): void;
  readonly dataStatus: DataStatus | null;
  readonly pageText: PageText | null;
  table(): ChartTable | null;
  /** Saves the chart shown as a file, as its own buttons do (PNG at 2×; named from title and 時点). */
  download(kind: 'csv' | 'png' | 'svg'): Promise<void>;
  pointText(series: number, index: number): string;
  /** The point under (x, y) in CSS pixels of the canvas, or -1. */
  pointAt(x: number, y: number): number;
  points(): ChartPoint[];
}

/** Renders `spec` into `element` (its shadow root); rejects with a ChartError it also shows. */
export declare function render(element: HTMLElement, spec: ChartSpec): Promise<ChartHandle>;
/** The handle of a chart already on `element`, or null. */
export declare function chartOf(element: Element | null): ChartHandle | null;
export declare function configure(options?: ConfigureOptions): void;

/** The `<indicator-chart>` element (attributes `src`, `refresh`, `heading-level`). */
export declare class IndicatorChartElement extends HTMLElement {}

/** `indicator-chart:rendered`: painted, at this size and device-pixel ratio. */
export interface RenderedDetail {
  width: number;
  height: number;
  dpr: number;
}

/** `indicator-chart:error`: the message shown; `stale` when the last good chart stays. */
export interface ErrorDetail {
  message: string;
  path?: string;
  stale: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'indicator-chart': IndicatorChartElement;
  }
  interface HTMLElementEventMap {
    'indicator-chart:rendered': CustomEvent<RenderedDetail>;
    'indicator-chart:error': CustomEvent<ErrorDetail>;
  }
}
