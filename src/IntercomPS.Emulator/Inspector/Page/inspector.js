// The inspector's page: plain JavaScript, no framework, no build step. It reads /_inspector/api/ (same origin only)
// and writes every value as text (textContent), never as HTML: the data is whatever scripts sent the emulator.
'use strict';

const API = '/_inspector/api/';

// The data views, one per resource the emulator's store holds (InspectorViews.Resources on the server). A new
// resource is one entry here: its title, its columns [field, heading, format], whether a row opens a detail, and
// `below`: another resource listed under it on the same page.
const views = {
  contacts: {
    title: 'Contacts', search: 'Search name, email, external id, phone or id', detail: true,
    columns: [['name', 'Name'], ['email', 'Email'], ['external_id', 'External id'], ['role', 'Role'], ['tags', 'Tags'],
      ['notes', 'Notes', 'number'], ['archived', 'Archived', 'flag'], ['created_at', 'Created', 'time'], ['updated_at', 'Updated', 'time']],
  },
  tags: {
    title: 'Tags', columns: [['name', 'Name'], ['color', 'Color'], ['contacts', 'Contacts tagged', 'number'], ['id', 'Id']],
    open: (tag) => go(state.app, 'contacts', null, { tag_id: tag.id, tag_name: tag.name }),
  },
  conversations: {
    title: 'Conversations', detail: true,
    columns: [['id', 'Id'], ['contact', 'Contact'], ['state', 'State'], ['read', 'Read', 'flag'], ['assignee', 'Assignee', 'assignee'],
      ['tags', 'Tags'], ['parts', 'Parts', 'number'], ['first_message', 'First message', 'wrap'], ['updated_at', 'Updated', 'time']],
  },
  companies: {
    title: 'Companies', detail: true,
    columns: [['name', 'Name'], ['company_id', 'Company id'], ['plan', 'Plan'], ['industry', 'Industry'], ['size', 'Size', 'number'],
      ['monthly_spend', 'Monthly spend', 'number'], ['contacts', 'Contacts', 'number'], ['created_at', 'Created', 'time'], ['updated_at', 'Updated', 'time']],
  },
  segments: {
    title: 'Segments', columns: [['name', 'Name'], ['person_type', 'Person type'], ['members', 'Members', 'number'], ['created_at', 'Created', 'time'], ['id', 'Id']],
    open: (segment) => go(state.app, 'contacts', null, { segment_id: segment.id, segment_name: segment.name }),
  },
  subscription_types: {
    title: 'Subscription types',
    columns: [['name', 'Name'], ['consent_type', 'Consent'], ['content_types', 'Content'], ['state', 'State'], ['description', 'Description', 'wrap'], ['id', 'Id']],
  },
  ticket_types: {
    title: 'Ticket types',
    columns: [['name', 'Name'], ['category', 'Category'], ['attributes', 'Attributes', 'wrap'], ['archived', 'Archived', 'flag'], ['description', 'Description', 'wrap'], ['created_at', 'Created', 'time'], ['id', 'Id']],
  },
  admins: {
    title: 'Admins', below: 'teams',
    columns: [['name', 'Name'], ['email', 'Email'], ['away', 'Away', 'flag'], ['reassign', 'Reassigns when away', 'flag'], ['teams', 'Teams'], ['id', 'Id']],
  },
  teams: {
    title: 'Teams', columns: [['name', 'Name'], ['members', 'Members', 'wrap'], ['member_count', 'Size', 'number'], ['id', 'Id']],
  },
  events: {
    title: 'Events', columns: [['event_name', 'Event'], ['contact', 'Contact'], ['created_at', 'When', 'time'], ['metadata', 'Metadata', 'wrap']],
    open: (event) => go(state.app, 'contacts', event.contact_id),
  },
  data_attributes: {
    title: 'Data attributes',
    columns: [['model', 'Model'], ['name', 'Name'], ['data_type', 'Type'], ['custom', 'Custom', 'flag'], ['archived', 'Archived', 'flag'],
      ['options', 'Options', 'wrap'], ['description', 'Description', 'wrap'], ['created_at', 'Created', 'time']],
  },
};

