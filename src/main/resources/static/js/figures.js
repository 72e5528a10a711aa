// Draws each measure's trend (on a canvas: the SVG renderer writes style attributes, which the CSP refuses) (online against offline) from the numbers in its data-chart attribute. The table beside
// every chart holds the same numbers, so a reader without the chart (no script, a screen reader) misses nothing.
(function () {
  'use strict';
  if (typeof window.echarts === 'undefined') {
    return;
  }
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var data;
    try {
      data = JSON.parse(element.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    var suffix = data.share ? ' %' : '';
    chart.setOption({
      aria: { enabled: false },
      animation: false,
      color: ['#1d70b8', '#f47738'],
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '–' : v + suffix; } },
      legend: { data: [data.onlineLabel, data.offlineLabel], top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: data.months },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}' + suffix } },
      series: [
        { name: data.onlineLabel, type: 'line', data: data.online, connectNulls: false, symbol: 'circle' },
        { name: data.offlineLabel, type: 'line', data: data.offline, connectNulls: false, symbol: 'rect', lineStyle: { type: 'dashed' } }
      ]
    });
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
