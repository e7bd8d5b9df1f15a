// Explorer: dates, granularity, one or two group-bys and filters, a stacked chart and a table, CSV.
// Every control writes the URL, so the view can be shared; the page is drawn from the URL alone.
'use strict';

Spendlens.pages = Spendlens.pages || {};

Spendlens.pages.explorer = (function () {
  const f = Spendlens.format;
  const ui = Spendlens.ui;
  const api = Spendlens.api;
  const MAX_TABLE_ROWS = 500;
  const METRICS = { UnblendedCost: 'Unblended cost', NetUnblendedCost: 'Net unblended cost', Tokens: 'Tokens' };

  function state(route, store) {
    const p = route.params;
    const asOf = Spendlens.app.asOf(store);
    return {
      from: p.get('from') || f.addMonths(f.monthStart(asOf), -5),
      to: p.get('to') || f.addDays(asOf, 1),
      granularity: p.get('granularity') || 'MONTHLY',
      groupBy: (p.get('groupBy') === null ? 'team' : p.get('groupBy')).split(',').filter(Boolean).slice(0, 2),
      filter: p.get('filter') ? parseFilter(p.get('filter')) : null,
      chart: p.get('chart') === 'line' ? 'line' : 'bar',
      metric: METRICS[p.get('metric')] ? p.get('metric') : 'UnblendedCost'
    };
  }

  function parseFilter(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return { invalid: text };
    }
  }

  function write(s) {
    const params = new URLSearchParams({ from: s.from, to: s.to, granularity: s.granularity, groupBy: s.groupBy.join(','), chart: s.chart });
    if (s.metric !== 'UnblendedCost') {
      params.set('metric', s.metric);
    }
    if (s.filter) {
      params.set('filter', JSON.stringify(s.filter));
    }
    Spendlens.app.navigate('explorer', params);
  }

  // 'team' -> ALLOCATION, 'TAG:iamPrincipal/team' -> TAG, 'MODEL' -> DIMENSION.
  function groupDefinition(key, allocationKeys) {
    if (key.toUpperCase().startsWith('TAG:')) {
      return { Type: 'TAG', Key: key.substring(4) };
    }
    return { Type: allocationKeys.has(key) ? 'ALLOCATION' : 'DIMENSION', Key: key };
  }

  // Filter rows the editor can show: a Match, a Not(Match), or an And of those.
  function rows(filter) {
    if (!filter) {
      return [];
    }
    const list = filter.And ? filter.And : [filter];
    const result = [];
    for (const expression of list) {
      const negate = Boolean(expression.Not);
      const match = negate ? expression.Not : expression;
      const kind = match.Dimensions ? 'Dimensions' : match.Tags ? 'Tags' : null;
      if (!kind || (match[kind].MatchOptions && match[kind].MatchOptions.length)) {
        return null;
      }
      result.push({ key: kind === 'Tags' ? 'TAG:' + match.Tags.Key : match.Dimensions.Key, values: match[kind].Values || [], negate: negate });
    }
    return result;
  }

  function expression(filterRows) {
    const parts = filterRows.filter(r => r.key && r.values.length).map(r => {
      const match = r.key.toUpperCase().startsWith('TAG:') ? { Tags: { Key: r.key.substring(4), Values: r.values } } : { Dimensions: { Key: r.key, Values: r.values } };
      return r.negate ? { Not: match } : match;
    });
    return parts.length === 0 ? null : parts.length === 1 ? parts[0] : { And: parts };
  }

  async function render(container, route, isCurrent) {
    const store = await api.store();
    const s = state(route, store);
    const [dimensions, tags] = await Promise.all([
      api.get('/api/v1/dimensions'),
      api.get('/api/v1/tags', { from: s.from, to: s.to, pageSize: 1000 }).catch(() => ({ TagKeys: [] }))
    ]);
    if (!isCurrent()) {
      return;
    }
    const allocationKeys = new Set(dimensions.Dimensions.filter(d => d.Type === 'ALLOCATION').map(d => d.Key));
    const keys = dimensions.Dimensions.filter(d => d.Type === 'ALLOCATION').map(d => d.Key)
      .concat(dimensions.Dimensions.filter(d => d.Type === 'DIMENSION').map(d => d.Key))
      .concat(tags.TagKeys.map(t => 'TAG:' + t.Key));
    const filterRows = s.filter && !s.filter.invalid ? rows(s.filter) : [];
    container.innerHTML = controls(s, keys, filterRows) + `
      <section class="card"><div class="chart chart-tall" id="explorer-chart"></div></section>
      <section class="card" id="explorer-results">${ui.loading()}</section>`;
    wire(container, s, filterRows, keys);
    await results(s, allocationKeys, store.Currency, isCurrent);
  }

  function options(keys, selected, none) {
    return (none ? `<option value="">${none}</option>` : '') + keys.map(k => `<option value="${f.escape(k)}"${k === selected ? ' selected' : ''}>${f.escape(k)}</option>`).join('');
  }

  function controls(s, keys, filterRows) {
    const filterNote = s.filter && (s.filter.invalid || filterRows === null)
      ? `<div class="notice notice-info" id="raw-filter">This view is filtered by an expression the editor cannot show: <code>${f.escape(s.filter.invalid || JSON.stringify(s.filter))}</code> <button type="button" id="clear-filter">Clear filter</button></div>`
      : '';
    return `
      <div class="page-head"><h1>Explorer</h1></div>
      <form class="controls card" id="explorer-controls" onsubmit="return false">
        <label>From <input type="date" id="from" value="${f.escape(s.from)}"></label>
        <label><span>To <span class="muted">(exclusive)</span></span> <input type="date" id="to" value="${f.escape(s.to)}"></label>
        <label>Granularity <select id="granularity">${['MONTHLY', 'DAILY', 'HOURLY'].map(g => `<option${g === s.granularity ? ' selected' : ''}>${g}</option>`).join('')}</select></label>
        <label>Group by <select id="group-by-1">${options(keys, s.groupBy[0] || '', '(none)')}</select></label>
        <label>then by <select id="group-by-2"${s.groupBy.length ? '' : ' disabled'}>${options(keys, s.groupBy[1] || '', '(none)')}</select></label>
        <label>Metric <select id="metric">${Object.entries(METRICS).map(([k, v]) => `<option value="${k}"${k === s.metric ? ' selected' : ''}>${v}</option>`).join('')}</select></label>
        <label>Chart <select id="chart-type"><option value="bar"${s.chart === 'bar' ? ' selected' : ''}>Stacked bars</option><option value="line"${s.chart === 'line' ? ' selected' : ''}>Stacked lines</option></select></label>
        <div class="filters" id="filters">
          ${(filterRows || []).map((r, i) => filterRow(r, i, keys)).join('')}
          <button type="button" id="add-filter">+ Filter</button>
        </div>
        ${filterNote}
      </form>`;
  }

  function filterRow(row, index, keys) {
    return `<div class="filter-row" data-index="${index}">
      <select class="filter-key">${options(keys, row.key, 'choose a key')}</select>
      <select class="filter-op"><option value="is"${row.negate ? '' : ' selected'}>is</option><option value="not"${row.negate ? ' selected' : ''}>is not</option></select>
      <select class="filter-values" multiple size="3">${row.values.map(v => `<option selected value="${f.escape(v)}">${f.escape(f.label(v))}</option>`).join('')}</select>
      <button type="button" class="filter-remove" title="Remove this filter">×</button></div>`;
  }

  function wire(container, s, filterRows, keys) {
    const value = id => container.querySelector('#' + id).value;
    const update = () => {
      const groupBy = [value('group-by-1'), value('group-by-2')].filter(Boolean).filter((k, i, all) => all.indexOf(k) === i);
      write(Object.assign({}, s, {
        from: value('from'), to: value('to'), granularity: value('granularity'), groupBy: value('group-by-1') ? groupBy : [],
        chart: value('chart-type'), metric: value('metric'), filter: currentFilter()
      }));
    };
    const currentFilter = () => {
      if (filterRows === null || (s.filter && s.filter.invalid)) {
        return s.filter;
      }
      const edited = Array.from(container.querySelectorAll('.filter-row')).map(row => ({
        key: row.querySelector('.filter-key').value,
        negate: row.querySelector('.filter-op').value === 'not',
        values: Array.from(row.querySelector('.filter-values').selectedOptions).map(o => o.value)
      }));
      return expression(edited);
    };
    ['from', 'to', 'granularity', 'group-by-1', 'group-by-2', 'chart-type', 'metric'].forEach(id => container.querySelector('#' + id).addEventListener('change', update));
    const clear = container.querySelector('#clear-filter');
    if (clear) {
      clear.addEventListener('click', () => write(Object.assign({}, s, { filter: null })));
    }
    container.querySelector('#add-filter').addEventListener('click', () => {
      const holder = document.createElement('div');
      holder.innerHTML = filterRow({ key: '', values: [], negate: false }, container.querySelectorAll('.filter-row').length, keys);
      const row = holder.firstElementChild;
      container.querySelector('#add-filter').before(row);
      wireRow(row, s, update);
    });
    container.querySelectorAll('.filter-row').forEach(row => wireRow(row, s, update));
  }

  function wireRow(row, s, update) {
    const keySelect = row.querySelector('.filter-key');
    const valuesSelect = row.querySelector('.filter-values');
    const load = async () => {
      if (!keySelect.value) {
        return;
      }
      const chosen = new Set(Array.from(valuesSelect.selectedOptions).map(o => o.value));
      try {
        const answer = await api.get('/api/v1/dimensions/' + keySelect.value.split('/').map(encodeURIComponent).join('/') + '/values', { from: s.from, to: s.to, pageSize: 200 });
        valuesSelect.innerHTML = answer.DimensionValues.map(v => `<option value="${f.escape(v.Value)}"${chosen.has(v.Value) ? ' selected' : ''}>${f.escape(f.label(v.Value))}</option>`).join('');
      } catch (e) {
        valuesSelect.innerHTML = `<option disabled>${f.escape(e.message)}</option>`;
      }
    };
    keySelect.addEventListener('change', () => { valuesSelect.innerHTML = ''; load(); });
    valuesSelect.addEventListener('change', update);
    row.querySelector('.filter-op').addEventListener('change', update);
    row.querySelector('.filter-remove').addEventListener('click', () => { row.remove(); update(); });
    load();
  }

  async function results(s, allocationKeys, currency, isCurrent) {
    const element = document.getElementById('explorer-results');
    const chartElement = document.getElementById('explorer-chart');
    const request = {
      TimePeriod: { Start: s.from, End: s.to }, Granularity: s.granularity, Metrics: [s.metric],
      GroupBy: s.groupBy.map(k => groupDefinition(k, allocationKeys))
    };
    if (s.filter && !s.filter.invalid) {
      request.Filter = s.filter;
    }
    let answer;
    try {
      answer = await api.costAndUsage(request);
    } catch (e) {
      if (isCurrent()) {
        chartElement.parentElement.remove();
        element.innerHTML = ui.errorBox(e, 'this breakdown');
      }
      return;
    }
    if (!isCurrent()) {
      return;
    }
    const m = api.matrix(answer, s.metric);
    const unit = s.metric === 'Tokens' ? null : m.unit || currency;
    const show = amount => unit ? f.money(amount, unit) : f.number(amount);
    const grandTotal = m.totals.reduce((sum, t) => sum + Number(t), 0);
    if (grandTotal === 0 && !m.rows.some(r => r.total !== 0)) {
      chartElement.parentElement.remove();
      element.innerHTML = ui.empty(`<strong>No ${METRICS[s.metric].toLowerCase()} in this period${s.filter ? ' for this filter' : ''}.</strong> Widen the dates or remove a filter.`);
      return;
    }
    const rowsForChart = m.rows.length ? m.rows : [{ keys: ['Total'], values: m.totals.map(Number) }];
    Spendlens.charts.stacked(chartElement, {
      categories: m.buckets, granularity: s.granularity, currency: unit || 'USD', type: s.chart,
      series: rowsForChart.map(row => ({ name: row.keys.map(f.label).join(' · '), values: row.values.slice() }))
    });
    const keyHeaders = s.groupBy.map(k => `<th>${f.escape(k)}</th>`).join('');
    const bucketHeaders = m.buckets.map(b => `<th class="num">${f.escape(f.bucket(b, s.granularity))}</th>`).join('');
    const cell = amount => unit ? ui.moneyCell(amount, unit) : `<td class="num" data-amount="${f.escape(amount)}">${f.escape(show(amount))}</td>`;
    const shown = m.rows.slice(0, MAX_TABLE_ROWS);
    const body = shown.map(row => `<tr data-keys="${f.escape(JSON.stringify(row.keys))}">${row.keys.map((k, i) => `<td class="key">${s.groupBy[i] === 'PRINCIPAL' ? ui.principalLink(k) : ui.valueLabel(k)}</td>`).join('')}
        ${cell(decimalSum(row.exact))}${row.exact.map(cell).join('')}</tr>`).join('');
    const totalRow = `<tr class="total-row"><td colspan="${Math.max(1, s.groupBy.length)}">Total</td>${cell(decimalSum(m.totals))}${m.totals.map(cell).join('')}</tr>`;
    element.innerHTML = `
      <div class="results-head"><h2>${m.rows.length ? f.number(m.rows.length) + ' group' + (m.rows.length === 1 ? '' : 's') : 'Total'} <span class="subtitle">${f.escape(f.day(s.from))} – ${f.escape(f.day(f.addDays(s.to, -1)))}</span></h2>
        <button type="button" id="download-csv">Download CSV</button></div>
      ${m.truncated ? '<div class="notice notice-info">More groups exist than the dashboard fetches; narrow the filter or download with the API.</div>' : ''}
      ${m.rows.length > MAX_TABLE_ROWS ? `<div class="notice notice-info">The table shows the ${MAX_TABLE_ROWS} biggest of ${f.number(m.rows.length)} groups; the CSV has them all.</div>` : ''}
      <div class="table-scroll"><table class="table" id="explorer-table"><thead><tr>${keyHeaders || '<th></th>'}<th class="num">Total</th>${bucketHeaders}</tr></thead>
      <tbody>${m.rows.length ? body : ''}${totalRow}</tbody></table></div>`;
    document.getElementById('download-csv').addEventListener('click', () => download(csv(s, m), 'spendlens-' + s.from + '-' + s.to + '.csv'));
  }

  // Exact sums of decimal strings (amounts carry up to 10 decimals), so the CSV's totals are exact.
  function decimalSum(amounts) {
    const SCALE = 10;
    let sum = 0n;
    for (const amount of amounts) {
      const negative = amount.startsWith('-');
      const [whole, fraction = ''] = (negative ? amount.substring(1) : amount).split('.');
      const scaled = BigInt(whole || '0') * 10n ** BigInt(SCALE) + BigInt((fraction + '0'.repeat(SCALE)).substring(0, SCALE) || '0');
      sum += negative ? -scaled : scaled;
    }
    const negative = sum < 0n;
    const digits = (negative ? -sum : sum).toString().padStart(SCALE + 1, '0');
    const whole = digits.substring(0, digits.length - SCALE);
    const fraction = digits.substring(digits.length - SCALE).replace(/0+$/, '');
    return (negative ? '-' : '') + whole + (fraction ? '.' + fraction : '');
  }

  function csv(s, m) {
    const quote = value => /[",\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
    const lines = [(s.groupBy.length ? s.groupBy : ['']).concat(['Total'], m.buckets.map(b => b.substring(0, s.granularity === 'HOURLY' ? 16 : 10))).map(quote).join(',')];
    m.rows.forEach(row => lines.push(row.keys.concat([decimalSum(row.exact)], row.exact).map(quote).join(',')));
    lines.push(['Total'].concat(s.groupBy.slice(1).map(() => ''), [decimalSum(m.totals)], m.totals).map(quote).join(','));
    return lines.join('\n') + '\n';
  }

  function download(text, name) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    link.download = name;
    link.id = 'csv-link';
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  return { render, decimalSum, csv };
})();