const state = { apps: [], app: null, view: 'contacts', id: null, params: {}, pages: [], log: [], logCapacity: 1000, selected: null };
const main = document.getElementById('main');

// ---- helpers ----

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(API + path, {
    ...options,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
  return body;
}

const time = (seconds) => seconds ? new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '';

function cell(value, format) {
  switch (format) {
    case 'time': return el('td', {}, time(value));
    case 'number': return el('td', { class: 'number' }, value ?? '');
    case 'flag': return el('td', {}, value ? 'yes' : '');
    case 'assignee': return value ? el('td', {}, value) : el('td', { class: 'muted' }, 'unassigned');
    case 'wrap': return el('td', { class: 'wrap' }, value ?? '');
    default: return el('td', {}, value ?? '');
  }
}

function table(columns, rows, onOpen, selected) {
  if (rows.length === 0) return el('p', { class: 'empty' }, 'Nothing here yet.');
  return el('table', {},
    el('thead', {}, el('tr', {}, columns.map(([, heading]) => el('th', {}, heading)))),
    el('tbody', {}, rows.map((row) => el('tr', {
      class: [onOpen ? 'link' : '', selected && selected === row.id ? 'selected' : ''].join(' ').trim() || null,
      'data-id': row.id, onclick: onOpen ? () => onOpen(row) : null,
    }, columns.map(([field, , format]) => cell(row[field], format))))));
}

function message(node, text, kind) {
  node.textContent = text;
  node.className = 'message ' + (kind || '');
}

// ---- navigation: #/<app>/<view>[/<id>][?params] ----

function go(app, view, id, params) {
  const query = new URLSearchParams(params || {}).toString();
  location.hash = `#/${encodeURIComponent(app)}/${view}${id ? '/' + encodeURIComponent(id) : ''}${query ? '?' + query : ''}`;
}

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const [app, view, id] = path.split('/').map(decodeURIComponent);
  state.app = state.apps.some((a) => a.id === app) ? app : state.apps[0]?.id;
  state.view = views[view] || view === 'requests' || view === 'controls' ? view : 'contacts';
  state.id = id || null;
  state.params = Object.fromEntries(new URLSearchParams(query || ''));
  document.getElementById('app').value = state.app;
  for (const link of document.querySelectorAll('#views a')) {
    link.classList.toggle('active', link.dataset.view === state.view);
    link.href = `#/${encodeURIComponent(state.app)}/${link.dataset.view}`;
  }
  render();
}

async function render() {
  const view = state.view;
  try {
    if (view === 'requests') return renderRequests();
    if (view === 'controls') return await renderControls();
    if (state.id && view === 'contacts') return await renderContact(state.id);
    if (state.id && view === 'conversations') return await renderConversation(state.id);
    if (state.id && view === 'companies') return await renderCompany(state.id);
    return await renderList(view);
  } catch (error) {
    main.replaceChildren(el('div', { class: 'panel' }, el('p', { class: 'message error' }, error.message)));
  }
}

// ---- data views ----

// The filters a list can be opened with (a tag's or a segment's contacts): [query parameter, its label's, the word shown].
const listFilters = [['tag_id', 'tag_name', 'tag'], ['segment_id', 'segment_name', 'segment']];

