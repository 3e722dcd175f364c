// The chart spec's TypeScript types, generated from the validator's field lists with
// docs/spec.schema.json: cargo run -p indicator-chart-cli --bin spec-schema. Do not edit.

export interface Data {
  /** ファイルの URL（http(s) か相対） / The file's URL (http(s) or relative) */
  url: string;
  /** 形式 / Format */
  format?: "auto" | "csv" | "estat" | "json";
  /** 見出しの前に飛ばす行数 / Title rows above the header */
  skipRows?: number;
  /** 見出しの行番号 / The header's line number */
  header?: number;
  /** 項目の列（e-Stat は分類） / The categories' column (e-Stat: class) */
  categories?: string;
  /** 値の列（e-Stat は系列の分類） / The values' column (e-Stat: the series' class) */
  series?: string;
  /** e-Stat: 分類ごとに残すコード / e-Stat: the code kept of each class */
  filter?: Record<string, string>;
}

export interface Source {
  /** 出典名 / The source's name */
  label?: string;
  /** 出典の URL / The source's URL */
  url?: string;
  /** 「を加工して作成」 / Derived from the source */
  derived?: boolean;
}

export interface YAxis {
  /** 軸の最小値 / Axis minimum */
  min?: number;
  /** 軸の最大値 / Axis maximum */
  max?: number;
  /** 軸の見出し / Axis caption */
  title?: string;
}

export interface Y2Axis {
  /** 軸の最小値 / Axis minimum */
  min?: number;
  /** 軸の最大値 / Axis maximum */
  max?: number;
  /** 軸の見出し / Axis caption */
  title?: string;
  /** 右の軸の単位 / The right axis' unit */
  unit?: string;
}

export interface Value {
  /** 値 / The value */
  value: number | null;
  /** p 速報値・r 訂正値 / p preliminary, r revised */
  flag?: "p" | "r";
  /** この点の注 / A note on this point */
  note?: string;
}

export interface Description {
  /** 代替テキスト / The text */
  text?: string;
  /** 置き換えるか追記するか / Replace or extend the summary */
  mode?: "replace" | "append";
}

export interface Previous {
  /** 前の値 / The earlier value */
  value: number;
  /** 前の値の時点 / Its date */
  asOf?: string | number;
  /** 前の値の名前（前年度） / Its name */
  label?: string;
}

export interface Share {
  /** 割合（%） / The percentage */
  value: number;
  /** 割合の説明 / What it is a share of */
  label?: string;
}

export interface Sparkline {
  /** 項目 / Categories */
  categories?: Array<string | number>;
  /** 値 / Values */
  values: Array<number | null>;
}

export interface LineAnnotation {
  /** 目標線 / A reference line */
  type: "line";
  /** 線の値 / Where the line is */
  value: number;
  /** ラベル / Label */
  label?: string;
  /** 軸 / Which axis */
  axis?: "left" | "right";
}

export interface BandAnnotation {
  /** 期間 / A shaded span */
  type: "band";
  /** 始まりの項目 / First category */
  from: string | number;
  /** 終わりの項目 / Last category */
  to: string | number;
  /** ラベル / Label */
  label?: string;
}

export interface PointAnnotation {
  /** 点 / A labelled point */
  type: "point";
  /** 系列の番号 / The series' index */
  series: number;
  /** 項目 / The category */
  category: string | number;
  /** ラベル / Label */
  label?: string;
}

export interface Scale {
  /** 階級の分け方 / How classes are made */
  type?: "quantile" | "equal" | "thresholds" | "diverging";
  /** 階級の数 / Number of classes */
  classes?: number;
  /** 階級の境（小さい順） / Class breaks, ascending */
  thresholds?: Array<number>;
}

export interface Reference {
  /** ラベル / Label */
  label?: string;
  /** 比べる値 / The figure */
  value: number;
}

