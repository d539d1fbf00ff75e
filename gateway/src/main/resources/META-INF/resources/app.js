'use strict';
// chipcast dashboard: one customer's projection, its history, its recent and live alerts, read from
// the gateway's API with the token given once (kept in this browser's localStorage). The portfolio
// page (portfolio.js) uses the helpers this file shares on window.chipcast.
(() => {
  const $ = (id) => document.getElementById(id);
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });
  const count = new Intl.NumberFormat('en-US');
  const state = { customer: null, token: null, history: [], stream: null, lastEventId: null, alertIds: new Set() };
  /** How many of a customer's alerts the page shows when it opens, newest first. */
  const RECENT_ALERTS = 20;

  $('token').value = localStorage.getItem('chipcast.token') || '';
  $('customer').value = localStorage.getItem('chipcast.customer') || '';
  if ($('token').value) {
    listCustomers();
  }
  $('token').addEventListener('change', () => {
    localStorage.setItem('chipcast.token', $('token').value.trim());
    listCustomers();
  });
  // The chart is drawn in the page's pixels: again when they change.
  window.addEventListener('resize', () => chart());
  $('connect').addEventListener('submit', (event) => {
    event.preventDefault();
    show($('customer').value.trim());
  });

  function headers() {
    return { Authorization: 'Bearer ' + $('token').value.trim(), Accept: 'application/json' };
  }

  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  async function api(path) {
    return (await apiPage(path)).items;
  }

  /** A JSON answer (null for a 404) and the link to the next page of a list, if any. */
  async function apiPage(path) {
    const response = await fetch(path, { headers: headers() });
    if (response.status === 404) {
      return { items: null, next: null };
    }
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not a problem document */ }
      throw new Error(response.status + ': ' + detail);
    }
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('Link') || '');
    return { items: await response.json(), next: next ? next[1] : null };
  }

  async function listCustomers() {
    try {
      const customers = await api('/api/v1/customers');
      $('customers').replaceChildren(...(customers || []).map((c) => {
        const option = document.createElement('option');
        option.value = c.customerId;
        option.textContent = c.name;
        return option;
      }));
    } catch (e) {
      status('Cannot list customers: ' + e.message, true);
    }
  }

  async function show(customer) {
    localStorage.setItem('chipcast.token', $('token').value.trim());
    localStorage.setItem('chipcast.customer', customer);
    if (state.stream) {
      state.stream.abort();
    }
    state.customer = customer;
    state.lastEventId = null;
    state.alertIds = new Set();
    $('alerts').replaceChildren();
    $('portfolio').hidden = true;
    try {
      const encoded = encodeURIComponent(customer);
      const [projection, history] = await Promise.all([
        api('/api/v1/customers/' + encoded + '/projection'),
        api('/api/v1/customers/' + encoded + '/projection/history')]);
      state.history = history || [];
      render(projection);
      $('view').hidden = false;
      status(projection ? 'Customer ' + customer : 'Customer ' + customer + ' has no projection yet');
      follow(customer);
      recentAlerts(customer);
    } catch (e) {
      $('view').hidden = true;
      status(e.message, true);
    }
  }

  function render(projection) {
    // The what-if panel (whatif.js) compares against the projection shown.
    document.dispatchEvent(new CustomEvent('chipcast:projection', { detail: { customer: state.customer, projection } }));
    $('projected-cost').textContent = projection ? money.format(projection.projectedCost) : '—';
    $('blocked-value').textContent = projection ? money.format(projection.blockedValue) : '—';
    $('versions').textContent = projection ? 'plan ' + projection.planVersion + ' / v' + projection.version : '—';
    const rows = (projection ? projection.lines : []).map((line) => {
      const row = document.createElement('tr');
      row.dataset.line = line.lineId;
      const cells = [line.lineId, line.sku, count.format(line.quantity), line.needBy, null,
        count.format(line.securedQty), count.format(line.delayedQty),
        line.boughtUnits ? count.format(line.boughtUnits) + ' × ' + line.boughtSku : '—',
        line.unitPrice != null ? money.format(line.unitPrice) : '—', money.format(line.lineCost),
        count.format(line.blockedQty || 0), money.format(line.atRiskValue || 0)];
      cells.forEach((value, i) => {
        const cell = document.createElement('td');
        if (i === 4) {
          const badge = document.createElement('span');
          badge.className = 'status status-' + line.status;
          badge.textContent = line.status;
          cell.appendChild(badge);
        } else {
          cell.textContent = value;
        }
        row.appendChild(cell);
      });
      return row;
    });
    $('lines').tBodies[0].replaceChildren(...rows);
    chart();
  }

  function chart() {
    const svg = $('chart');
    const points = state.history.map((p) => ({ t: Date.parse(p.computedAt), v: Number(p.projectedCost) }));
    svg.replaceChildren();
    $('chart-caption').textContent = '';
    if (points.length === 0) {
      return;
    }
    // Drawn in the chart's own pixels, so that the axes' text is never stretched.
    const w = Math.max(svg.clientWidth || 800, 320), h = 240;
    const left = 84, right = 24, top = 16, bottom = 44;
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    const tMin = points[0].t, tMax = Math.max(points[points.length - 1].t, tMin + 1);
    const values = points.map((p) => p.v);
    const spread = Math.max(Math.max(...values) - Math.min(...values), Math.max(...values) * 0.05, 1);
    const vMax = Math.max(...values) + spread * 0.1, vMin = Math.max(0, Math.min(...values) - spread * 0.1);
    const x = (t) => left + (w - left - right) * (points.length === 1 ? 0.5 : (t - tMin) / (tMax - tMin));
    const y = (v) => h - bottom - (h - top - bottom) * ((v - vMin) / Math.max(vMax - vMin, 1));
    const add = (name, attributes, text) => svgChild(svg, name, attributes, text);
    // Value axis: four ticks with their amounts, gridlines across.
    for (let i = 0; i <= 3; i++) {
      const v = vMin + (vMax - vMin) * i / 3;
      add('line', { class: 'grid', x1: left, x2: w - right, y1: y(v), y2: y(v) });
      add('text', { class: 'tick tick-y', x: left - 8, y: y(v) + 4, 'text-anchor': 'end' }, compactMoney(v));
    }
    add('text', { class: 'axis-title', x: 12, y: top + (h - top - bottom) / 2, 'text-anchor': 'middle',
      transform: 'rotate(-90 12 ' + (top + (h - top - bottom) / 2) + ')' }, 'projected cost (USD)');
    // Time axis: the first and last version, and one between when there is room.
    add('line', { class: 'axis', x1: left, x2: w - right, y1: h - bottom, y2: h - bottom });
    const times = points.length === 1 ? [tMin] : [tMin, (tMin + tMax) / 2, tMax];
    times.forEach((t, i) => add('text', { class: 'tick tick-x', x: x(t), y: h - bottom + 16,
      'text-anchor': times.length === 1 ? 'middle' : ['start', 'middle', 'end'][i] }, timeLabel(t, tMax - tMin)));
    add('text', { class: 'axis-title', x: left + (w - left - right) / 2, y: h - 6, 'text-anchor': 'middle' }, 'time (when each version was computed)');
    add('polyline', { class: 'line', points: points.map((p) => x(p.t) + ',' + y(p.v)).join(' ') });
    points.forEach((p) => {
      const dot = add('circle', { class: 'dot', cx: x(p.t), cy: y(p.v), r: 3 });
      svgChild(dot, 'title', {}, new Date(p.t).toISOString() + ' ' + money.format(p.v));
    });
    $('chart-caption').textContent = points.length + ' versions, from ' + money.format(values[0]) + ' to '
      + money.format(values[values.length - 1]) + ' (highest ' + money.format(Math.max(...values)) + ')';
  }

  /** An SVG element with these attributes (and text), appended to parent. */
  function svgChild(parent, name, attributes, text) {
    const element = document.createElementNS('http://www.w3.org/2000/svg', name);
    Object.entries(attributes).forEach(([key, value]) => element.setAttribute(key, value));
    if (text !== undefined) {
      element.textContent = text;
    }
    parent.appendChild(element);
    return element;
  }

  /** +$60,000,000.00, -$1.00, $0.00: a change. */
  function signedMoney(amount) {
    const value = Number(amount);
    return (value > 0 ? '+' : '') + money.format(value);
  }

  /** $748M, $1.2B, $35K: an axis has no room for cents. */
  function compactMoney(value) {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 2 })
      .format(value);
  }

  /** A time of day when the versions span less than a day, else a date. */
  function timeLabel(t, span) {
    const date = new Date(t);
    return span < 86400000 ? date.toLocaleTimeString() : date.toLocaleDateString() + ' ' + date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function onProjection(projection) {
    if (!projection || projection.customerId !== state.customer) {
      return;
    }
    if (!state.history.some((p) => p.version === projection.version)) {
      state.history.push(projection);
      state.history.sort((a, b) => a.version - b.version);
    }
    render(projection);
  }

  /**
   * The customer's alerts of the last 30 days, newest on top, under any that arrive live meanwhile.
   * The history is oldest first: its pages are read to the end (at most ten), keeping the last ones.
   */
  async function recentAlerts(customer) {
    const since = new Date(Date.now() - 30 * 86400000).toISOString();
    let path = '/api/v1/alerts?limit=200&since=' + encodeURIComponent(since) + '&customerId=' + encodeURIComponent(customer);
    let recent = [];
    try {
      for (let pages = 0; path && pages < 10; pages++) {
        const page = await apiPage(path);
        recent = recent.concat(page.items || []).slice(-RECENT_ALERTS);
        path = page.next;
      }
    } catch (e) {
      status('Cannot read the recent alerts: ' + e.message, true);
      return;
    }
    if (state.customer !== customer) {
      return;
    }
    recent.forEach((alert) => onAlert(alert, true));
  }

  function onAlert(alert, earlier) {
    if (state.alertIds.has(alert.alertId)) {
      return;
    }
    state.alertIds.add(alert.alertId);
    const item = document.createElement('li');
    item.className = earlier ? 'earlier' : 'new';
    item.dataset.type = alert.type;
    const at = document.createElement('time');
    at.textContent = new Date(alert.at).toLocaleString();
    const kind = document.createElement('span');
    kind.className = 'severity-' + alert.severity;
    kind.textContent = alert.type;
    const message = document.createElement('span');
    message.textContent = alert.message;
    item.append(at, kind, message);
    if (earlier) {
      // Under the live ones that came while the history was read, above the older ones.
      const firstEarlier = $('alerts').querySelector('li.earlier');
      $('alerts').insertBefore(item, firstEarlier);
    } else {
      $('alerts').prepend(item);
    }
  }

  // EventSource cannot send a bearer token: the stream is read with fetch and parsed here.
  async function follow(customer) {
    const controller = new AbortController();
    state.stream = controller;
    const url = '/api/v1/customers/' + encodeURIComponent(customer) + '/alerts';
    while (!controller.signal.aborted) {
      try {
        const request = { headers: { ...headers(), Accept: 'text/event-stream' }, signal: controller.signal };
        if (state.lastEventId) {
          request.headers['Last-Event-ID'] = state.lastEventId;
        }
        const response = await fetch(url, request);
        if (!response.ok) {
          throw new Error('stream ' + response.status);
        }
        $('stream-state').textContent = 'live';
        await read(response.body, controller.signal);
      } catch (e) {
        if (controller.signal.aborted) {
          return;
        }
        $('stream-state').textContent = 'reconnecting…';
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  async function read(body, signal) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  function dispatch(block) {
    let name = 'message', id = null;
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) {
      return;
    }
    if (id) {
      state.lastEventId = id;
    }
    const payload = JSON.parse(data.join('\n'));
    if (name === 'snapshot' || name === 'projection') {
      onProjection(payload);
    } else if (name === 'alert') {
      onAlert(payload, false);
    } else if (name === 'reset') {
      status('Some events could not be replayed; showing the current projection.');
    } else if (name === 'overflow' || name === 'error') {
      $('stream-state').textContent = 'reconnecting…';
    }
  }
  window.chipcast = { api, headers, money, signedMoney, count, compactMoney, svgChild, status, show };
})();