async function renderList(name, keepPage) {
  const view = views[name];
  if (!keepPage) state.pages = [null];
  const cursor = state.pages[state.pages.length - 1];
  const query = new URLSearchParams();
  if (state.params.q) query.set('q', state.params.q);
  for (const [param] of listFilters) if (state.params[param]) query.set(param, state.params[param]);
  if (cursor) query.set('starting_after', cursor);
  const page = await api(`apps/${encodeURIComponent(state.app)}/${name}?${query}`);
  const below = view.below ? await api(`apps/${encodeURIComponent(state.app)}/${view.below}`) : null;
  if (state.view !== name || state.id) return; // the reader moved on while this loaded

  const search = view.search ? el('input', {
    type: 'search', placeholder: view.search, value: state.params.q || '', 'aria-label': 'Search',
    onchange: (event) => go(state.app, name, null, { ...state.params, q: event.target.value }),
  }) : null;
  const filters = listFilters.filter(([param]) => state.params[param]).map(([param, label, word]) => el('span', { class: 'chip' },
    `${word}: ${state.params[label] || state.params[param]} `,
    el('a', { class: 'inline', onclick: () => go(state.app, name, null, { q: state.params.q || '' }) }, '✕')));
  const first = (state.pages.length - 1) * 25 + 1;
  const shown = page.items.length ? `${first}–${first + page.items.length - 1} of ${page.total}` : `0 of ${page.total}`;
  const pager = page.next || state.pages.length > 1 ? [
    el('button', { disabled: state.pages.length <= 1, onclick: () => { state.pages.pop(); renderList(name, true); } }, '‹ Previous'),
    el('button', { disabled: !page.next, onclick: () => { state.pages.push(page.next); renderList(name, true); } }, 'Next ›'),
  ] : [];
  const open = view.open || (view.detail ? (row) => go(state.app, name, row.id) : null);
  main.replaceChildren(el('div', { class: 'panel', 'data-view': name },
    el('div', { class: 'toolbar' }, el('h2', {}, view.title), search, filters, el('span', { class: 'count' }, shown), pager),
    table(view.columns, page.items, open),
    below && [el('h2', { class: 'below', 'data-view': view.below }, `${views[view.below].title} (${below.total})`), table(views[view.below].columns, below.items)]));
}

function attributes(object) {
  return el('dl', { class: 'attributes' }, Object.entries(object).flatMap(([name, value]) => [
    el('dt', {}, name),
    el('dd', {}, value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : /_at$/.test(name) && typeof value === 'number' ? time(value) : String(value)),
  ]));
}

async function renderContact(id) {
  const data = await api(`apps/${encodeURIComponent(state.app)}/contacts/${encodeURIComponent(id)}`);
  const c = data.contact;
  const { tags, notes, companies, social_profiles, location, custom_attributes, ...standard } = c;
  main.replaceChildren(el('div', { class: 'panel', 'data-view': 'contact' },
    el('a', { class: 'back', onclick: () => history.back() }, '‹ Contacts'),
    el('h2', {}, c.name || c.email || c.external_id || c.id),
    el('div', { class: 'columns' },
      el('div', {}, el('h3', {}, 'Attributes'), attributes(standard)),
      el('div', {},
        el('h3', {}, 'Custom attributes'),
        Object.keys(custom_attributes).length ? attributes(custom_attributes) : el('p', { class: 'empty' }, 'None.'),
        el('h3', {}, `Tags (${data.tags.length})`),
        data.tags.length ? el('div', {}, data.tags.map((t) => el('span', { class: 'chip' }, t.name))) : el('p', { class: 'empty' }, 'None.'),
        el('h3', {}, `Notes (${data.notes.length})`),
        data.notes.length ? data.notes.map((n) => el('div', { class: 'part admin' }, el('div', { class: 'who' }, time(n.created_at)), n.body)) : el('p', { class: 'empty' }, 'None.'),
        el('h3', {}, `Companies (${data.companies.length})`),
        data.companies.length ? el('div', {}, data.companies.map((co) => el('a', { class: 'chip', onclick: () => go(state.app, 'companies', co.id) }, co.name ?? co.company_id)))
          : el('p', { class: 'empty' }, 'None.'),
        el('h3', {}, `Segments (${data.segments.length})`),
        data.segments.length ? el('div', {}, data.segments.map((g) => el('a', { class: 'chip', onclick: () => go(state.app, 'contacts', null, { segment_id: g.id, segment_name: g.name }) }, g.name)))
          : el('p', { class: 'empty' }, 'None.'),
        el('h3', {}, `Subscription choices (${data.subscriptions.length})`),
        data.subscriptions.length
          ? el('div', {}, data.subscriptions.map((t) => el('span', { class: 'chip' }, `${t.name}: ${t.consent_type === 'opt_in' ? 'opted in' : 'opted out'}`)))
          : el('p', { class: 'empty' }, 'None: every type at its default.'))),
    el('h3', {}, `Conversations (${data.conversations_total})`),
    table(views.conversations.columns, data.conversations, (row) => go(state.app, 'conversations', row.id)),
    el('h3', {}, `Events (${data.events.length})`),
    table([['event_name', 'Event'], ['created_at', 'When', 'time'], ['metadata', 'Metadata', 'wrap']],
      data.events.map((e) => ({ ...e, metadata: JSON.stringify(e.metadata) })))));
}

