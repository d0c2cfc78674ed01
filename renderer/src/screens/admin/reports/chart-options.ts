import type { z } from 'zod';
import type { ChartDataSchema } from '@domain/contract/reports-api.js';

type ChartData = z.infer<typeof ChartDataSchema>;
const MIN = 60_000;

/** Colours that keep their contrast on the white panel (and for the colour-blind: blue to orange). */
const HEAT = ['#e8f1fb', '#9ecae1', '#4292c6', '#f59e0b', '#c2410c'];

/** Waits by day and hour: one cell per hour with a call, its colour the mean wait in minutes. */
export function waitHeatmap(d: ChartData, title: string) {
  const hours = [...new Set(d.waitCells.map((c) => c[1]))].sort((a, b) => a - b);
  const max = Math.max(1, ...d.waitCells.map((c) => c[2] / MIN));
  return {
    aria: { enabled: true, label: { description: title } },
    tooltip: { position: 'top' },
    grid: { left: 90, right: 20, top: 10, bottom: 70 },
    xAxis: { type: 'category', data: hours.map((h) => `${String(h).padStart(2, '0')}:00`), splitArea: { show: true } },
    yAxis: { type: 'category', data: d.days, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.ceil(max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: HEAT } },
    series: [
      {
        type: 'heatmap',
        name: title,
        data: d.waitCells.map(([day, hour, mean]) => [hours.indexOf(hour), day, Math.round((mean / MIN) * 10) / 10]),
        label: { show: d.days.length <= 14 },
      },
    ],
  };
}

/** Tickets issued and served per day, as bars. */
export function dailyVolumes(d: ChartData, names: { issued: string; served: string }, title: string) {
  return {
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: 'axis' },
    legend: { data: [names.issued, names.served] },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: d.daily.map((x) => x.day) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: names.issued, data: d.daily.map((x) => x.issued), itemStyle: { color: '#2563eb' } },
      { type: 'bar', name: names.served, data: d.daily.map((x) => x.served), itemStyle: { color: '#15803d' } },
    ],
  };
}

/** The share of 满意 and above per day, as a line (a day without ratings is a gap, not 0 %). */
export function satisfactionTrend(d: ChartData, name: string, title: string) {
  return {
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: d.daily.map((x) => x.day) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        type: 'line',
        name,
        connectNulls: false,
        data: d.daily.map((x) => (x.satisfactionRate === null ? null : Math.round(x.satisfactionRate * 1000) / 10)),
        itemStyle: { color: '#7c3aed' },
      },
    ],
  };
}
