// The participant page: plain JavaScript, text set with textContent only, no framework.
// It polls « what changed since revision R » every second while visible, at once when it comes
// back to the foreground; notes written offline wait in localStorage and are sent once each
// (the server answers a retried client id with its first answer).
'use strict';
(function () {
  const en = (navigator.languages && navigator.languages[0] || navigator.language || 'fr').toLowerCase().startsWith('en');
  const T = en ? {
    code: 'Workshop code', enter: 'Enter', teams: 'Choose your team', names: 'Who are you?',
    self: 'Or add your name', addSelf: 'Add me', yes: "Yes, it's me", no: 'No', note: 'Your note', send: 'Send',
    changeName: 'Change name', changeTeam: 'Change team', reconnect: 'Reconnecting…', pending: 'waiting to be sent', edit: 'Edit', del: 'Delete',
    save: 'Save', dotAdd: '+ dot', dotRemove: '− dot', mine: (n) => 'yours: ' + n + (n === 1 ? ' dot' : ' dots'),
    voteLeft: (l, b) => 'Vote open: ' + l + ' of ' + b + ' dots left', voteClosed: 'The vote is closed.',
    hidden: (n) => n + (n === 1 ? ' private note' : ' private notes') + ' of the team, shown after the reveal', total: (n) => 'total: ' + n,
    noCode: 'Type the 6-character code shown on the screen.', sent: 'Note sent.', queued: 'Note kept: it will be sent when the link is back.',
    thanks: 'Thank you! Your feedback was recorded.', feedback: 'Your feedback', like: 'I like', suggest: 'I suggest', question: 'I wonder',
    message: 'Your message', rating: 'Rating (optional)', visitor: 'Your name (optional)', team: 'Team',
    phases: { diverge: 'Diverge: write as many ideas as you can, one per note.', select: 'Select: vote for the ideas to take forward.',
      prototype: 'Prototype: build something to test.', test: 'Test: show your prototype and listen.' },
    unreachable: 'The facilitator\'s computer cannot be reached. Check that this phone is on the room\'s Wi-Fi (not mobile data, not a guest network).'
  } : {
    code: "Code de l’atelier", enter: 'Entrer', teams: 'Choisissez votre équipe', names: 'Qui êtes-vous ?',
    self: 'Ou ajoutez votre nom', addSelf: "M’ajouter", yes: "Oui, c’est moi", no: 'Non', note: 'Votre post-it', send: 'Envoyer',
    changeName: 'Changer de nom', changeTeam: 'Changer d’équipe', reconnect: 'Reconnexion…', pending: "en attente d’envoi", edit: 'Modifier', del: 'Supprimer',
    save: 'Enregistrer', dotAdd: '+ gommette', dotRemove: '− gommette', mine: (n) => 'à vous : ' + n + (n <= 1 ? ' gommette' : ' gommettes'),
    voteLeft: (l, b) => 'Vote ouvert : il vous reste ' + l + (l <= 1 ? ' gommette' : ' gommettes') + ' sur ' + b, voteClosed: 'Le vote est clos.',
    hidden: (n) => n + (n <= 1 ? ' post-it privé' : ' post-its privés') + " de l’équipe, " + (n <= 1 ? 'visible' : 'visibles') + " après « Dévoiler »", total: (n) => 'total : ' + n,
    noCode: "Tapez le code à 6 caractères affiché à l’écran.", sent: 'Post-it envoyé.', queued: 'Post-it gardé : il partira au retour de la connexion.',
    thanks: 'Merci ! Votre retour est enregistré.', feedback: 'Votre retour', like: "J’aime", suggest: 'Je suggère', question: "Je m’interroge",
    message: 'Votre message', rating: 'Note (facultatif)', visitor: 'Votre nom (facultatif)', team: 'Équipe',
    phases: { diverge: 'Diverger : écrivez un maximum d’idées, une par post-it.', select: 'Sélectionner : votez pour les idées à retenir.',
      prototype: 'Prototyper : construisez de quoi tester.', test: 'Tester : montrez votre prototype et écoutez.' },
    unreachable: "L’ordinateur de l’animateur est injoignable. Vérifiez que ce téléphone est sur le Wi-Fi de la salle (pas en données mobiles, pas sur un réseau invité)."
  };
  document.documentElement.lang = en ? 'en' : 'fr';
  const $ = (id) => document.getElementById(id);
  const setText = (id, text) => { $(id).textContent = text; };
  [['code-label', 'code'], ['code-ok', 'enter'], ['teams-title', 'teams'], ['names-title', 'names'], ['self-label', 'self'],
   ['self-ok', 'addSelf'], ['confirm-yes', 'yes'], ['confirm-no', 'no'], ['note-label', 'note'], ['note-send', 'send'],
   ['change-name', 'changeName'], ['change-team', 'changeTeam'], ['kind-legend', 'feedback'], ['kind-like', 'like'], ['kind-suggest', 'suggest'],
   ['kind-question', 'question'], ['feedback-label', 'message'], ['rating-label', 'rating'], ['visitor-label', 'visitor'],
   ['feedback-send', 'send']].forEach(([id, key]) => setText(id, T[key]));

  const params = new URLSearchParams(location.search);
  const store = {
    get(key, fallback) { try { const v = localStorage.getItem('atelier.' + key); return v === null ? fallback : JSON.parse(v); } catch (e) { return fallback; } },
    set(key, value) { try { localStorage.setItem('atelier.' + key, JSON.stringify(value)); } catch (e) { /* private mode: memory only */ } }
  };
  let code = (params.get('c') || store.get('code', '')).toUpperCase();
  const standCode = params.get('s');
  let device = store.get('device', null); // {token, team}
  let revision = 0, clockOffset = 0, view = null, online = true, pendingConfirm = null, timer = null;
  let outbox = store.get('outbox', []);
  let editing = null, editDraft = null; // the note being changed, and what is typed in it so far
  // The list is built again when the team's board changes; not under a finger (a tap would land
  // on a button that is gone), and never losing the letters typed into a note being changed.
  let holding = 0, renderLater = false, editFocused = false; // holding: when the press began

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  function show(section) {
    ['message', 'code-form', 'teams', 'names', 'board', 'stand'].forEach((id) => { $(id).hidden = id !== section; });
  }
  // The bar at the bottom of the screen: a refusal stays until the next message, a « sent » or a
  // « thank you » goes after a few seconds so that it does not sit over the board.
  let noticeTimer = 0;
  function notice(text, passing) {
    clearTimeout(noticeTimer);
    setText('notice', text || '');
    if (passing) noticeTimer = setTimeout(() => setText('notice', ''), 4000);
  }
  function message(text) { setText('message-text', text); show('message'); }
  function setOnline(value) {
    online = value;
    $('link').hidden = value;
    if (!value) setText('link', T.reconnect + ' ' + T.unreachable);
  }

  async function call(method, path, body, withDevice) {
    // The server answers in the page's language (its messages, its refusals).
    const headers = { 'X-Atelier-Code': code, 'X-Atelier-Lang': en ? 'en' : 'fr' };
    if (withDevice && device) headers['X-Atelier-Device'] = device.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), 6000);
    let res;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: abort.signal, cache: 'no-store' });
    } catch (e) {
      setOnline(false);
      return { network: true };
    } finally { clearTimeout(timeout); }
    let data;
    try { data = await res.json(); } catch (e) { data = { ok: false, error: res.status + '' }; }
    setOnline(true);
    if (typeof data.now === 'number') clockOffset = data.now - Date.now();
    data.status = res.status;
    return data;
  }
  const serverNow = () => Date.now() + clockOffset;
  function codeProblem(data) {
    if (['missing_code', 'old_code', 'wrong_code'].includes(data.reason)) {
      store.set('code', '');
      message(data.error);
      $('code-form').hidden = false;
      return true;
    }
    return false;
  }

  // ---- Joining ----
  async function start() {
    if (standCode) return startStand();
    if (!code) { show('code-form'); notice(T.noCode); return; }
    store.set('code', code);
    if (device && device.token && device.team) return poll(true);
    const data = await call('GET', '/api/state');
    if (data.network) { message(T.unreachable); return retryLater(start); }
    if (codeProblem(data)) return;
    if (!data.ok) { message(data.error); return; }
    setText('title', data.event.name || 'Atelier');
    const wanted = params.get('t');
    if (wanted && data.event.teams.some((t) => t.id === wanted)) return join(wanted);
    const list = $('team-list');
    list.replaceChildren();
    for (const team of data.event.teams) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = team.name + (team.challenge ? ' — ' + team.challenge : '');
      b.addEventListener('click', () => join(team.id));
      li.appendChild(b);
      list.appendChild(li);
    }
    show('teams');
  }
  function retryLater(fn) { setTimeout(fn, 2000); }
  async function join(team) {
    const data = await call('POST', '/api/do', { do: 'join', team }, true);
    if (data.network) return notice(T.reconnect);
    if (codeProblem(data)) return;
    // A room arriving at once may share one address: a join refused for its rate is retried.
    if (data.status === 429) { notice(data.error); return setTimeout(() => join(team), 1000); }
    if (!data.ok) return notice(data.error);
    device = { token: data.token, team };
    store.set('device', device);
    revision = 0;
    poll(true);
  }
  function showNames() {
    const list = $('member-list');
    list.replaceChildren();
    for (const m of view.members) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = m.name;
      b.addEventListener('click', () => pick(m.id, false));
      li.appendChild(b);
      list.appendChild(li);
    }
    $('confirm').hidden = true;
    $('team-line').hidden = false;
    setText('team-line', view.team.name);
    show('names');
  }
  async function pick(member, confirm) {
    const data = await call('POST', '/api/do', { do: 'pick_member', member, confirm }, true);
    if (data.network) return notice(T.reconnect);
    if (data.confirm) {
      pendingConfirm = member;
      setText('confirm-text', data.error);
      $('confirm').hidden = false;
      $('confirm-yes').focus();
      return;
    }
    if (!data.ok) return notice(data.error);
    revision = 0;
    poll(true);
  }
  $('confirm-yes').addEventListener('click', () => { if (pendingConfirm) pick(pendingConfirm, true); });
  $('confirm-no').addEventListener('click', () => { pendingConfirm = null; $('confirm').hidden = true; });
  $('self-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = $('self-name').value.trim();
    if (!name) return;
    const data = await call('POST', '/api/do', { do: 'add_self', client_id: randomId(), name }, true);
    if (data.network) return notice(T.reconnect);
    if (!data.ok) return notice(data.error);
    revision = 0;
    poll(true);
  });
  $('change-name').addEventListener('click', () => { if (view) showNames(); });
  $('change-team').addEventListener('click', () => {
    // The same device joins another team (the server moves it), so no stale device is left.
    device = device && device.token ? { token: device.token, team: null } : null;
    store.set('device', device);
    view = null;
    $('team-line').hidden = true;
    start();
  });
  $('code-form').addEventListener('submit', (e) => {
    e.preventDefault();
    code = $('code-input').value.replace(/[\s-]/g, '').toUpperCase();
    device = null;
    store.set('device', null);
    start();
  });

  // ---- The team's board ----
  async function poll(force) {
    if (!device || !device.team) return; // between teams (« Changer d'équipe »)
    const data = await call('GET', '/api/state?since=' + (force ? 0 : revision), undefined, true);
    if (data.network) return;
    if (codeProblem(data)) return;
    if (data.reason === 'unknown_device' || data.team_gone) { device = null; store.set('device', null); return start(); }
    if (!data.ok) return notice(data.error);
    flush();
    if (data.unchanged) return;
    revision = data.revision;
    view = data;
    setText('title', data.event || 'Atelier');
    if (!data.member) return showNames();
    render();
  }
  function render() {
    if (holding && Date.now() - holding < 2000) { renderLater = true; return; }
    editFocused = !!document.activeElement && document.activeElement.id === 'edit-text';
    const v = view;
    const me = v.members.find((m) => m.id === v.member);
    $('team-line').hidden = false;
    setText('team-line', v.team.name + (me ? ' · ' + me.name : ''));
    setText('challenge', v.challenge ? v.challenge.question : '');
    setText('phase', T.phases[v.phase] || '');
    const round = v.vote && !v.vote.closed ? v.vote : null;
    const used = Object.values(v.my_dots || {}).reduce((a, b) => a + b, 0);
    $('vote-line').hidden = !v.vote;
    if (v.vote) setText('vote-line', round ? T.voteLeft(v.vote.budget - used, v.vote.budget) : T.voteClosed);
    $('hidden-line').hidden = !v.hidden_notes;
    setText('hidden-line', T.hidden(v.hidden_notes));
    const list = $('notes');
    list.replaceChildren();
    for (const item of outbox.slice().reverse()) list.appendChild(noteItem({ text: item.text }, true));
    for (const note of v.notes.slice().reverse()) list.appendChild(noteItem(note, false, round));
    if ($('board').hidden) show('board');
    tick();
  }
  function noteItem(note, pending, round) {
    const li = document.createElement('li');
    if (pending) li.className = 'pending';
    const text = document.createElement('div');
    text.className = 'text';
    text.textContent = note.text;
    li.appendChild(text);
    if (pending) {
      const p = document.createElement('small');
      p.textContent = T.pending;
      li.appendChild(p);
      return li;
    }
    const tools = document.createElement('div');
    tools.className = 'tools';
    const button = (label, handler) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', handler);
      tools.appendChild(b);
      return b;
    };
    if (note.author === view.member && note.open) {
      if (editing === note.id) {
        const input = document.createElement('input');
        input.id = 'edit-text';
        input.value = editDraft === null ? note.text : editDraft.text;
        input.setAttribute('aria-label', T.edit);
        input.addEventListener('input', () => { editDraft = { text: input.value, start: input.selectionStart, end: input.selectionEnd }; });
        li.replaceChild(input, text);
        button(T.save, async () => {
          const draft = input.value;
          editing = null;
          editDraft = null;
          const data = await act({ do: 'edit_note', note: note.id, text: draft });
          if (data && !data.ok) { editing = note.id; editDraft = { text: draft, start: draft.length, end: draft.length }; render(); }
        });
        if (editFocused || editDraft === null) setTimeout(() => {
          input.focus();
          if (editDraft) input.setSelectionRange(editDraft.start, editDraft.end);
        }, 0);
      } else {
        button(T.edit, () => { editing = note.id; editDraft = null; render(); });
      }
      button(T.del, () => act({ do: 'delete_note', note: note.id }));
    }
    // One's dots and, once revealed, the total, on a line of their own above the buttons.
    const counts = [];
    const mine = (view.my_dots || {})[note.id] || 0;
    if (round) counts.push(T.mine(mine));
    if (view.vote && view.vote.revealed && view.vote.totals) counts.push(T.total(view.vote.totals[note.id] || 0));
    if (counts.length) {
      const line = document.createElement('div');
      line.className = 'dots';
      line.textContent = counts.join(' · ');
      li.appendChild(line);
    }
    if (round) {
      button(T.dotAdd, () => act({ do: 'cast_vote', note: note.id }));
      if (mine) button(T.dotRemove, () => act({ do: 'withdraw_vote', note: note.id }));
    }
    if (tools.childNodes.length) li.appendChild(tools);
    return li;
  }
  async function act(request) {
    const data = await call('POST', '/api/do', request, true);
    if (data.network) { notice(T.reconnect); return data; }
    notice(data.ok ? '' : data.error);
    revision = 0;
    await poll(true);
    return data;
  }
  $('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('note-text').value.trim();
    if (!text) return;
    outbox.push({ client_id: randomId(), text });
    store.set('outbox', outbox);
    $('note-text').value = '';
    if (view) render();
    flush();
  });
  let flushing = false;
  async function flush() {
    if (flushing || !outbox.length || !device || !device.team) return;
    flushing = true;
    try {
      while (outbox.length) {
        const item = outbox[0];
        const data = await call('POST', '/api/do', { do: 'add_note', client_id: item.client_id, text: item.text }, true);
        if (data.network || data.status >= 500 || data.status === 429) { notice(T.queued); break; }
        outbox.shift();
        store.set('outbox', outbox);
        notice(data.ok ? T.sent : data.error, data.ok);
        revision = 0;
      }
    } finally { flushing = false; }
    if (!outbox.length) poll(true);
  }
  function tick() {
    const t = view && view.timer;
    if (!t) { setText('countdown', ''); return; }
    let left = t.remaining_ms;
    if (t.state === 'running') left = Math.max(0, t.remaining_ms - (serverNow() - t.started_at));
    const s = Math.ceil(left / 1000), m = Math.floor(s / 60);
    setText('countdown', (t.label ? t.label + ' ' : '') + m + ':' + String(s % 60).padStart(2, '0'));
  }

  // ---- Exhibition stand: feedback only ----
  async function startStand() {
    const res = await call('GET', '/api/stand?s=' + encodeURIComponent(standCode));
    if (res.network) { message(T.unreachable); return retryLater(startStand); }
    if (!res.ok) { message(res.error); return; }
    setText('title', res.event || 'Atelier'); // the event's name, as on the participants' pages
    setText('stand-title', res.title);
    setText('stand-team', res.team);
    show('stand');
    $('feedback-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const kind = document.querySelector('input[name=kind]:checked').value;
      const rating = $('feedback-rating').value;
      const body = { stand: standCode, client_id: randomId(), kind, text: $('feedback-text').value, visitor: $('feedback-name').value };
      if (rating) body.rating = Number(rating);
      const data = await call('POST', '/api/feedback', body);
      if (data.network) return notice(T.reconnect);
      notice(data.ok ? T.thanks : data.error, data.ok);
      if (data.ok) { $('feedback-text').value = ''; }
    });
  }

  document.addEventListener('pointerdown', () => { holding = Date.now(); }, true);
  const release = () => {
    holding = 0;
    // After the click that this press makes has run.
    setTimeout(() => { if (renderLater && view) { renderLater = false; render(); } }, 0);
  };
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);

  setInterval(() => {
    if (document.visibilityState !== 'visible' || standCode) return;
    if (device) poll(false);
    tick();
  }, 1000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && device && !standCode) poll(true);
  });
  window.addEventListener('online', () => flush());
  start();
})();
