import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ChartDataSchema } from '@domain/contract/reports-api.js';
import { dailyVolumes, satisfactionTrend, waitHeatmap } from './chart-options.js';

type ChartData = z.infer<typeof ChartDataSchema>;
type Mount = (el: HTMLElement, option: Record<string, unknown>) => () => void;

/** One chart: a figure with its caption; the drawing is described by the caption for screen readers
 * (the same figures are in the table below, which is what a screen reader should read). */
function Chart({ title, option, mount, testId }: { title: string; option: Record<string, unknown>; mount: Mount | null; testId: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!mount || !el.current) return undefined;
    return mount(el.current, option);
  }, [mount, option]);
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={el} className="report-chart__canvas" role="img" aria-label={title} />
    </figure>
  );
}

/** The reports' charts. The charting library arrives with the first chart (its own chunk). */
export function ReportCharts({ data }: { data: ChartData }) {
  const { t } = useTranslation();
  const [mount, setMount] = useState<Mount | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('./report-echarts.js').then(
      (m) => live && setMount(() => m.mountChart),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  // Built once per answer: a new option object would redraw the chart on every render.
  const options = useMemo(
    () => ({
      waits: waitHeatmap(data, t('reports.chart.waits')),
      volumes: dailyVolumes(data, { issued: t('reports.col.issued'), served: t('reports.col.served') }, t('reports.chart.volumes')),
      satisfaction: satisfactionTrend(data, t('reports.col.satisfaction'), t('reports.chart.satisfaction')),
    }),
    [data, t],
  );
  if (failed) return <p role="alert">{t('reports.chart.failed')}</p>;
  return (
    <div className="report-charts" aria-busy={mount === null}>
      {mount === null ? <p className="muted">{t('reports.chart.loading')}</p> : null}
      <Chart testId="chart-waits" title={t('reports.chart.waits')} option={options.waits} mount={mount} />
      <Chart testId="chart-volumes" title={t('reports.chart.volumes')} option={options.volumes} mount={mount} />
      <Chart testId="chart-satisfaction" title={t('reports.chart.satisfaction')} option={options.satisfaction} mount={mount} />
    </div>
  );
}