async function renderCompany(id) {
  const data = await api(`apps/${encodeURIComponent(state.app)}/companies/${encodeURIComponent(id)}`);
  const c = data.company;
  const shown = data.contacts.length < data.contacts_total ? `first ${data.contacts.length} of ${data.contacts_total}` : data.contacts_total;
  main.replaceChildren(el('div', { class: 'panel', 'data-view': 'company' },
    el('a', { class: 'back', onclick: () => history.back() }, '‹ Back'),
    el('h2', {}, c.name || c.company_id),
    el('div', { class: 'columns' },
      el('div', {}, el('h3', {}, 'Attributes'), attributes(c)),
      el('div', {}, el('h3', {}, 'Custom attributes'),
        Object.keys(data.custom_attributes).length ? attributes(data.custom_attributes) : el('p', { class: 'empty' }, 'None.'),
        el('h3', {}, `Tags (${data.tags.length})`),
        data.tags.length ? el('div', {}, data.tags.map((t) => el('span', { class: 'chip' }, t.name))) : el('p', { class: 'empty' }, 'None.'))),
    el('h3', {}, `Contacts (${shown})`),
    table(views.contacts.columns, data.contacts, (row) => go(state.app, 'contacts', row.id))));
}

async function renderConversation(id) {
  const data = await api(`apps/${encodeURIComponent(state.app)}/conversations/${encodeURIComponent(id)}`);
  const c = data.conversation;
  main.replaceChildren(el('div', { class: 'panel', 'data-view': 'conversation' },
    el('a', { class: 'back', onclick: () => history.back() }, '‹ Back'),
    el('h2', {}, `Conversation ${c.id} with `, el('a', { class: 'inline', onclick: () => go(state.app, 'contacts', c.contact_id) }, c.contact)),
    attributes({
      state: c.state, snoozed_until: c.snoozed_until ?? null, read: c.read,
      admin_assignee: c.admin_assignee ?? 'unassigned', team_assignee: c.team_assignee ?? 'unassigned', tags: c.tags,
      created_at: c.created_at, updated_at: c.updated_at,
    }),
    el('h3', {}, `Parts (${data.parts.length})`),
    data.parts.map((p) => el('div', { class: `part ${p.author_type} ${p.type}`, 'data-type': p.type },
      el('div', { class: 'who' }, [p.author, `(${p.author_type})`, '·', partType(p), '·', time(p.created_at)].join(' ')), p.body))));
}

// What a part is, in words: the team inbox's part types, an assignment with whom it went to.
function partType(part) {
  const type = part.type.replaceAll('_', ' ');
  return part.assigned_to === undefined ? type : `${type} to ${part.assigned_to}`;
}

// ---- the request log, live ----

const logColumns = [['at', 'Time'], ['app', 'App'], ['method', 'Method'], ['path', 'Path', 'wrap'], ['api', 'API'], ['status', 'Status', 'status'],
  ['fault', 'Fault', 'fault'], ['ms', 'ms', 'number'], ['user_agent', 'User-Agent', 'wrap']];

