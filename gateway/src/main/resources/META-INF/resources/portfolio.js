'use strict';
// chipcast dashboard, portfolio page: every customer the token may read, summed up by the gateway's
// GET /api/v1/portfolio, read again every few seconds while the page shows. Each customer named
// links to its own page (app.js).
(() => {
  const $ = (id) => document.getElementById(id);
  const { api, money, signedMoney, count, compactMoney, svgChild, status, show } = window.chipcast;
  const REFRESH_MS = 5000;
  /** The cost-change ranking reads every version of its window: asked for less often. */
  const CHANGES_REFRESH_MS = 60000;
  const CHANGES_WINDOW_MS = 86400000;
  const BARS = 8;
  let timer = null;
  let changesReadAt = 0;

  $('portfolio-button').addEventListener('click', () => open());

  async function open() {
    localStorage.setItem('chipcast.token', $('token').value.trim());
    changesReadAt = 0;
    $('view').hidden = true;
    $('portfolio').hidden = false;
    clearTimeout(timer);
    await refresh();
  }

  async function refresh() {
    if ($('portfolio').hidden) {
      return;
    }
    try {
      render(await api('/api/v1/portfolio'));
      if (Date.now() - changesReadAt >= CHANGES_REFRESH_MS) {
        changesReadAt = Date.now();
        const since = new Date(Date.now() - CHANGES_WINDOW_MS).toISOString();
        renderChanges((await api('/api/v1/portfolio?since=' + encodeURIComponent(since))).costChanges);
      }
      status('Portfolio of every customer this token may read');
    } catch (e) {
      status('Cannot read the portfolio: ' + e.message, true);
    }
    timer = setTimeout(refresh, REFRESH_MS);
  }

  function render(portfolio) {
    $('pf-customers').textContent = count.format(portfolio.customers);
    $('pf-cost').textContent = money.format(portfolio.projectedCost);
    $('pf-blocked').textContent = money.format(portfolio.blockedValue);
    const latest = portfolio.reflects.latestComputedAt;
    $('pf-fresh').textContent = latest ? new Date(latest).toLocaleString() : 'nothing projected yet';
    $('pf-fresh').title = portfolio.reflects.positions.map((p) => p.topic + '[' + p.partition + '] @ ' + p.nextOffset).join('\n');

    bars($('pf-sku-chart'), portfolio.bySku.filter((s) => Number(s.cost) > 0).slice(0, BARS)
      .map((s) => ({ label: s.sku, value: Number(s.cost), title: count.format(s.quantity) + ' units planned, '
        + count.format(s.boughtUnits) + ' to buy' })), '');
    const blocked = portfolio.byCountry.filter((c) => Number(c.blockedValue) > 0).slice(0, BARS);
    bars($('pf-country-chart'), blocked.map((c) => ({ label: c.country, value: Number(c.blockedValue),
      title: count.format(c.customers) + ' customers, ' + money.format(c.cost) + ' projected' })), 'blocked');
    $('pf-country-caption').textContent = blocked.length ? '' : 'Nothing is blocked in any destination.';

    rows('pf-at-risk', portfolio.atRisk.map((c) => [customerLink(c.customerId), money.format(c.blockedValue), money.format(c.projectedCost)]));
    rows('pf-status', portfolio.byStatus.map((s) => [badge(s.status), count.format(s.lines), count.format(s.quantity), money.format(s.cost)]));
  }

  function renderChanges(costChanges) {
    rows('pf-changes', costChanges.customers.map((c) => {
      const change = Number(c.change);
      return [customerLink(c.customerId), c.previousCost == null ? 'new' : money.format(c.previousCost), money.format(c.projectedCost),
        { text: signedMoney(change), className: change > 0 ? 'up' : 'down' }];
    }));
  }

  /** Horizontal bars, one per item, longest first, drawn in the page's pixels. */
  function bars(svg, items, kind) {
    svg.replaceChildren();
    const w = Math.max(svg.clientWidth || 480, 320), rowHeight = 28, labelWidth = 150, valueWidth = 80;
    const h = Math.max(items.length, 1) * rowHeight + 8;
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('height', h);
    const most = Math.max(...items.map((i) => i.value), 1);
    const add = (name, attributes, text) => svgChild(svg, name, attributes, text);
    items.forEach((item, i) => {
      const y = 4 + i * rowHeight;
      add('text', { class: 'bar-label', x: 8, y: y + 18 }, item.label);
      const bar = add('rect', { class: 'bar ' + kind, x: labelWidth, y: y + 4, height: rowHeight - 10,
        width: Math.max(2, (w - labelWidth - valueWidth - 8) * item.value / most) });
      svgChild(bar, 'title', {}, item.label + ': ' + money.format(item.value) + (item.title ? ' — ' + item.title : ''));
      add('text', { class: 'bar-value', x: w - 8, y: y + 18, 'text-anchor': 'end' }, compactMoney(item.value));
    });
  }

  function rows(tableId, cells) {
    $(tableId).tBodies[0].replaceChildren(...cells.map((values) => {
      const row = document.createElement('tr');
      values.forEach((value) => {
        const cell = document.createElement('td');
        if (value instanceof Node) {
          cell.appendChild(value);
        } else if (typeof value === 'object') {
          cell.textContent = value.text;
          cell.className = value.className;
        } else {
          cell.textContent = value;
        }
        row.appendChild(cell);
      });
      return row;
    }));
  }

  function customerLink(customerId) {
    const link = document.createElement('a');
    link.className = 'customer';
    link.href = '#customer=' + encodeURIComponent(customerId);
    link.textContent = customerId;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      $('customer').value = customerId;
      show(customerId);
    });
    return link;
  }

  function badge(lineStatus) {
    const span = document.createElement('span');
    span.className = 'status status-' + lineStatus;
    span.textContent = lineStatus;
    return span;
  }
})();
