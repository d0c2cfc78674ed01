import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The charting library, loaded only by the reports section (ReportCharts imports this file with
 * import(), so it is its own chunk and no kiosk or clerk screen downloads it). Only the parts
 * the reports draw are registered, and the SVG renderer: sharp at any zoom, and smaller than canvas.
 */
echarts.use([BarChart, HeatmapChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

/** Draws `option` in `el`; the returned function frees the chart (on unmount or a new option). */
export function mountChart(el: HTMLElement, option: Record<string, unknown>): () => void {
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption(option);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