function logRow(entry) {
  const row = el('tr', { class: 'link' + (state.selected === entry.id ? ' selected' : ''), 'data-id': entry.id, onclick: () => showExchange(entry.id) },
    el('td', {}, entry.at.slice(11, 23)),
    el('td', {}, entry.app ?? '—'),
    el('td', {}, entry.method),
    el('td', { class: 'wrap' }, entry.path),
    el('td', {}, entry.face === 'v1' ? 'v1' : `2.x ${entry.version ?? ''}`.trim()),
    el('td', { class: `status s${String(entry.status)[0]}` }, entry.status || 'cut'),
    el('td', { class: 'fault' }, entry.fault ?? ''),
    el('td', { class: 'number' }, entry.ms),
    el('td', { class: 'wrap muted' }, entry.user_agent ?? ''));
  return row;
}

function logFilter() {
  const app = document.getElementById('log-app')?.value ?? '';
  const status = document.getElementById('log-status')?.value ?? '';
  const path = (document.getElementById('log-path')?.value ?? '').toLowerCase();
  return (entry) => (!app || entry.app === app)
    && (!status || (status === 'fault' ? !!entry.fault : String(entry.status)[0] === status[0]))
    && (!path || entry.path.toLowerCase().includes(path));
}

function renderRequests() {
  const filters = el('div', { class: 'toolbar' },
    el('h2', {}, 'Requests'),
    el('select', { id: 'log-app', 'aria-label': 'Filter by app', onchange: drawLog },
      el('option', { value: '' }, 'every app'), state.apps.map((a) => el('option', { value: a.id }, a.id))),
    el('select', { id: 'log-status', 'aria-label': 'Filter by status', onchange: drawLog },
      [['', 'every status'], ['2xx', '2xx'], ['4xx', '4xx'], ['5xx', '5xx'], ['fault', 'faults injected']].map(([v, t]) => el('option', { value: v }, t))),
    el('input', { id: 'log-path', type: 'search', placeholder: 'Path contains', 'aria-label': 'Filter by path', oninput: drawLog }),
    el('span', { class: 'count', id: 'log-count' }));
  main.replaceChildren(el('div', { class: 'panel', 'data-view': 'requests' }, filters,
    el('table', {}, el('thead', {}, el('tr', {}, logColumns.map(([, h]) => el('th', {}, h)))), el('tbody', { id: 'log-rows' }))),
  el('div', { class: 'panel', id: 'exchange', hidden: true }));
  drawLog();
  if (state.selected) showExchange(state.selected);
}

function drawLog() {
  const rows = document.getElementById('log-rows');
  if (!rows) return;
  const shown = state.log.filter(logFilter()).slice().reverse();
  rows.replaceChildren(...shown.map(logRow));
  document.getElementById('log-count').textContent = `${shown.length} of ${state.log.length} kept (the last ${state.logCapacity})`;
}

async function showExchange(id) {
  state.selected = id;
  for (const row of document.querySelectorAll('#log-rows tr')) row.classList.toggle('selected', Number(row.dataset.id) === id);
  const panel = document.getElementById('exchange');
  if (!panel) return;
  panel.hidden = false;
  try {
    const data = await api(`log/${id}`);
    const e = data.entry;
    const side = (title, s) => [
      el('h3', {}, title),
      el('pre', {}, s.headers.map(([n, v]) => `${n}: ${v}`).join('\n')),
      s.unreadable ? el('p', { class: 'message error' }, s.unreadable)
        : s.length === 0 ? el('p', { class: 'empty' }, 'No body.')
          : el('pre', { class: 'body' }, s.body + (s.cut ? `\n… cut: ${s.length} bytes in all` : '')),
    ];
    panel.replaceChildren(
      el('h2', {}, `${e.method} ${e.path}`),
      attributes({ status: e.status || 'cut before any answer', route: e.route, api: e.face === 'v1' ? 'v1' : `2.x (Intercom-Version ${e.version ?? 'not reached'})`, app: e.app, fault: e.fault, duration_ms: e.ms, user_agent: e.user_agent, request_id: e.request_id, at: e.at }),
      data.not_captured ? el('p', { class: 'empty' }, data.not_captured) : el('div', { class: 'columns' },
        el('div', {}, side('Request', data.request)), el('div', {}, side('Answer', data.response))));
  } catch (error) {
    panel.replaceChildren(el('p', { class: 'message error' }, error.message));
  }
}

