// A report's chart as an SVG document: bars, lines or a pie, with axes, a legend and a tooltip (<title>) on every
// mark. One drawing for the report page (the bundle shows the string), the dashboard and the print page — no chart
// library in AdminJS's bundle (recharts 3 and react-querybuilder crash there; see GOVERNANCE.md). No Node imports.
import { formatTick, formatValue, type ValueKind } from './report-values.js';

export interface ChartData {
  kind: 'bar' | 'line' | 'pie';
  title: string;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  valueKind?: ValueKind;
}

export const CHART_COLOURS = ['#2d6a4f', '#4895ef', '#f4a261', '#e76f51', '#8d99ae', '#52b788', '#b5179e', '#ffb703'];

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const round = (n: number) => Math.round(n * 10) / 10;

/** Axis ticks from 0 (or the minimum, when negative) to a round maximum: 0, 20, 40 … */
function ticks(max: number, min: number, kind: ValueKind): number[] {
  if (kind === 'rate' && max <= 1 && min >= 0) return [0, 0.25, 0.5, 0.75, 1];
  const top = Math.max(max, 0);
  const bottom = Math.min(min, 0);
  const span = top - bottom || 1;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const first = Math.floor(bottom / step) * step;
  const result: number[] = [];
  for (let t = first; t < top + step - 1e-9; t += step) result.push(Number(t.toPrecision(12)));
  return result.length >= 2 ? result : [0, step];
}

/** A month on the axis: 2026-03 → 3月 (the title says which twelve months). */
function axisLabel(label: string): string {
  const month = /^\d{4}-(\d{2})$/.exec(label);
  return month ? `${Number(month[1])}月` : label;
}

/** The width of a label at 10px: a Chinese character is about 10px, a digit or letter about 6px. */
const widthOf = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 10 : 6), 0);

/** Labels narrower than the room under a bar: 收费管理部 → 收费管理… */
function shorten(text: string, room: number): string {
  if (widthOf(text) <= room) return text;
  let cut = text;
  while (cut.length > 1 && widthOf(cut) + 10 > room) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function legend(chart: ChartData, x: number, y: number): string {
  if (chart.series.length < 2) return '';
  let offset = 0;
  return chart.series
    .map((series, i) => {
      const item =
        `<rect x="${x + offset}" y="${y - 9}" width="10" height="10" fill="${CHART_COLOURS[i % CHART_COLOURS.length]}"/>` +
        `<text x="${x + offset + 14}" y="${y}" font-size="11">${escapeXml(series.name)}</text>`;
      offset += 24 + series.name.length * 12;
      return item;
    })
    .join('');
}

function axes(
  chart: ChartData,
  box: { left: number; top: number; width: number; height: number },
): { y: (v: number) => string; grid: string; x: (i: number) => number; band: number; xLabels: string } {
  const kind = chart.valueKind ?? 'count';
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => typeof v === 'number');
  const scale = ticks(Math.max(0, ...values), Math.min(0, ...values), kind);
  const low = scale[0];
  const high = scale[scale.length - 1];
  const y = (v: number) => String(round(box.top + box.height - ((v - low) / (high - low || 1)) * box.height));
  const grid = scale
    .map(
      (t) =>
        `<line x1="${box.left}" x2="${box.left + box.width}" y1="${y(t)}" y2="${y(t)}" stroke="#e5e5e5"/>` +
        `<text x="${box.left - 6}" y="${Number(y(t)) + 4}" font-size="10" text-anchor="end" fill="#666">${escapeXml(formatTick(t, kind))}</text>`,
    )
    .join('');
  const count = Math.max(chart.labels.length, 1);
  const band = box.width / count;
  const x = (i: number) => box.left + band * i + band / 2;
  // Every label when they fit, else every n-th (a month's 31 days read 1, 5, 9 …).
  const every = Math.max(1, Math.ceil((count * 28) / box.width));
  const room = Math.max(20, band - 2);
  const xLabels = chart.labels
    .map((label, i) =>
      i % every === 0
        ? `<text x="${round(x(i))}" y="${box.top + box.height + 15}" font-size="10" text-anchor="middle" fill="#444">${escapeXml(
            every > 1 ? axisLabel(label) : shorten(axisLabel(label), room),
          )}</text>`
        : '',
    )
    .join('');
  return { y, grid, x, band, xLabels };
}

