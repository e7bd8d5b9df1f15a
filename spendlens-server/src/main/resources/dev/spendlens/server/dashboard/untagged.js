// Untagged and shared: principals with spend but no team, and roles that several people use.
'use strict';

Spendlens.pages = Spendlens.pages || {};

Spendlens.pages.untagged = (function () {
  const f = Spendlens.format;
  const ui = Spendlens.ui;
  const api = Spendlens.api;

  async function render(container, route, isCurrent) {
    const store = await api.store();
    if (!store.LastDay) {
      container.innerHTML = '<h1>Untagged &amp; shared</h1>' + ui.empty('The store holds no Bedrock charges yet: ingest an export first (<code>./spendlens ingest</code>).');
      return;
    }
    const asOf = Spendlens.app.asOf(store);
    const from = route.params.get('from') || f.monthStart(asOf);
    const to = route.params.get('to') || f.addDays(asOf, 1);
    const currency = store.Currency;
    container.innerHTML = `
      <div class="page-head"><h1>Untagged &amp; shared</h1>
        <p class="hint">Spend nobody owns, and roles behind which several people hide. Fix them with an <code>iamPrincipal/team</code> tag, session tags from your identity provider, a people file or a rule.</p></div>
      <form class="controls card" onsubmit="return false">
        <label>From <input type="date" id="from" value="${f.escape(from)}"></label>
        <label><span>To <span class="muted">(exclusive)</span></span> <input type="date" id="to" value="${f.escape(to)}"></label>
      </form>
      <section class="card" id="untagged">${ui.loading()}</section>
      <section class="card" id="shared">${ui.loading()}</section>`;
    const go = changes => Spendlens.app.navigate('untagged', new URLSearchParams(Object.assign({ from: from, to: to }, changes)));
    container.querySelector('#from').addEventListener('change', e => go({ from: e.target.value }));
    container.querySelector('#to').addEventListener('change', e => go({ to: e.target.value }));

    const period = { Start: from, End: to };
    const [untagged, everything, roles] = await Promise.allSettled([
      api.costAndUsage({ TimePeriod: period, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'],
        Filter: { Dimensions: { Key: 'team', MatchOptions: ['ABSENT'] } },
        GroupBy: [{ Type: 'DIMENSION', Key: 'PRINCIPAL' }, { Type: 'DIMENSION', Key: 'PRINCIPAL_TYPE' }] }),
      api.post('/api/v1/cost-and-usage', { TimePeriod: period, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'] }),
      api.costAndUsage({ TimePeriod: period, Granularity: 'MONTHLY', Metrics: ['UnblendedCost'],
        GroupBy: [{ Type: 'DIMENSION', Key: 'ROLE' }, { Type: 'DIMENSION', Key: 'PERSON' }, { Type: 'ALLOCATION', Key: 'team' }] })
    ]);
    if (!isCurrent()) {
      return;
    }
    renderUntagged(document.getElementById('untagged'), untagged, everything, currency);
    renderShared(document.getElementById('shared'), roles, currency);
  }

  function renderUntagged(element, untagged, everything, currency) {
    const title = '<h2>Principals with spend and no team</h2>';
    if (untagged.status === 'rejected') {
      element.innerHTML = title + ui.errorBox(untagged.reason, 'untagged principals');
      return;
    }
    const m = api.matrix(untagged.value, 'UnblendedCost');
    if (!m.rows.length) {
      element.innerHTML = title + ui.empty('<strong>Every principal with spend in this period has a team.</strong> Nothing to fix.');
      return;
    }
    const all = everything.status === 'fulfilled' ? everything.value.ResultsByTime.reduce((sum, b) => sum + Number(b.Total.UnblendedCost.Amount), 0) : 0;
    const total = m.rows.reduce((sum, r) => sum + r.total, 0);
    element.innerHTML = title + `<p class="hint">${f.number(m.rows.length)} principal${m.rows.length === 1 ? '' : 's'}, ${f.money(total, currency)}${all ? ', ' + f.percent(total, all) + ' of all spend' : ''}.
      Charges without a caller (provisioned throughput, fees) have no principal to tag: they need a resource tag or a rule.</p>
      <div class="table-scroll short"><table class="table" id="untagged-table"><thead><tr><th>Principal</th><th>Type</th><th class="num">Spend</th></tr></thead><tbody>
      ${m.rows.map(r => `<tr data-principal="${f.escape(r.keys[0])}"><td class="ellipsis">${ui.principalLink(r.keys[0])}</td><td>${ui.valueLabel(r.keys[1])}</td>${ui.moneyCell(r.total.toFixed(10), currency)}</tr>`).join('')}
      </tbody></table></div>`;
  }

  function renderShared(element, roles, currency) {
    const title = '<h2>Roles used by several people</h2>';
    if (roles.status === 'rejected') {
      element.innerHTML = title + ui.errorBox(roles.reason, 'shared roles');
      return;
    }
    const byRole = new Map();
    api.matrix(roles.value, 'UnblendedCost').rows.forEach(r => {
      const [role, person, team] = r.keys;
      if (f.isReserved(role) || f.isReserved(person)) {
        return;
      }
      const entry = byRole.get(role) || { role: role, people: new Map(), teams: new Set(), total: 0 };
      entry.people.set(person, (entry.people.get(person) || 0) + r.total);
      entry.teams.add(team);
      entry.total += r.total;
      byRole.set(role, entry);
    });
    const shared = Array.from(byRole.values()).filter(e => e.people.size > 1).sort((a, b) => b.people.size - a.people.size || b.total - a.total);
    if (!shared.length) {
      element.innerHTML = title + ui.empty('<strong>No role was used by more than one person in this period.</strong>');
      return;
    }
    element.innerHTML = title + `<p class="hint">Spendlens names the person behind each session of these roles, so their spend is still attributed; the team comes from each person's tags.</p>
      <table class="table" id="shared-table"><thead><tr><th>Role</th><th class="num">People</th><th>Top people</th><th>Teams</th><th class="num">Spend</th></tr></thead><tbody>
      ${shared.map(e => {
        const people = Array.from(e.people.entries()).sort((a, b) => b[1] - a[1]);
        const named = people.slice(0, 3).map(p => f.escape(p[0])).join(', ') + (people.length > 3 ? ` <span class="muted">+${people.length - 3} more</span>` : '');
        return `<tr data-role="${f.escape(e.role)}"><td>${f.escape(e.role)}</td><td class="num">${people.length}</td><td class="ellipsis">${named}</td>
          <td>${Array.from(e.teams).map(ui.valueLabel).join(', ')}</td>${ui.moneyCell(e.total.toFixed(10), currency)}</tr>`;
      }).join('')}
      </tbody></table>`;
  }

  return { render };
})();
