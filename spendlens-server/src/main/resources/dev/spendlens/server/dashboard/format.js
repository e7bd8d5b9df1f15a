// Formatting for people: money with its currency, thousands separators and 2 decimals; dates; shares.
'use strict';
window.Spendlens = window.Spendlens || {};

Spendlens.format = (function () {
  const moneyFormats = {};

  function money(amount, currency) {
    const code = currency || 'USD';
    if (!moneyFormats[code]) {
      moneyFormats[code] = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    return moneyFormats[code].format(Number(amount));
  }

  function number(value, digits) {
    return Number(value).toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 0 : digits });
  }

  function percent(part, whole) {
    if (!whole || Number(whole) === 0) {
      return '–';
    }
    return (100 * Number(part) / Number(whole)).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%';
  }

  function change(now, before) {
    if (!before || Number(before) === 0) {
      return { text: 'no earlier spend', direction: 'flat' };
    }
    const ratio = (Number(now) - Number(before)) / Number(before);
    const text = (ratio >= 0 ? '+' : '−') + Math.abs(100 * ratio).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%';
    return { text: text, direction: ratio > 0.0005 ? 'up' : ratio < -0.0005 ? 'down' : 'flat' };
  }

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // ISO dates are handled as text: no time zone can shift a billing day.
  function day(iso) {
    const [y, m, d] = iso.substring(0, 10).split('-');
    return MONTHS[Number(m) - 1] + ' ' + Number(d) + ', ' + y;
  }

  function month(iso) {
    const [y, m] = iso.substring(0, 7).split('-');
    return MONTHS[Number(m) - 1] + ' ' + y;
  }

  function bucket(iso, granularity) {
    if (granularity === 'MONTHLY') {
      return month(iso);
    }
    if (granularity === 'HOURLY') {
      return iso.substring(0, 10) + ' ' + iso.substring(11, 16);
    }
    return iso.substring(0, 10);
  }

  // Short labels for chart axes: 'Oct 5' for days, 'Oct 2026' for months.
  function axis(iso, granularity) {
    if (granularity === 'DAILY') {
      const [, m, d] = iso.substring(0, 10).split('-');
      return MONTHS[Number(m) - 1] + ' ' + Number(d);
    }
    return bucket(iso, granularity);
  }

  function addDays(iso, days) {
    const date = new Date(iso.substring(0, 10) + 'T00:00:00Z');
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().substring(0, 10);
  }

  function addMonths(iso, months) {
    const date = new Date(iso.substring(0, 7) + '-01T00:00:00Z');
    date.setUTCMonth(date.getUTCMonth() + months);
    return date.toISOString().substring(0, 10);
  }

  function monthStart(iso) {
    return iso.substring(0, 7) + '-01';
  }

  const RESERVED = {
    '__unallocated__': 'Unallocated',
    '__unattributed_no_caller__': 'No caller (provisioned, fees)',
    '__none__': 'Not applicable',
    '': '(not set)'
  };

  function label(value) {
    return Object.prototype.hasOwnProperty.call(RESERVED, value) ? RESERVED[value] : value;
  }

  function isReserved(value) {
    return Object.prototype.hasOwnProperty.call(RESERVED, value);
  }

  // An ARN is long: show the part after the account, which names the role, user or session.
  function principal(arn) {
    if (isReserved(arn)) {
      return label(arn);
    }
    const match = /^arn:aws[a-z-]*:(?:iam|sts)::\d+:(.*)$/.exec(arn);
    // 'assumed-role/' says nothing the role and session names do not: drop it.
    return match ? match[1].replace(/^assumed-role\//, '') : arn;
  }

  function source(text) {
    if (text.startsWith('tag:')) {
      return 'tag ' + text.substring(4);
    }
    if (text.startsWith('people:')) {
      return 'people directory (' + text.substring(7) + ')';
    }
    if (text.startsWith('rule:')) {
      return 'rule "' + text.substring(5) + '"';
    }
    if (text === 'unallocated') {
      return 'nothing names an owner';
    }
    if (text === 'no-caller') {
      return 'charge without a caller';
    }
    return text;
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  return { money, number, percent, change, day, month, bucket, axis, addDays, addMonths, monthStart, label, isReserved, principal, source, escape };
})();
