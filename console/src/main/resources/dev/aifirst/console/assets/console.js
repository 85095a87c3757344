// Shared by every page: calls to the JSON API (with the token, when one was entered), small DOM
// helpers, formatting, and the pager. Plain JavaScript, no build step.
'use strict';

const Console = (() => {
  const TOKEN_KEY = 'aifirst.console.token';

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  async function api(path) {
    const headers = { 'Accept': 'application/json' };
    if (token()) headers['Authorization'] = 'Bearer ' + token();
    const response = await fetch(path, { headers });
    const body = await response.json();
    if (!response.ok) {
      const error = new Error(body.error || ('HTTP ' + response.status));
      error.field = body.field;
      throw error;
    }
    return body;
  }

  // el('td', {class: 'mono'}, 'text', child, ...): an element with attributes and children.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function badge(status) { return el('span', { class: 'badge s-' + status }, status.toLowerCase()); }

  function time(instant) {
    if (!instant) return '—';
    return instant.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
  }

  function duration(millis) {
    if (millis === null || millis === undefined) return '';
    if (millis < 1000) return millis + ' ms';
    if (millis < 60000) return (millis / 1000).toFixed(1) + ' s';
    if (millis < 3600000) return Math.round(millis / 60000) + ' min';
    return (millis / 3600000).toFixed(1) + ' h';
  }

  function shortClass(name) { return name ? name.substring(name.lastIndexOf('.') + 1) : ''; }

  // A failure: its first line, the rest (the stack trace) folded.
  function failure(text) {
    if (!text) return null;
    const newline = text.indexOf('\n');
    if (newline < 0) return el('span', { class: 'mono', style: 'color: var(--bad)' }, text);
    return el('details', { class: 'trace' }, el('summary', {}, text.substring(0, newline)),
      el('pre', {}, text.substring(newline + 1)));
  }

  function showError(container, error) {
    container.prepend(el('div', { class: 'error', role: 'alert' },
      (error.field ? error.field + ': ' : '') + error.message));
  }

  // A list read page by page: load(cursor) returns a page {items, nextCursor}; render(items) draws them.
  function pager(container, load, render) {
    const cursors = [null];
    let index = 0;
    const nav = el('div', { class: 'pager' });
    async function show() {
      try {
        const page = await load(cursors[index]);
        const single = index === 0 && !page.nextCursor;
        container.replaceChildren(render(page.items), single ? '' : nav);
        nav.replaceChildren(
          el('button', { class: 'plain', disabled: index === 0, onclick: () => { index--; show(); } }, '← Previous page'),
          el('button', { class: 'plain', id: 'next-page', disabled: !page.nextCursor,
            onclick: () => { cursors[index + 1] = page.nextCursor; index++; show(); } }, 'Next page →'));
      } catch (error) {
        container.replaceChildren();
        showError(container, error);
      }
    }
    show();
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
    return search.toString();
  }

  // The header: the current page, and the token field when the console has a token configured.
  async function header() {
    const current = document.body.dataset.page === 'run' ? 'runs' : document.body.dataset.page;
    document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('current', a.dataset.nav === current));
    const box = document.getElementById('session');
    try {
      const session = await api('api/session');
      const mode = session.readOnly ? 'read-only' : (session.actions ? 'actions allowed' : 'view only');
      box.replaceChildren(el('span', {}, mode));
      if (session.tokenConfigured && !session.tokenAccepted) {
        const input = el('input', { type: 'password', placeholder: 'console token', 'aria-label': 'console token' });
        box.append(input, el('button', { class: 'plain', onclick: () => {
          sessionStorage.setItem(TOKEN_KEY, input.value); location.reload(); } }, 'Use token'));
      } else if (session.tokenAccepted) {
        box.append(el('button', { class: 'plain', onclick: () => {
          sessionStorage.removeItem(TOKEN_KEY); location.reload(); } }, 'Forget token'));
      }
    } catch (error) {
      box.textContent = '';
    }
  }

  document.addEventListener('DOMContentLoaded', header);

  return { api, el, badge, time, duration, shortClass, failure, showError, pager, query };
})();
