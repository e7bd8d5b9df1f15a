// The REST API as the dashboard uses it: JSON calls, the API token when the server asks for one,
// errors that carry the server's explanation, and GetCostAndUsage results turned into tables.
'use strict';

Spendlens.api = (function () {
  const TOKEN_KEY = 'spendlens-api-token';
  const MAX_PAGES = 20;

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      headers['Authorization'] = 'Bearer ' + token;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'NETWORK', 'The Spendlens server did not answer (' + e.message + '). Is `./spendlens serve` still running?');
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      throw new ApiError(response.status, 'BAD_RESPONSE', 'The server answered ' + response.status + ' with something that is not JSON.');
    }
    if (!response.ok) {
      const error = (json && json.error) || {};
      throw new ApiError(response.status, error.code || 'HTTP_' + response.status, error.message || 'The server answered ' + response.status + '.');
    }
    return json;
  }

  function get(path, params) {
    const query = params ? '?' + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString() : '';
    return call('GET', path + query, undefined);
  }

  function post(path, body) {
    return call('POST', path, body);
  }

  let storeInfo = null;
  async function store() {
    if (!storeInfo) {
      storeInfo = await get('/api/v1/store');
    }
    return storeInfo;
  }

  // Every page of a GetCostAndUsage answer, merged; 'truncated' says when MAX_PAGES were not enough.
  async function costAndUsage(request) {
    let merged = null;
    let token = null;
    let pages = 0;
    do {
      const page = await post('/api/v1/cost-and-usage', token ? Object.assign({}, request, { NextPageToken: token }) : request);
      if (!merged) {
        merged = page;
      } else {
        page.ResultsByTime.forEach((bucket, i) => { merged.ResultsByTime[i].Groups.push(...bucket.Groups); });
      }
      token = page.NextPageToken;
      pages++;
    } while (token && pages < MAX_PAGES);
    merged.truncated = Boolean(token);
    delete merged.NextPageToken;
    return merged;
  }

  /**
   * Turns ResultsByTime into rows: one per group, with its amount per time bucket and its total,
   * biggest total first. Amounts stay exact strings in 'exact' for CSV; numbers are for charts.
   */
  function matrix(result, metric) {
    const buckets = result.ResultsByTime.map(bucket => bucket.TimePeriod.Start);
    const rows = new Map();
    result.ResultsByTime.forEach((bucket, index) => {
      bucket.Groups.forEach(group => {
        const key = JSON.stringify(group.Keys);
        if (!rows.has(key)) {
          rows.set(key, { keys: group.Keys, values: new Array(buckets.length).fill(0), exact: new Array(buckets.length).fill('0'), total: 0 });
        }
        const row = rows.get(key);
        const amount = group.Metrics[metric].Amount;
        row.values[index] = Number(amount);
        row.exact[index] = amount;
        row.total += Number(amount);
      });
    });
    const totals = result.ResultsByTime.map(bucket => bucket.Total[metric] ? bucket.Total[metric].Amount : '0');
    const unit = result.ResultsByTime.length && result.ResultsByTime[0].Total[metric] ? result.ResultsByTime[0].Total[metric].Unit : 'USD';
    const sorted = Array.from(rows.values()).sort((a, b) => b.total - a.total || a.keys.join('|').localeCompare(b.keys.join('|')));
    return { buckets: buckets, rows: sorted, totals: totals, unit: unit, truncated: Boolean(result.truncated) };
  }

  function hasToken() {
    return Boolean(sessionStorage.getItem(TOKEN_KEY));
  }

  function setToken(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    storeInfo = null;
  }

  return { ApiError, get, post, store, costAndUsage, matrix, hasToken, setToken };
})();

// Small DOM helpers shared by the pages.
Spendlens.ui = (function () {
  const f = Spendlens.format;

  function errorBox(error, what) {
    if (error instanceof Spendlens.api.ApiError && error.status === 401) {
      return `<div class="notice notice-error" data-state="unauthorized">
        <strong>This server needs an API token.</strong> It listens beyond this machine, so every API call must carry the token
        whose SHA-256 is <code>server.api-token-sha256</code> in its configuration.
        <form class="token-form" onsubmit="Spendlens.ui.saveToken(event)"><input type="password" name="token" placeholder="API token" autocomplete="off" required>
        <button type="submit">Use token</button></form></div>`;
    }
    const code = error && error.code ? ` <span class="muted">(${f.escape(error.code)})</span>` : '';
    return `<div class="notice notice-error" data-state="error"><strong>Could not load ${f.escape(what)}.</strong> ${f.escape(error && error.message ? error.message : String(error))}${code}</div>`;
  }

  function saveToken(event) {
    event.preventDefault();
    Spendlens.api.setToken(event.target.elements.token.value.trim());
    Spendlens.app.render();
  }

  function empty(message) {
    return `<div class="notice notice-empty" data-state="empty">${message}</div>`;
  }

  function loading() {
    return '<div class="loading" data-state="loading">Loading…</div>';
  }

  function moneyCell(amount, currency) {
    return `<td class="num" data-amount="${f.escape(amount)}">${f.escape(f.money(amount, currency))}</td>`;
  }

  function principalLink(arn) {
    if (f.isReserved(arn)) {
      return `<span class="reserved">${f.escape(f.label(arn))}</span>`;
    }
    return `<a class="principal-link" href="#/principal/${encodeURIComponent(arn)}" title="${f.escape(arn)}">${f.escape(f.principal(arn))}</a>`;
  }

  function valueLabel(value) {
    return f.isReserved(value) ? `<span class="reserved">${f.escape(f.label(value))}</span>` : f.escape(value);
  }

  function shareBar(part, whole) {
    const width = whole > 0 ? Math.max(0, Math.min(100, 100 * part / whole)) : 0;
    return `<span class="share"><span class="share-bar" style="width:${width.toFixed(1)}%"></span></span>`;
  }

  return { errorBox, saveToken, empty, loading, moneyCell, principalLink, valueLabel, shareBar };
})();
