// ECharts, set up once for the whole dashboard: stacked bars or lines over time, money tooltips.
'use strict';

Spendlens.charts = (function () {
  const f = Spendlens.format;
  const PALETTE = ['#3b6fd8', '#e07a2f', '#2ca58d', '#c44e8a', '#8a63d2', '#d4a72c', '#4aa3c8', '#7f8c3a', '#d35656', '#5b6b7f', '#a3a3a3'];
  const MAX_SERIES = 10;
  const instances = new Map();

  /**
   * Draws a stacked chart. series: [{name, values}], values aligned with categories. Series past
   * the tenth are summed into 'Other' so that the chart stays readable; the table shows them all.
   */
  function stacked(element, options) {
    const existing = instances.get(element);
    if (existing) {
      existing.dispose();
    }
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    instances.set(element, chart);
    let series = options.series;
    if (series.length > MAX_SERIES) {
      const other = { name: 'Other (' + (series.length - MAX_SERIES + 1) + ')', values: new Array(options.categories.length).fill(0) };
      series.slice(MAX_SERIES - 1).forEach(s => s.values.forEach((v, i) => { other.values[i] += v; }));
      series = series.slice(0, MAX_SERIES - 1).concat([other]);
    }
    const type = options.type === 'line' ? 'line' : 'bar';
    chart.setOption({
      color: PALETTE,
      animation: false,
      grid: { left: 12, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0, left: 0, right: 0, textStyle: { fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: type === 'bar' ? 'shadow' : 'line' },
        valueFormatter: value => f.money(value, options.currency),
        confine: true
      },
      xAxis: { type: 'category', data: options.categories.map(c => f.axis(c, options.granularity)), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { formatter: value => compactMoney(value, options.currency) } },
      series: series.map(s => ({
        name: s.name,
        type: type,
        stack: 'total',
        areaStyle: type === 'line' ? { opacity: 0.15 } : undefined,
        showSymbol: false,
        emphasis: { focus: 'series' },
        data: s.values.map(v => Math.round(v * 100) / 100)
      }))
    });
    return chart;
  }

  function compactMoney(value, currency) {
    const symbol = f.money(0, currency).replace(/[0-9.,\s]/g, '');
    const abs = Math.abs(value);
    if (abs >= 1e6) {
      return symbol + (value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 }) + 'M';
    }
    if (abs >= 1e3) {
      return symbol + (value / 1e3).toLocaleString('en-US', { maximumFractionDigits: 1 }) + 'k';
    }
    return symbol + value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }

  function disposeAll() {
    instances.forEach(chart => chart.dispose());
    instances.clear();
  }

  window.addEventListener('resize', () => instances.forEach(chart => chart.resize()));

  return { stacked, disposeAll };
})();
