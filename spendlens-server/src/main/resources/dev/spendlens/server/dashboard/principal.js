// Principal page: identity, owners and where each came from, tags, and spend by model and token type.
'use strict';

Spendlens.pages = Spendlens.pages || {};

Spendlens.pages.principal = (function () {
  const f = Spendlens.format;
  const ui = Spendlens.ui;
  const api = Spendlens.api;
  const SPLITS = { model: 'Model', tokenType: 'Token type', both: 'Model · token type' };

  async function render(container, route, isCurrent) {
    const arn = route.rest;
    if (!arn) {
      container.innerHTML = '<h1>Principal</h1>' + ui.empty('No principal chosen. Pick one on the <a href="#/overview">Overview</a> or in the <a href="#/explorer?groupBy=PRINCIPAL">Explorer</a>.');
      return;
    }
    const store = await api.store();
    const asOf = Spendlens.app.asOf(store);
    const from = route.params.get('from') || (store.FirstDay && store.FirstDay > f.addMonths(f.monthStart(asOf), -5) ? store.FirstDay : f.addMonths(f.monthStart(asOf), -5));
    const to = route.params.get('to') || f.addDays(asOf, 1);
    const split = SPLITS[route.params.get('split')] ? route.params.get('split') : 'model';
    let report;
    try {
      report = await api.get('/api/v1/principals/' + arn.split('/').map(encodeURIComponent).join('/'), { from: from, to: to });
    } catch (e) {
      if (!isCurrent()) {
        return;
      }
      container.innerHTML = `<h1>Principal</h1><p class="arn">${f.escape(arn)}</p>` + (e.status === 404
        ? ui.empty(`<strong>Spendlens has never seen this principal.</strong> It appears in no ingested charge. Check the ARN, or find it in the <a href="#/explorer?groupBy=PRINCIPAL">Explorer</a>.`)
        : ui.errorBox(e, 'this principal'));
      return;
    }
    if (!isCurrent()) {
      return;
    }
    const currency = report.Total.Unit;
    const id = report.Identity;
    const go = changes => {
      const params = new URLSearchParams({ from: from, to: to, split: split });
      Object.entries(changes).forEach(([k, v]) => params.set(k, v));
      Spendlens.app.navigate('principal', params, arn);
    };
    container.innerHTML = `
      <div class="page-head"><h1>${f.escape(f.principal(arn))} <span class="subtitle">${f.escape(id.Type)}</span></h1><p class="arn" id="principal-arn">${f.escape(arn)}</p></div>
      <form class="controls card" onsubmit="return false">
        <label>From <input type="date" id="from" value="${f.escape(from)}"></label>
        <label><span>To <span class="muted">(exclusive)</span></span> <input type="date" id="to" value="${f.escape(to)}"></label>
        <label>Split by <select id="split">${Object.entries(SPLITS).map(([k, v]) => `<option value="${k}"${k === split ? ' selected' : ''}>${v}</option>`).join('')}</select></label>
        <div class="kpi-inline">Spend in period <strong id="principal-total" data-amount="${f.escape(report.Total.Amount)}">${f.money(report.Total.Amount, currency)}</strong></div>
      </form>
      <div class="grid-2">
        <section class="card"><h2>Identity</h2><dl class="identity" id="identity">
          <dt>Type</dt><dd>${f.escape(id.Type)}</dd>
          <dt>Role</dt><dd>${ui.valueLabel(id.Role)}</dd>
          <dt>Session</dt><dd>${id.SessionName ? f.escape(id.SessionName) : '<span class="muted">none</span>'}</dd>
          <dt>Person</dt><dd>${ui.valueLabel(id.Person)}</dd>
          <dt>Account</dt><dd>${id.Account ? f.escape(id.Account) + (id.AccountName ? ' <span class="muted">' + f.escape(id.AccountName) + '</span>' : '') : '<span class="muted">none</span>'}</dd>
        </dl></section>
        <section class="card"><h2>Owners <span class="subtitle">and why</span></h2>${allocations(report, currency)}</section>
      </div>
      <section class="card"><h2>Spend over time <span class="subtitle">by ${SPLITS[split].toLowerCase()}</span></h2><div class="chart" id="principal-chart"></div></section>
      <div class="grid-2">
        <section class="card"><h2>Models and token types</h2>${breakdown(report, currency)}</section>
        <section class="card"><h2>Tags <span class="subtitle">and their source</span></h2>${tags(report, currency)}</section>
      </div>`;
    container.querySelector('#from').addEventListener('change', e => go({ from: e.target.value }));
    container.querySelector('#to').addEventListener('change', e => go({ to: e.target.value }));
    container.querySelector('#split').addEventListener('change', e => go({ split: e.target.value }));
    chart(report, split, currency, from, to);
  }

  function allocations(report, currency) {
    if (!report.Allocations.length) {
      return ui.empty('No allocation dimension is configured.');
    }
    return `<table class="table" id="allocations-table"><thead><tr><th>Dimension</th><th>Value</th><th>Source</th><th class="num">Spend</th></tr></thead><tbody>
      ${report.Allocations.map(a => `<tr><td>${f.escape(a.Dimension)}</td><td>${ui.valueLabel(a.Value)}</td><td class="source" data-source="${f.escape(a.Source)}">${f.escape(f.source(a.Source))}</td>${ui.moneyCell(a.UnblendedCost.Amount, currency)}</tr>`).join('')}
      </tbody></table>`;
  }

  function tags(report, currency) {
    if (!report.Tags.length) {
      return ui.empty('No tags on this principal\'s charges: its owners come from the people directory, a rule, or nowhere.');
    }
    return `<table class="table" id="tags-table"><thead><tr><th>Key</th><th>Value</th><th>Source</th><th class="num">Spend</th></tr></thead><tbody>
      ${report.Tags.map(t => `<tr><td>${f.escape(t.Key.substring(t.Key.indexOf('/') + 1))}</td><td>${f.escape(t.Value)}</td><td>${f.escape(t.Source || 'resource tag')}</td>${ui.moneyCell(t.UnblendedCost.Amount, currency)}</tr>`).join('')}
      </tbody></table>`;
  }

  function breakdown(report, currency) {
    const totals = new Map();
    report.Daily.forEach(d => {
      const key = d.Model + '\u0000' + d.TokenType;
      const entry = totals.get(key) || { model: d.Model, tokenType: d.TokenType, cost: 0, tokens: 0 };
      entry.cost += Number(d.UnblendedCost.Amount);
      entry.tokens += Number(d.Tokens);
      totals.set(key, entry);
    });
    const rows = Array.from(totals.values()).sort((a, b) => b.cost - a.cost);
    if (!rows.length) {
      return ui.empty('No spend in this period.');
    }
    return `<table class="table" id="models-table"><thead><tr><th>Model</th><th>Token type</th><th class="num">Tokens</th><th class="num">Spend</th></tr></thead><tbody>
      ${rows.map(r => `<tr><td>${ui.valueLabel(r.model)}</td><td>${f.escape(r.tokenType)}</td><td class="num">${r.tokens ? f.number(r.tokens) : '–'}</td><td class="num">${f.money(r.cost, currency)}</td></tr>`).join('')}
      </tbody></table>`;
  }

  function chart(report, split, currency, from, to) {
    const element = document.getElementById('principal-chart');
    if (!report.Daily.length) {
      element.outerHTML = ui.empty('No spend in this period: widen the dates.');
      return;
    }
    const days = [];
    for (let day = from; day < to; day = f.addDays(day, 1)) {
      days.push(day);
    }
    const index = new Map(days.map((d, i) => [d, i]));
    const series = new Map();
    report.Daily.forEach(d => {
      const name = split === 'model' ? f.label(d.Model) : split === 'tokenType' ? d.TokenType : f.label(d.Model) + ' · ' + d.TokenType;
      if (!series.has(name)) {
        series.set(name, { name: name, values: new Array(days.length).fill(0), total: 0 });
      }
      const s = series.get(name);
      const i = index.get(d.Date);
      if (i !== undefined) {
        s.values[i] += Number(d.UnblendedCost.Amount);
        s.total += Number(d.UnblendedCost.Amount);
      }
    });
    Spendlens.charts.stacked(element, {
      categories: days, granularity: 'DAILY', currency: currency, type: 'bar',
      series: Array.from(series.values()).sort((a, b) => b.total - a.total)
    });
  }

  return { render };
})();