export interface CommonSpec {
  /** 表題。グラフのアクセシブルな名前にもなる / The title above the chart; its accessible name */
  title: string;
  /** 副題 / Under the title */
  subtitle?: string;
  /** 値の単位（「万枚」のように桁を含む単位では万・億の表記をしない） / The values' unit (a unit with a scale, 万枚, turns off 万/億 grouping) */
  unit?: string;
  /** 表示する小数の桁数（0〜6） / Decimals of printed values (0–6) */
  decimals?: number;
  /** 出典 / The source: a label, or { label, url, derived } */
  source?: string | Source;
  /** 時点（「2025年7月時点」） / The figures' date (時点) */
  asOf?: string | number | "auto";
  /** 更新日 / The date the chart was updated (更新日) */
  updated?: string | number | "auto";
  /** 注記（「※」を付けて表示） / Notes under the chart */
  notes?: string | Array<string>;
  /** 言語（省略時はページの lang） / Language (default: the page's lang) */
  locale?: "ja" | "en";
  /** デジタル庁ダッシュボードの配色 / The Digital Agency dashboard palette */
  theme?: "Blue" | "LightBlue" | "Cyan" | "Green" | "Orange" | "Red" | "SolidGray";
  /** 明暗（auto は閲覧者の設定に従う） / Light, dark or the reader's preference */
  colorScheme?: "light" | "dark" | "auto";
  /** カード表示（背景・角丸） / Draw the chart as a DADS card */
  card?: boolean;
  /** 和暦を併記（令和7（2025）年） / Add the Japanese era to dates */
  era?: boolean;
  /** 代替テキスト（自動の要約を置き換える・追記する） / Your own text alternative (replaces or extends the summary) */
  description?: string | Description;
  /** このスキーマの URL（エディタの補完用。グラフは読みません） / This schema's URL (for editors; the chart ignores it) */
  "$schema"?: string;
}

export interface LineSeries {
  /** 系列名（凡例・表の見出し） / Legend and table header */
  name?: string;
  /** 項目ごとの値 / One value per category */
  values?: Array<number | null | string | Value>;
  /** データファイルの列 / The data file's column */
  column?: string;
  /** この系列の種類（複合グラフ） / This series' kind (combo charts) */
  type?: "line" | "column" | "area";
  /** 使う軸 / Which value axis */
  axis?: "left" | "right";
  /** 線の種類 / Line style */
  style?: "solid" | "dashed" | "dotted";
  /** 点の形 / Marker shape */
  marker?: "circle" | "square" | "triangle" | "diamond" | "none";
  /** 色（#RRGGBB） / Colour (#RRGGBB) */
  color?: string;
}

export interface LineSpec extends CommonSpec {
  type: "line";
  /** 項目（日付なら時間軸） / Categories (dates make a time axis) */
  categories?: Array<string | number>;
  /** 系列の一覧 / The series */
  series?: Array<LineSeries>;
  /** データファイル（CSV・e-Stat・JSON） / A data file (CSV, e-Stat, JSON) the figures come from */
  data?: Data;
  /** 再読み込みの間隔（秒） / Seconds between refreshes of the data file */
  refresh?: number;
  /** 値の軸（左） / The value axis (left) */
  yAxis?: YAxis;
  /** 右の値の軸 / The right value axis */
  y2Axis?: Y2Axis;
  /** 注釈（目標線・期間・点） / Annotations: a line, a band, a point */
  annotations?: Array<LineAnnotation | BandAnnotation | PointAnnotation>;
}

export interface AreaSeries {
  /** 系列名（凡例・表の見出し） / Legend and table header */
  name?: string;
  /** 項目ごとの値 / One value per category */
  values?: Array<number | null | string | Value>;
  /** データファイルの列 / The data file's column */
  column?: string;
  /** この系列の種類（複合グラフ） / This series' kind (combo charts) */
  type?: "line" | "column" | "area";
  /** 使う軸 / Which value axis */
  axis?: "left" | "right";
  /** 線の種類 / Line style */
  style?: "solid" | "dashed" | "dotted";
  /** 点の形 / Marker shape */
  marker?: "circle" | "square" | "triangle" | "diamond" | "none";
  /** 色（#RRGGBB） / Colour (#RRGGBB) */
  color?: string;
}

