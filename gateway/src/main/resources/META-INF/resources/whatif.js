'use strict';
// chipcast dashboard, what-if panel of a customer's page: a hypothetical price, or an export
// restriction to the customer's destination, sent to POST /api/v1/customers/{id}/what-if; the
// projection under it is shown against the current one, line by line. Nothing is stored or published.
(() => {
  const $ = (id) => document.getElementById(id);
  const { headers, money, signedMoney, status } = window.chipcast;
  const panel = { customer: null, projection: null, country: null };

  document.addEventListener('chipcast:projection', (event) => {
    const { customer, projection } = event.detail;
    const changedCustomer = customer !== panel.customer;
    panel.projection = projection;
    if (changedCustomer) {
      panel.customer = customer;
      destination(customer);
    }
    if (changedCustomer || $('wi-sku').options.length === 0) {
      reset();
    }
  });
  $('what-if').addEventListener('submit', (event) => {
    event.preventDefault();
    compute();
  });
  $('wi-sku').addEventListener('change', () => {
    $('wi-effective').value = earliestNeed($('wi-sku').value);
  });

  /** The SKUs of the customer's lines to choose from, and the results of another customer put away. */
  function reset() {
    const lines = panel.projection ? panel.projection.lines : [];
    const skus = [...new Set(lines.map((line) => line.sku))];
    $('wi-sku').replaceChildren(...skus.map((sku) => {
      const option = document.createElement('option');
      option.value = sku;
      option.textContent = sku;
      return option;
    }));
    $('wi-effective').value = skus.length ? earliestNeed(skus[0]) : '';
    $('wi-price').value = '';
    $('wi-restrict').checked = false;
    $('wi-result').hidden = true;
    $('wi-lines').hidden = true;
  }

  /**
   * A price is taken at each line's need-by date: from the earliest one of the SKU's lines, a
   * hypothetical price reaches every line of that SKU (unless a later real price comes first).
   */
  function earliestNeed(sku) {
    const needs = (panel.projection ? panel.projection.lines : []).filter((line) => line.sku === sku).map((line) => line.needBy).sort();
    return needs.length ? needs[0] + 'T00:00:00Z' : '';
  }

  async function destination(customer) {
    panel.country = null;
    $('wi-country').textContent = 'its destination';
    try {
      const response = await fetch('/api/v1/customers/' + encodeURIComponent(customer) + '/demand-plan', { headers: headers() });
      if (response.ok && customer === panel.customer) {
        panel.country = (await response.json()).country;
        $('wi-country').textContent = panel.country;
      }
    } catch (ignored) {
      // Without the plan's country the restriction cannot be asked for; the price still can.
    }
  }

  function request() {
    const sku = $('wi-sku').value;
    const effectiveAt = $('wi-effective').value.trim() || earliestNeed(sku);
    const body = { priceChanges: [], rulings: [] };
    if ($('wi-price').value) {
      body.priceChanges.push({ sku, market: $('wi-market').value, currency: 'USD', unitPrice: Number($('wi-price').value),
        effectiveAt, source: 'dashboard what-if' });
    }
    if ($('wi-restrict').checked && panel.country) {
      body.rulings.push({ rulingId: 'what-if-' + sku, authority: 'what-if', title: 'hypothetical restriction of ' + sku,
        action: 'RESTRICT', effectiveAt, destinations: [panel.country], scope: { skus: [sku] } });
    }
    return body;
  }

  async function compute() {
    const body = request();
    if (body.priceChanges.length === 0 && body.rulings.length === 0) {
      $('wi-summary').textContent = 'Give a unit price, or tick the restriction.';
      return;
    }
    $('wi-summary').textContent = 'Computing…';
    try {
      const response = await fetch('/api/v1/customers/' + encodeURIComponent(panel.customer) + '/what-if', {
        method: 'POST', headers: { ...headers(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await response.json();
      if (!response.ok) {
        const fields = (answer.violations || []).map((v) => v.field + ': ' + v.message).join('; ');
        $('wi-summary').textContent = 'Not computed: ' + (fields || answer.detail || response.statusText);
        return;
      }
      show(answer);
    } catch (e) {
      status('What-if failed: ' + e.message, true);
    }
  }

  function show(hypothetical) {
    const now = panel.projection;
    setAmount('wi-cost', 'wi-delta', hypothetical.projectedCost, now ? now.projectedCost : 0);
    setAmount('wi-blocked', 'wi-blocked-delta', hypothetical.blockedValue, now ? now.blockedValue : 0);
    $('wi-result').hidden = false;
    const current = new Map((now ? now.lines : []).map((line) => [line.lineId, line]));
    $('wi-lines').tBodies[0].replaceChildren(...hypothetical.lines.map((line) => {
      const before = current.get(line.lineId);
      const change = Number(line.lineCost) - Number(before ? before.lineCost : 0);
      const row = document.createElement('tr');
      row.dataset.line = line.lineId;
      [line.lineId, line.sku, before ? before.status : '—', line.status, before ? money.format(before.lineCost) : '—',
        money.format(line.lineCost), signedMoney(change)].forEach((value, i) => {
        const cell = document.createElement('td');
        cell.textContent = value;
        if (i === 6 && change !== 0) {
          cell.className = change > 0 ? 'up' : 'down';
        }
        row.appendChild(cell);
      });
      return row;
    }));
    $('wi-lines').hidden = false;
    $('wi-summary').textContent = 'Under this hypothesis, against the projection shown (version ' + (now ? now.version : '—') + ').';
  }

  function setAmount(valueId, deltaId, then, now) {
    const change = Number(then) - Number(now);
    $(valueId).textContent = money.format(then);
    $(deltaId).textContent = signedMoney(change) + ' against now';
    $(deltaId).className = 'delta' + (change > 0 ? ' up' : change < 0 ? ' down' : '');
  }
})();