let refreshTimer = null;

function onLogEntry(entry) {
  state.log.push(entry);
  if (state.log.length > state.logCapacity) state.log.shift();
  if (state.view === 'requests') {
    const rows = document.getElementById('log-rows');
    if (!rows) return;
    if (logFilter()(entry)) rows.prepend(logRow(entry));
    document.getElementById('log-count').textContent = `${rows.children.length} of ${state.log.length} kept (the last ${state.logCapacity})`;
  } else if (entry.method !== 'GET' && entry.app === state.app && entry.status < 400 && views[state.view]) {
    // A script just wrote to the app on screen: show the data as it is now (once the burst settles).
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => (state.id ? render() : renderList(state.view, true)), 300);
  }
}

function connectLog() {
  const live = document.getElementById('live');
  const source = new EventSource(API + 'log/stream');
  source.onopen = () => { live.textContent = 'live'; live.className = 'live on'; };
  source.onmessage = (event) => onLogEntry(JSON.parse(event.data));
  source.onerror = () => { live.textContent = 'reconnecting'; live.className = 'live off'; };
}

// ---- controls: what /admin does, through the same checks ----

async function renderControls() {
  const app = state.app;
  const faults = await api('admin/faults');
  const resetMessage = el('p', { class: 'message' });
  const seedMessage = el('p', { class: 'message' });
  const faultMessage = el('p', { class: 'message' });
  const seedCount = el('input', { id: 'seed-count', type: 'number', value: '100', min: '1' });
  const seedPrefix = el('input', { id: 'seed-prefix', value: 'user' });
  const seedTag = el('input', { id: 'seed-tag', placeholder: 'none' });
  const fields = [
    ['latency_ms', 'Latency (ms)', 'added to every API request'],
    ['jitter_ms', 'Jitter (ms)', 'a random 0..N more'],
    ['failure_rate', 'Failure rate', '0 to 1: the share of requests failed, not applied'],
    ['failure_status', 'Failure status', '400 to 599'],
    ['retry_after_seconds', 'Retry-After (s)', 'sent with injected failures (0: none)'],
    ['drop_rate', 'Drop rate', '0 to 1: applied, then the answer cut'],
    ['route', 'Only route', 'e.g. POST /contacts; empty: every route'],
    ['rate_limit', 'Rate limit', 'requests per window per app (0: none)'],
    ['rate_window_seconds', 'Rate window (s)', ''],
    ['search_delay_seconds', 'Search delay (s)', 'before a new contact is searchable'],
    ['fault_seed', 'Seed', 'replays the same draws; empty: unseeded'],
  ];
  const inputs = Object.fromEntries(fields.map(([name]) => [name, el('input', { id: 'fault-' + name, name, value: faults[name] ?? '' })]));

  async function act(node, work, done) {
    message(node, 'Working…');
    try { message(node, done(await work()), 'done'); } catch (error) { message(node, error.message, 'error'); }
  }

  async function reset() {
    if (!await confirmReset(app)) return;
    act(resetMessage, () => api(`admin/reset?app_id=${encodeURIComponent(app)}`, { method: 'POST', body: '{}' }), () => `${app} is empty.`);
  }

  function seed() {
    const body = { app_id: app, count: Number(seedCount.value), prefix: seedPrefix.value };
    if (seedTag.value) body.tag = seedTag.value;
    act(seedMessage, () => api('admin/seed', { method: 'POST', body: JSON.stringify(body) }), (r) => `Created ${r.created} users in ${r.app_id}.`);
  }

  function setFaults() {
    const body = {};
    for (const [name, input] of Object.entries(inputs)) {
      const text = input.value.trim();
      if (name === 'route' || name === 'fault_seed') body[name] = text === '' ? null : name === 'route' ? text : Number(text);
      else if (text !== '') body[name] = Number(text);
    }
    act(faultMessage, () => api('admin/faults', { method: 'PUT', body: JSON.stringify(body) }), () => 'Faults set: they apply from the next API request.');
  }

  function clearFaults() {
    act(faultMessage, async () => {
      const cleared = await api('admin/faults', { method: 'DELETE' });
      for (const [name, input] of Object.entries(inputs)) input.value = cleared[name] ?? '';
    }, () => 'Faults cleared.');
  }

  main.replaceChildren(el('div', { class: 'columns', 'data-view': 'controls' },
    el('div', {},
      el('div', { class: 'panel' }, el('h2', {}, `Reset ${app}`),
        el('p', {}, 'Deletes every contact, tag, note, conversation, attribute, event, company and segment of this app, the admins and teams /admin added, its request counts and rate-limit window.'),
        el('div', { class: 'actions' }, el('button', { id: 'reset', class: 'danger', onclick: reset }, `Reset ${app}…`)), resetMessage),
      el('div', { class: 'panel' }, el('h2', {}, `Seed ${app}`),
        el('div', { class: 'form' },
          el('label', { for: 'seed-count' }, 'Users'), seedCount,
          el('label', { for: 'seed-prefix' }, 'Prefix'), seedPrefix, el('span', { class: 'hint' }, 'creates PREFIX1, PREFIX1@example.com …'),
          el('label', { for: 'seed-tag' }, 'Tag'), seedTag),
        el('div', { class: 'actions' }, el('button', { id: 'seed', class: 'primary', onclick: seed }, 'Seed')), seedMessage)),
    el('div', { class: 'panel' }, el('h2', {}, 'Faults (every app)'),
      el('div', { class: 'form' }, fields.flatMap(([name, label, hint]) => [el('label', { for: 'fault-' + name }, label), inputs[name], hint ? el('span', { class: 'hint' }, hint) : null])),
      el('div', { class: 'actions' },
        el('button', { id: 'set-faults', class: 'primary', onclick: setFaults }, 'Set faults'),
        el('button', { id: 'clear-faults', onclick: clearFaults }, 'Clear faults')),
      faultMessage)));
}

function confirmReset(app) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent =
    `Reset ${app}? Every contact, tag, note, conversation, data attribute, event, company and segment of ${app}, and the admins and teams /admin added, are deleted. This cannot be undone.`;
  document.getElementById('confirm-ok').textContent = `Reset ${app}`;
  return new Promise((resolve) => {
    const answer = (ok) => () => { dialog.close(); resolve(ok); };
    document.getElementById('confirm-ok').onclick = answer(true);
    document.getElementById('confirm-cancel').onclick = answer(false);
    dialog.oncancel = () => resolve(false);
    dialog.showModal();
  });
}

// ---- start ----

async function start() {
  const info = await api('apps');
  state.apps = info.apps;
  state.logCapacity = info.log.capacity;
  const select = document.getElementById('app');
  select.replaceChildren(...state.apps.map((a) => el('option', { value: a.id }, `${a.id} (${a.version}, ${a.timezone})`)));
  select.onchange = () => go(select.value, state.view === 'requests' || state.view === 'controls' || views[state.view] ? state.view : 'contacts');
  window.addEventListener('hashchange', route);
  route();
  connectLog();
}

start().catch((error) => main.replaceChildren(el('div', { class: 'panel' }, el('p', { class: 'message error' }, error.message))));