export interface AreaSpec extends CommonSpec {
  type: "area";
  /** 項目（日付なら時間軸） / Categories (dates make a time axis) */
  categories?: Array<string | number>;
  /** 系列の一覧 / The series */
  series?: Array<AreaSeries>;
  /** データファイル（CSV・e-Stat・JSON） / A data file (CSV, e-Stat, JSON) the figures come from */
  data?: Data;
  /** 再読み込みの間隔（秒） / Seconds between refreshes of the data file */
  refresh?: number;
  /** 積み上げ（percent は100%積み上げ） / Stacked, or 100% stacked */
  stacking?: "normal" | "percent";
  /** 値の軸（左） / The value axis (left) */
  yAxis?: YAxis;
  /** 右の値の軸 / The right value axis */
  y2Axis?: Y2Axis;
  /** 注釈（目標線・期間・点） / Annotations: a line, a band, a point */
  annotations?: Array<LineAnnotation | BandAnnotation | PointAnnotation>;
}

export interface ColumnSeries {
  /** 系列名（凡例・表の見出し） / Legend and table header */
  name?: string;
  /** 項目ごとの値 / One value per category */
  values?: Array<number | null | string | Value>;
  /** データファイルの列 / The data file's column */
  column?: string;
  /** この系列の種類（複合グラフ） / This series' kind (combo charts) */
  type?: "line" | "column" | "area";
  /** 使う軸 / Which value axis */
  axis?: "left" | "right";
  /** 線の種類 / Line style */
  style?: "solid" | "dashed" | "dotted";
  /** 点の形 / Marker shape */
  marker?: "circle" | "square" | "triangle" | "diamond" | "none";
  /** 色（#RRGGBB） / Colour (#RRGGBB) */
  color?: string;
}

export interface ColumnSpec extends CommonSpec {
  type: "column";
  /** 項目（日付なら時間軸） / Categories (dates make a time axis) */
  categories?: Array<string | number>;
  /** 系列の一覧 / The series */
  series?: Array<ColumnSeries>;
  /** データファイル（CSV・e-Stat・JSON） / A data file (CSV, e-Stat, JSON) the figures come from */
  data?: Data;
  /** 再読み込みの間隔（秒） / Seconds between refreshes of the data file */
  refresh?: number;
  /** 積み上げ（percent は100%積み上げ） / Stacked, or 100% stacked */
  stacking?: "normal" | "percent";
  /** 値の軸（左） / The value axis (left) */
  yAxis?: YAxis;
  /** 右の値の軸 / The right value axis */
  y2Axis?: Y2Axis;
  /** 注釈（目標線・期間・点） / Annotations: a line, a band, a point */
  annotations?: Array<LineAnnotation | BandAnnotation | PointAnnotation>;
}

export interface BarSeries {
  /** 系列名（凡例・表の見出し） / Legend and table header */
  name?: string;
  /** 項目ごとの値 / One value per category */
  values?: Array<number | null | string | Value>;
  /** データファイルの列 / The data file's column */
  column?: string;
  /** 色（#RRGGBB） / Colour (#RRGGBB) */
  color?: string;
}

export interface BarSpec extends CommonSpec {
  type: "bar";
  /** 項目（日付なら時間軸） / Categories (dates make a time axis) */
  categories?: Array<string | number>;
  /** 系列の一覧 / The series */
  series?: Array<BarSeries>;
  /** データファイル（CSV・e-Stat・JSON） / A data file (CSV, e-Stat, JSON) the figures come from */
  data?: Data;
  /** 再読み込みの間隔（秒） / Seconds between refreshes of the data file */
  refresh?: number;
  /** 積み上げ（percent は100%積み上げ） / Stacked, or 100% stacked */
  stacking?: "normal" | "percent";
  /** 値の軸（左） / The value axis (left) */
  yAxis?: YAxis;
  /** 右の値の軸 / The right value axis */
  y2Axis?: Y2Axis;
  /** 注釈（目標線・期間・点） / Annotations: a line, a band, a point */
  annotations?: Array<LineAnnotation | BandAnnotation | PointAnnotation>;
}

