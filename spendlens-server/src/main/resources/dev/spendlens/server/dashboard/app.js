// The router: the URL's hash names the page and holds its state, so any view can be shared as a link.
'use strict';

Spendlens.app = (function () {
  const f = Spendlens.format;
  let renderCount = 0;

  function route() {
    const hash = location.hash.replace(/^#\/?/, '');
    const queryAt = hash.indexOf('?');
    const path = queryAt < 0 ? hash : hash.substring(0, queryAt);
    const params = new URLSearchParams(queryAt < 0 ? '' : hash.substring(queryAt + 1));
    const slash = path.indexOf('/');
    const page = slash < 0 ? path : path.substring(0, slash);
    const rest = slash < 0 ? '' : decodeURIComponent(path.substring(slash + 1));
    return { page: page || 'overview', rest: rest, params: params };
  }

  /** Replaces the URL's state without adding a history entry per keystroke. */
  function navigate(page, params, rest) {
    const query = params && Array.from(params.keys()).length ? '?' + params.toString() : '';
    const target = '#/' + page + (rest ? '/' + encodeURIComponent(rest) : '') + query;
    if (location.hash !== target) {
      location.hash = target;
    } else {
      render();
    }
  }

  async function render() {
    const current = route();
    const pages = Spendlens.pages;
    const page = pages[current.page] ? current.page : 'overview';
    document.querySelectorAll('#tabs a').forEach(a => a.classList.toggle('active', a.dataset.page === page));
    document.body.dataset.page = page;
    const container = document.getElementById('page');
    Spendlens.charts.disposeAll();
    container.innerHTML = Spendlens.ui.loading();
    const mine = ++renderCount;
    // A page checks isCurrent() after each await, so a slow answer never paints over a newer page.
    const isCurrent = () => mine === renderCount;
    try {
      await header();
      await pages[page].render(container, current, isCurrent);
    } catch (e) {
      if (isCurrent()) {
        container.innerHTML = Spendlens.ui.errorBox(e, 'this page');
      }
    }
    if (isCurrent()) {
      container.dataset.ready = String(mine);
      document.body.dataset.ready = 'true';
    }
  }

  async function header() {
    const info = document.getElementById('store-info');
    try {
      const store = await Spendlens.api.store();
      info.textContent = store.LastDay
        ? 'Data ' + f.day(store.FirstDay) + ' – ' + f.day(store.LastDay) + ' · ' + store.Currency
        : 'No data yet';
    } catch (e) {
      info.textContent = '';
      throw e;
    }
  }

  /**
   * The day the dashboard reports 'as of': today, or the last day with data when the store ends
   * earlier (a demo export, or a CUR delivery that is late).
   */
  function asOf(store) {
    if (!store.LastDay) {
      return store.Today;
    }
    return store.LastDay < store.Today ? store.LastDay : store.Today;
  }

  window.addEventListener('hashchange', render);
  window.addEventListener('DOMContentLoaded', render);

  return { render, navigate, route, asOf };
})();
