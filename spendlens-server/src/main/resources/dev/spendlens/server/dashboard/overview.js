// Overview: month to date, last month, change, top teams, principals and models, unallocated share,
// and a daily chart by team.
'use strict';

Spendlens.pages = Spendlens.pages || {};

Spendlens.pages.overview = (function () {
  const f = Spendlens.format;
  const ui = Spendlens.ui;
  const api = Spendlens.api;
  const UNOWNED = ['__unallocated__', '__unattributed_no_caller__'];

  async function render(container, route, isCurrent) {
    const store = await api.store();
    if (!store.LastDay) {
      container.innerHTML = `<h1>Overview</h1>` + ui.empty(`<strong>The store holds no Bedrock charges yet.</strong>
        Load a CUR 2.0 export with <code>./spendlens ingest &lt;folder or s3://bucket/prefix&gt;</code>,
        or try <code>./spendlens demo</code> for a generated organisation, then reload this page.`);
      return;
    }
    const currency = store.Currency;
    const asOf = Spendlens.app.asOf(store);
    const monthStart = f.monthStart(asOf);
    const end = f.addDays(asOf, 1);
    const lastMonthStart = f.addMonths(monthStart, -1);
    const dayOfMonth = Number(asOf.substring(8, 10));
    const sameDaysEnd = f.addDays(lastMonthStart, Math.min(dayOfMonth, Number(f.addDays(monthStart, -1).substring(8, 10))));
    const stale = asOf !== store.Today;

    container.innerHTML = `
      <div class="page-head">
        <h1>Overview <span class="subtitle">${f.month(asOf)}${stale ? '' : ', month to date'}</span></h1>
        ${stale ? `<p class="hint">The latest charge in the store is on ${f.day(store.LastDay)}: figures are for ${f.month(asOf)}, the latest month with data (today is ${f.day(store.Today)}).</p>` : ''}
      </div>
      <section class="kpis" id="kpis">${ui.loading()}</section>
      <section class="card"><h2>Daily spend by team <span class="subtitle">${f.day(monthStart)} – ${f.day(asOf)}</span></h2><div class="chart" id="daily-chart"></div><div id="daily-note"></div></section>
      <div class="grid-3">
        <section class="card" id="top-teams"><h2>Top teams</h2>${ui.loading()}</section>
        <section class="card" id="top-principals"><h2>Top principals</h2>${ui.loading()}</section>
        <section class="card" id="top-models"><h2>Top models</h2>${ui.loading()}</section>
      </div>`;

    const byTeamRequest = {
      TimePeriod: { Start: lastMonthStart, End: end }, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'ALLOCATION', Key: 'team' }]
    };
    const [byTeam, sameDays, daily, principals, models] = await Promise.allSettled([
      api.costAndUsage(byTeamRequest),
      api.post('/api/v1/cost-and-usage', { TimePeriod: { Start: lastMonthStart, End: sameDaysEnd }, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'] }),
      api.costAndUsage({ TimePeriod: { Start: monthStart, End: end }, Granularity: 'DAILY', Metrics: ['UnblendedCost'], GroupBy: [{ Type: 'ALLOCATION', Key: 'team' }] }),
      api.get('/api/v1/dimensions/PRINCIPAL/values', { from: monthStart, to: end, pageSize: 10 }),
      api.get('/api/v1/dimensions/MODEL/values', { from: monthStart, to: end, pageSize: 10 })
    ]);
    if (!isCurrent()) {
      return;
    }
    renderKpis(byTeam, sameDays, currency, asOf, monthStart, store);
    renderTeams(byTeam, currency);
    renderDaily(daily, currency);
    renderValues(document.getElementById('top-principals'), 'Top principals', principals, currency, 'principal');
    renderValues(document.getElementById('top-models'), 'Top models', models, currency, 'model');
  }

  function monthTotals(result) {
    const buckets = result.ResultsByTime;
    const current = buckets[buckets.length - 1];
    const previous = buckets.length > 1 ? buckets[0] : null;
    return { current: current, previous: previous };
  }

  function renderKpis(byTeam, sameDays, currency, asOf, monthStart, store) {
    const element = document.getElementById('kpis');
    if (byTeam.status === 'rejected') {
      element.innerHTML = ui.errorBox(byTeam.reason, 'the month totals');
      return;
    }
    const months = monthTotals(byTeam.value);
    const mtd = months.current.Total.UnblendedCost.Amount;
    const lastMonth = months.previous ? months.previous.Total.UnblendedCost.Amount : '0';
    const sameDaysTotal = sameDays.status === 'fulfilled' ? sameDays.value.ResultsByTime[0].Total.UnblendedCost.Amount : null;
    const change = sameDaysTotal === null ? { text: 'unavailable', direction: 'flat' } : f.change(mtd, sameDaysTotal);
    const unowned = months.current.Groups.filter(g => UNOWNED.includes(g.Keys[0])).reduce((sum, g) => sum + Number(g.Metrics.UnblendedCost.Amount), 0);
    element.innerHTML = `
      <div class="kpi" id="kpi-mtd"><div class="kpi-label">${asOf === store.Today ? 'Month to date' : 'Latest month'} <span class="muted">${f.day(monthStart)} – ${f.day(asOf)}</span></div>
        <div class="kpi-value" data-amount="${f.escape(mtd)}">${f.money(mtd, currency)}</div></div>
      <div class="kpi" id="kpi-last-month"><div class="kpi-label">Last month <span class="muted">${f.month(f.addMonths(monthStart, -1))}</span></div>
        <div class="kpi-value" data-amount="${f.escape(lastMonth)}">${f.money(lastMonth, currency)}</div></div>
      <div class="kpi" id="kpi-change"><div class="kpi-label">Change <span class="muted">vs the same days last month</span></div>
        <div class="kpi-value change-${change.direction}">${f.escape(change.text)}</div>
        <div class="kpi-foot">${sameDaysTotal === null ? '' : f.money(sameDaysTotal, currency) + ' then'}</div></div>
      <div class="kpi" id="kpi-unallocated"><div class="kpi-label">Unallocated share <span class="muted">no team</span></div>
        <div class="kpi-value">${f.percent(unowned, mtd)}</div>
        <div class="kpi-foot">${f.money(unowned, currency)} · <a href="#/untagged">see who</a></div></div>`;
  }

  function renderTeams(byTeam, currency) {
    const element = document.getElementById('top-teams');
    if (byTeam.status === 'rejected') {
      element.innerHTML = '<h2>Top teams</h2>' + ui.errorBox(byTeam.reason, 'spend by team');
      return;
    }
    const months = monthTotals(byTeam.value);
    const total = Number(months.current.Total.UnblendedCost.Amount);
    const previous = new Map((months.previous ? months.previous.Groups : []).map(g => [g.Keys[0], g.Metrics.UnblendedCost.Amount]));
    const groups = months.current.Groups.slice(0, 10);
    if (!groups.length) {
      element.innerHTML = '<h2>Top teams</h2>' + ui.empty('No spend this month yet.');
      return;
    }
    element.innerHTML = `<h2>Top teams</h2><table class="table" id="top-teams-table"><thead><tr><th>Team</th><th class="num">This month</th><th class="num">Last month</th><th></th></tr></thead><tbody>
      ${groups.map(g => `<tr><td><a href="#/explorer?${new URLSearchParams({ groupBy: 'MODEL', filter: JSON.stringify({ Dimensions: { Key: 'team', Values: [g.Keys[0]] } }) })}">${ui.valueLabel(g.Keys[0])}</a></td>
        ${ui.moneyCell(g.Metrics.UnblendedCost.Amount, currency)}${ui.moneyCell(previous.get(g.Keys[0]) || '0', currency)}
        <td class="share-cell">${ui.shareBar(Number(g.Metrics.UnblendedCost.Amount), total)}</td></tr>`).join('')}
      </tbody></table>`;
  }

  function renderDaily(daily, currency) {
    const element = document.getElementById('daily-chart');
    if (daily.status === 'rejected') {
      element.outerHTML = ui.errorBox(daily.reason, 'daily spend by team');
      return;
    }
    const m = api.matrix(daily.value, 'UnblendedCost');
    if (!m.rows.length) {
      element.outerHTML = ui.empty('No spend on any day of this month yet.');
      return;
    }
    Spendlens.charts.stacked(element, {
      categories: m.buckets, granularity: 'DAILY', currency: currency, type: 'bar',
      series: m.rows.map(row => ({ name: f.label(row.keys[0]), values: row.values.slice() }))
    });
  }

  function renderValues(element, title, settled, currency, kind) {
    if (settled.status === 'rejected') {
      element.innerHTML = `<h2>${title}</h2>` + ui.errorBox(settled.reason, title.toLowerCase());
      return;
    }
    const values = settled.value.DimensionValues;
    if (!values.length) {
      element.innerHTML = `<h2>${title}</h2>` + ui.empty('No spend this month yet.');
      return;
    }
    const top = Number(values[0].UnblendedCost.Amount);
    element.innerHTML = `<h2>${title}</h2><table class="table" id="${element.id}-table"><thead><tr><th>${kind === 'principal' ? 'Principal' : 'Model'}</th><th class="num">This month</th><th></th></tr></thead><tbody>
      ${values.map(v => `<tr><td class="${kind === 'principal' ? 'wrap-arn' : 'ellipsis'}">${kind === 'principal' ? ui.principalLink(v.Value) : ui.valueLabel(v.Value)}</td>
        ${ui.moneyCell(v.UnblendedCost.Amount, currency)}<td class="share-cell">${ui.shareBar(Number(v.UnblendedCost.Amount), top)}</td></tr>`).join('')}
      </tbody></table>`;
  }

  return { render };
})();