export interface PieSeries {
  /** 系列名（凡例・表の見出し） / Legend and table header */
  name?: string;
  /** 項目ごとの値 / One value per category */
  values?: Array<number | null | string | Value>;
  /** データファイルの列 / The data file's column */
  column?: string;
}

export interface PieSpec extends CommonSpec {
  type: "pie";
  /** 項目（日付なら時間軸） / Categories (dates make a time axis) */
  categories?: Array<string | number>;
  /** 系列の一覧 / The series */
  series?: Array<PieSeries>;
  /** データファイル（CSV・e-Stat・JSON） / A data file (CSV, e-Stat, JSON) the figures come from */
  data?: Data;
  /** 再読み込みの間隔（秒） / Seconds between refreshes of the data file */
  refresh?: number;
  /** ドーナツの中央の文字 / The words in a donut's centre */
  centerLabel?: string;
}

export interface DonutSeries {
  /** 系列名（凡例・表の見出し） / Legend and table header */
  name?: string;
  /** 項目ごとの値 / One value per category */
  values?: Array<number | null | string | Value>;
  /** データファイルの列 / The data file's column */
  column?: string;
}

export interface DonutSpec extends CommonSpec {
  type: "donut";
  /** 項目（日付なら時間軸） / Categories (dates make a time axis) */
  categories?: Array<string | number>;
  /** 系列の一覧 / The series */
  series?: Array<DonutSeries>;
  /** データファイル（CSV・e-Stat・JSON） / A data file (CSV, e-Stat, JSON) the figures come from */
  data?: Data;
  /** 再読み込みの間隔（秒） / Seconds between refreshes of the data file */
  refresh?: number;
  /** ドーナツの中央の文字 / The words in a donut's centre */
  centerLabel?: string;
}

export interface KpiSpec extends CommonSpec {
  type: "kpi";
  /** 表示する値 / The figure shown */
  value?: number;
  /** 比較する前の値 / The earlier figure to compare with */
  previous?: Previous;
  /** 全体に対する割合 / A share of a whole */
  share?: Share;
  /** 小さな推移の線 / A small trend line */
  sparkline?: Sparkline;
}

export interface ProgressSpec extends CommonSpec {
  type: "progress";
  /** 表示する値 / The figure shown */
  value?: number;
  /** 目標値 / The target */
  target?: number;
  /** 目標の名前 / The goal's name */
  goal?: string;
}

export interface MapSpec extends CommonSpec {
  type: "map";
  /** 都道府県（コード・団体コード・名前） / Prefectures: codes, local-government codes or names */
  regions?: Array<string | number>;
  /** 都道府県ごとの値 / One value per region */
  values?: Array<number | null | string | Value>;
  /** データファイル（CSV・e-Stat・JSON） / A data file (CSV, e-Stat, JSON) the figures come from */
  data?: Data;
  /** 再読み込みの間隔（秒） / Seconds between refreshes of the data file */
  refresh?: number;
  /** 地図（geo）かタイル（tiles） / Real shapes or the tile grid */
  layout?: "geo" | "tiles";
  /** 階級の分け方 / How values are classed */
  scale?: Scale;
  /** 比べる値（全国） / The figure compared with (national) */
  reference?: Reference;
}

/** Any chart's spec / 仕様 */
export type ChartSpec = LineSpec | AreaSpec | ColumnSpec | BarSpec | PieSpec | DonutSpec | KpiSpec | ProgressSpec | MapSpec;