function barsAndLines(chart: ChartData, width: number, height: number): string {
  const top = chart.series.length > 1 ? 46 : 30;
  const box = { left: 56, top, width: width - 72, height: height - top - 28 };
  const { y, grid, x, band, xLabels } = axes(chart, box);
  const kind = chart.valueKind ?? 'count';
  const zero = Number(y(0));
  let marks = '';
  if (chart.kind === 'bar') {
    const groups = chart.series.length;
    const barWidth = Math.max(1, Math.min(36, (band * 0.75) / groups));
    chart.series.forEach((series, s) => {
      const colour = CHART_COLOURS[s % CHART_COLOURS.length];
      series.values.forEach((value, i) => {
        if (value === null) return;
        const top = Number(y(value));
        const left = x(i) - (barWidth * groups) / 2 + barWidth * s;
        const tip = `${chart.labels[i]}${groups > 1 ? ` · ${series.name}` : ''}：${formatValue(value, kind)}`;
        marks += `<rect x="${round(left)}" y="${round(Math.min(top, zero))}" width="${round(barWidth - 1)}" height="${round(
          Math.abs(zero - top),
        )}" fill="${colour}"><title>${escapeXml(tip)}</title></rect>`;
      });
    });
  } else {
    // The first series (this month, this survey …) is drawn last, on top of the ones it is compared with.
    [...chart.series].reverse().forEach((series, r) => {
      const s = chart.series.length - 1 - r;
      const colour = CHART_COLOURS[s % CHART_COLOURS.length];
      const points = series.values.map((value, i) => (value === null ? null : `${round(x(i))},${y(value)}`));
      // A gap (no value) breaks the line instead of drawing it to zero.
      const runs: string[][] = [[]];
      points.forEach((point) => (point ? runs[runs.length - 1].push(point) : runs.push([])));
      for (const run of runs.filter((r) => r.length > 0))
        marks += `<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`;
      series.values.forEach((value, i) => {
        if (value === null) return;
        const tip = `${chart.labels[i]}${chart.series.length > 1 ? ` · ${series.name}` : ''}：${formatValue(value, kind)}`;
        marks += `<circle cx="${round(x(i))}" cy="${y(value)}" r="3" fill="${colour}"><title>${escapeXml(tip)}</title></circle>`;
      });
    });
  }
  return (
    grid +
    `<line x1="${box.left}" x2="${box.left + box.width}" y1="${zero}" y2="${zero}" stroke="#999"/>` +
    marks +
    xLabels +
    legend(chart, 8, 34)
  );
}

function pie(chart: ChartData, width: number, height: number): string {
  const values = (chart.series[0]?.values ?? []).map((v) => Math.max(0, v ?? 0));
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.min(height - 50, width / 2 - 20) / 2;
  const cx = r + 20;
  const cy = 34 + r;
  const kind = chart.valueKind ?? 'count';
  if (total === 0) return `<text x="${cx}" y="${cy}" font-size="12" text-anchor="middle" fill="#666">暂无数据</text>`;
  let angle = -Math.PI / 2;
  let slices = '';
  let keys = '';
  values.forEach((value, i) => {
    const colour = CHART_COLOURS[i % CHART_COLOURS.length];
    const share = value / total;
    const tip = `${chart.labels[i]}：${formatValue(value, kind)}（${(share * 100).toFixed(1)}%）`;
    if (share >= 0.9999) {
      slices += `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}"><title>${escapeXml(tip)}</title></circle>`;
    } else if (share > 0) {
      const end = angle + share * 2 * Math.PI;
      const large = share > 0.5 ? 1 : 0;
      const p = (a: number) => `${round(cx + r * Math.cos(a))},${round(cy + r * Math.sin(a))}`;
      slices += `<path d="M${cx},${cy} L${p(angle)} A${r},${r} 0 ${large} 1 ${p(end)} Z" fill="${colour}" stroke="#fff"><title>${escapeXml(tip)}</title></path>`;
      angle = end;
    }
    const ky = 40 + i * 18;
    if (ky < height - 4)
      keys +=
        `<rect x="${cx + r + 24}" y="${ky - 10}" width="10" height="10" fill="${colour}"/>` +
        `<text x="${cx + r + 40}" y="${ky}" font-size="11">${escapeXml(`${shorten(chart.labels[i], 130)} ${(share * 100).toFixed(1)}%`)}</text>`;
  });
  return slices + keys;
}

/** The chart as a standalone SVG (width × height user units, scaled by the page). */
export function chartSvg(chart: ChartData, width = 640, height = 260): string {
  const body = chart.kind === 'pie' ? pie(chart, width, height) : barsAndLines(chart, width, height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeXml(chart.title)}" font-family="'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif">` +
    `<text x="8" y="16" font-size="13" font-weight="bold" fill="#222">${escapeXml(chart.title)}</text>` +
    body +
    `</svg>`
  );
}
