/* zh-annotate's editor: the edit layer over an edition's own page, served by `annotate edit`.
   Every change is sent to the server, which keeps the undo list and writes the TEI; the article
   comes back rendered by the same writer as the published page. Text from the edition is only
   ever put in the page as text (textContent), never as markup: the article's markup is the
   writer's, which escapes everything. */
(() => {
  'use strict';
  const token = location.pathname.split('/')[1];
  const api = (route) => `/${token}/api/${route}`;
  let state = null;
  let rubies = [];
  let current = null;        // the sentence element the bead tools act on
  let selection = null;      // {start, end} places of a selected run of characters
  let busy = false;
  let decorated = false;     // the whole page is there and every reading numbered
  let version = null;        // of the article on the page, as the server sent it

  const make = (tag, attributes = {}, text = null) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== null) element.textContent = text;
    return element;
  };
  const button = (label, action, title = '') => {
    const element = make('button', {type: 'button', class: 'zhe-button'}, label);
    if (title) element.title = title;
    element.addEventListener('click', action);
    return element;
  };

  /* ------------------------------------------------------------ the bar */
  const bar = make('div', {id: 'zhe-bar', role: 'toolbar', 'aria-label': 'Editor', lang: 'en'});
  const status = make('p', {id: 'zhe-status', role: 'status', 'aria-live': 'polite'}, 'Loading the editor…');
  const bead = make('span', {id: 'zhe-bead'});
  const tools = {
    merge: button('Merge with next', () => beadEdit('merge'), 'Merge this bead with the next one'),
    split: button('Split before this sentence', () => beadEdit('split'), 'This sentence begins a new bead'),
    previous: button('Move to previous bead', () => beadEdit('move', 'previous'),
      'Move this translation sentence to the bead before'),
    next: button('Move to next bead', () => beadEdit('move', 'next'), 'Move this translation sentence to the bead after'),
    untranslated: button('Mark untranslated', () => beadEdit('untranslated'), 'The translator left this sentence out'),
    term: button('Add term…', () => openTermForm(), 'Make the selected characters a glossary term'),
  };
  const history = {
    undo: button('Undo', () => send('undo'), 'Ctrl+Z'),
    redo: button('Redo', () => send('redo'), 'Ctrl+Shift+Z'),
    save: button('Save', () => save(false), 'Ctrl+S: write the TEI and render the other formats'),
  };
  const conflict = make('span', {id: 'zhe-conflict', hidden: ''});
  conflict.append(button('Reload from disk', () => send('reload')), button('Save a copy', () => save(true)));
  const beadTools = make('span', {class: 'zhe-group', role: 'group', 'aria-label': 'Bead'});
  beadTools.append(bead, tools.merge, tools.split, tools.previous, tools.next, tools.untranslated, tools.term);
  const historyTools = make('span', {class: 'zhe-group', role: 'group', 'aria-label': 'History'});
  historyTools.append(history.undo, history.redo, history.save);
  bar.append(status, conflict, beadTools, historyTools);

  const say = (text, kind = '') => {
    status.textContent = text;
    status.className = kind ? `zhe-${kind}` : '';
  };

  /* ------------------------------------------------------------ talking to the server */
  async function get(route) {
    const response = await fetch(api(route), {cache: 'no-store'});
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  async function post(route, body = {}) {
    const response = await fetch(api(route), {
      method: 'POST', cache: 'no-store',
      headers: {'Content-Type': 'application/json', 'X-Annotate-Token': token,
        'X-Annotate-Version': String(version)},
      body: JSON.stringify(body),
    });
    let answer;
    try { answer = await response.json(); } catch (error) { answer = {error: response.statusText}; }
    return {ok: response.ok, status: response.status, body: answer};
  }

  async function send(route, body = {}) {
    if (busy) return false;
    if (!decorated) { say('The page is still loading: try again in a moment.'); return false; }
    busy = true;
    const focus = remember();
    try {
      const {ok, status: code, body: answer} = await post(route, body);
      if (answer.state) state = answer.state;
      if (!ok) {
        say(answer.error || `refused (${code})`, 'error');
        conflict.hidden = code !== 409;
        update();
        return false;
      }
      conflict.hidden = true;
      const local = answer.version !== undefined && showChanges(answer);
      if (local) decorateSentences(local); else decorate();
      restore(focus);
      say(answer.message);
      return true;
    } finally {
      busy = false;
    }
  }

  function edit(operation) {
    return send('edit', operation);
  }

  async function save(copy) {
    if (!await send('save', {copy})) return;
    const saved = status.textContent;
    say(`${saved}; rendering the other formats…`);
    for (let i = 0; i < 600; i++) {
      const rendering = await get('status');
      if (rendering.state === 'done') { say(`${saved}; rendered ${rendering.outputs.join(', ')}`, 'done'); return; }
      if (rendering.state === 'failed') { say(`${saved}; rendering failed: ${rendering.message}`, 'error'); return; }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /* ------------------------------------------------------------ the article */
  const article = () => document.querySelector('article.zha');

  const parse = (markup) => {
    const template = document.createElement('template');
    template.innerHTML = markup;
    return template.content;
  };

  function showChanges(answer) {
    // the sections that changed (and what follows them: glossary and notes), or the whole article.
    // Returns the new elements when only paragraphs changed, each with as many readings as the
    // ones it replaces (a reading or a note corrected): those are numbered here, and the rest of
    // a book's 300,000 readings keep their numbers; else null, and the page is numbered again.
    version = answer.version;
    if (answer.article !== undefined) { replaceArticle(answer.article); return null; }
    const sections = article().querySelectorAll(':scope > section.zha-section');
    let local = decorated && !Object.keys(answer.sections).length && answer.tail === null ? [] : null;
    for (const change of answer.children) {  // the paragraphs (top-level elements) that changed
      const section = sections[change.section];
      if (section.children.length !== change.total) { resync(); return null; }
      const old = [...section.children].slice(change.start, change.start + change.count);
      const fresh = parse(change.markup);
      const elements = [...fresh.children];
      if (local) {
        const before = old.flatMap((element) => [...element.querySelectorAll('ruby')]);
        const after = elements.flatMap((element) => [...element.querySelectorAll('ruby')]);
        if (before.length !== after.length) local = null;
        else if (after.length) {
          const first = Number(before[0].dataset.at);
          numberRubies(after, first);
          after.forEach((ruby, k) => { rubies[first + k] = ruby; });
        }
        if (local) local.push(...elements);
      }
      if (old.length) old[0].before(fresh); else if (section.children[change.start]) section.children[change.start].before(fresh); else section.append(fresh);
      for (const element of old) element.remove();
    }
    for (const [k, markup] of Object.entries(answer.sections)) sections[Number(k)].replaceWith(parse(markup));
    if (answer.tail !== null) {
      const last = article().querySelectorAll(':scope > section.zha-section');
      let after = last[last.length - 1].nextSibling;
      while (after) { const next = after.nextSibling; after.remove(); after = next; }
      article().append(parse(answer.tail));
    }
    return local;
  }

  async function resync() {
    // the page and the server disagree on what the page shows: the whole article again
    const answer = await get('article');
    version = answer.version;
    replaceArticle(answer.article);
    decorate();
  }

  function replaceArticle(markup) {
    const old = article();
    const options = [...old.querySelectorAll('.zha-controls input')].map((input) => input.checked);
    const template = document.createElement('template');
    template.innerHTML = markup;
    const fresh = template.content.querySelector('article.zha');
    fresh.querySelectorAll('.zha-controls input').forEach((input, i) => {
      if (i < options.length) input.checked = options[i];
    });
    old.replaceWith(fresh);
  }

  function numberRubies(list, first) {
    const unsure = new Set(state ? state.unsure : []);
    list.forEach((ruby, k) => {
      const at = first + k;
      ruby.dataset.at = at;
      ruby.tabIndex = 0;
      if (unsure.has(at)) {
        ruby.classList.add('zhe-unsure');
        ruby.title = 'The model was unsure of this reading (N: next)';
      }
    });
  }

  function decorate() {
    decorated = true;
    rubies = [...article().querySelectorAll('.zha-section ruby')];
    if (state && rubies.length !== state.places) {
      say(`The page shows ${rubies.length} readings and the edition has ${state.places}: reload the page.`, 'error');
    }
    numberRubies(rubies, 0);
    decorateSentences([article()]);
  }

  function decorateSentences(roots) {
    // sentences can take the focus, and carry their bead's number, confidence and marks
    for (const root of roots) {
      for (const sentence of root.querySelectorAll('.zha-tsent')) sentence.tabIndex = 0;
      for (const sentence of root.querySelectorAll('.zha-sent')) sentence.tabIndex = -1;  // B goes there
    }
    (state ? state.beads : []).forEach((link, k) => {
      const oneSided = !link.source.length || !link.target.length;
      const weak = !link.fixed && (oneSided || link.confidence < 0.5);
      const ids = link.source.concat(link.target);
      ids.forEach((id, i) => {
        const element = document.getElementById(`zha-sn-${id}`);
        if (!element) return;
        element.dataset.bead = k;
        element.classList.toggle('zhe-weak', weak);  // a sentence the edit left unchanged keeps its element
        element.classList.toggle('zhe-fixed', Boolean(link.fixed));
        element.classList.toggle('zhe-first', i === 0);
        if (i === 0) element.dataset.conf = link.fixed ? 'fixed' : link.confidence.toFixed(2);
        else delete element.dataset.conf;
      });
    });
    update();
  }

  function remember() {
    const active = document.activeElement;
    if (active && active.dataset && active.dataset.at !== undefined) return {at: Number(active.dataset.at)};
    if (current) return {sentence: current.id};
    return null;
  }

  function restore(focus) {
    if (!focus) { setCurrent(null); return; }
    if (focus.at !== undefined && rubies[focus.at]) { rubies[focus.at].focus(); setCurrent(rubies[focus.at]); return; }
    const sentence = focus.sentence && document.getElementById(focus.sentence);
    setCurrent(sentence || null);
  }

  /* ------------------------------------------------------------ beads */
  const sentenceOf = (element) => {
    if (!element || !element.closest) return null;
    const sentence = element.closest('.zha-sent, .zha-tsent');
    if (sentence) return sentence;
    const beadElement = element.closest('.zha-bead');
    return beadElement ? beadElement.querySelector('.zha-sent, .zha-tsent') : null;
  };

  function setCurrent(element) {
    const sentence = sentenceOf(element);
    if (current && current !== sentence) current.classList.remove('zhe-current');
    current = sentence && sentence.dataset.bead !== undefined ? sentence : null;
    if (current) current.classList.add('zhe-current');
    update();
  }

  function update() {
    const link = current && state ? state.beads[Number(current.dataset.bead)] : null;
    const id = current ? current.id.replace('zha-sn-', '') : null;
    const isSource = id !== null && link && link.source.includes(id);
    if (link) {
      const confidence = link.fixed ? 'fixed' : `confidence ${link.confidence.toFixed(2)}`;
      bead.textContent = `Bead ${Number(current.dataset.bead) + 1} (${link.source.length}:${link.target.length}, ${confidence})`;
    } else {
      bead.textContent = state && state.beads.length ? 'Click a sentence to correct its bead' : '';
    }
    const last = state ? state.beads.length - 1 : -1;
    const k = current ? Number(current.dataset.bead) : -1;
    tools.merge.disabled = !link || k >= last;
    tools.split.disabled = !link || (isSource ? link.source.indexOf(id) === 0 : link.target.indexOf(id) <= 0);
    tools.previous.disabled = !link || isSource || k === 0 || link.target[0] !== id;
    tools.next.disabled = !link || isSource || k >= last || link.target[link.target.length - 1] !== id;
    tools.untranslated.disabled = !link || !isSource || !link.target.length;
    tools.term.disabled = !selection;
    for (const element of Object.values(tools)) element.hidden = state && !state.beads.length && element !== tools.term;
    history.undo.disabled = !state || !state.undo;
    history.redo.disabled = !state || !state.redo;
    history.save.textContent = state && state.unsaved ? 'Save' : 'Saved';
  }

  function beadEdit(kind, to) {
    if (!current) return;
    const sentence = current.id.replace('zha-sn-', '');
    const operation = {op: kind, sentence};
    if (to) operation.to = to;
    edit(operation);
  }

  /* ------------------------------------------------------------ the reading popover */
  const pop = make('div', {id: 'zhe-pop', role: 'dialog', 'aria-modal': 'false', lang: 'en', hidden: ''});
  let popFor = null;

  function place(box, anchor) {
    const rect = anchor.getBoundingClientRect();
    box.style.left = `${Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + innerWidth - 340))}px`;
    box.style.top = `${window.scrollY + rect.bottom + 6}px`;
  }

  const placeOf = (ruby) => (ruby.dataset.at !== undefined ? Number(ruby.dataset.at)
    // before the page is all there: the rubies before this one are (a page is parsed in order)
    : [...document.querySelectorAll('article.zha .zha-section ruby')].indexOf(ruby));

  async function openPopover(ruby) {
    const at = placeOf(ruby);
    popFor = ruby;
    setCurrent(ruby);
    let offer;
    try {
      offer = await get(`readings?at=${at}`);
    } catch (error) {
      say(error.message, 'error');
      return;
    }
    if (popFor !== ruby) return;
    pop.replaceChildren();
    pop.setAttribute('aria-label', `Reading of ${offer.char}`);
    pop.append(make('p', {class: 'zhe-pop-title'}, `${offer.char} in ${offer.word}: ${offer.current}`));
    const list = make('div', {class: 'zhe-choices', role: 'group', 'aria-label': 'Readings'});
    const every = make('input', {type: 'checkbox', id: 'zhe-every'});
    for (const choice of offer.choices) {
      const item = button('', () => chooseReading(at, choice.reading, every.checked));
      item.classList.add('zhe-choice');
      item.setAttribute('aria-pressed', choice.current ? 'true' : 'false');
      item.append(make('span', {class: 'zhe-syllable', lang: 'zh-Latn-pinyin'}, choice.reading));
      if (choice.gloss) item.append(make('span', {class: 'zhe-gloss'}, choice.gloss));
      list.append(item);
    }
    pop.append(list);
    const everyLabel = make('label', {class: 'zhe-every'});
    everyLabel.append(every, ` every ${offer.word} in the edition`);
    pop.append(everyLabel);
    const typed = make('form', {class: 'zhe-typed'});
    const input = make('input', {type: 'text', 'aria-label': 'Type a reading', placeholder: 'or type: hǎo, hao3',
      autocomplete: 'off', spellcheck: 'false', lang: 'zh-Latn-pinyin'});
    typed.append(input, make('button', {type: 'submit', class: 'zhe-button'}, 'Use'));
    typed.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim()) chooseReading(at, input.value, every.checked);
    });
    pop.append(typed);
    const term = ruby.closest('.zha-term');
    if (term && state) {
      const entryId = (term.getAttribute('popovertarget') || '').replace(/^zha-pop-/, '');
      const entry = state.entries[entryId];
      if (entry) {
        const note = make('form', {class: 'zhe-note'});
        note.append(make('p', {}, `Note on ${entry.term}:`));
        const gloss = make('input', {type: 'text', 'aria-label': `Gloss of ${entry.term}`, autocomplete: 'off'});
        gloss.value = entry.gloss;
        note.append(gloss, make('button', {type: 'submit', class: 'zhe-button'}, 'Save note'),
          button('Remove note', () => { closePopover(); edit({op: 'unnote', entry: entryId}); }));
        note.addEventListener('submit', (event) => {
          event.preventDefault();
          closePopover();
          edit({op: 'gloss', entry: entryId, gloss: gloss.value});
        });
        pop.append(note);
      }
    }
    pop.append(button('Close', () => closePopover(true), 'Escape'));
    pop.hidden = false;
    place(pop, ruby);
    (list.querySelector('[aria-pressed="true"]') || list.firstElementChild || input).focus();
  }

  function closePopover(refocus = false) {
    pop.hidden = true;
    const ruby = popFor;
    popFor = null;
    if (refocus && ruby && ruby.isConnected) ruby.focus();
  }

  function chooseReading(at, reading, every) {
    closePopover();
    rubies[at] && rubies[at].focus();
    edit({op: 'reading', at, reading, every});
  }

  /* ------------------------------------------------------------ adding a term */
  const termForm = make('form', {id: 'zhe-term', role: 'dialog', lang: 'en', hidden: ''});

  function selected() {
    const chosen = window.getSelection();
    if (!chosen || chosen.isCollapsed || !chosen.rangeCount) return null;
    const range = chosen.getRangeAt(0);
    const inside = rubies.filter((ruby) => range.intersectsNode(ruby));
    if (!inside.length) return null;
    const first = Number(inside[0].dataset.at);
    const last = Number(inside[inside.length - 1].dataset.at);
    return {start: first, end: last + 1};
  }

  async function openTermForm() {
    if (!selection) return;
    const {start, end} = selection;
    let offer;
    try {
      offer = await get(`lookup?start=${start}&end=${end}`);
    } catch (error) {
      say(error.message, 'error');
      return;
    }
    termForm.replaceChildren();
    termForm.append(make('p', {class: 'zhe-pop-title'}, `New term: ${offer.term}`));
    const pinyin = make('input', {type: 'text', 'aria-label': `Pinyin of ${offer.term}`, autocomplete: 'off',
      spellcheck: 'false', lang: 'zh-Latn-pinyin'});
    pinyin.value = offer.pinyin;
    const gloss = make('input', {type: 'text', 'aria-label': `Gloss of ${offer.term}`, autocomplete: 'off'});
    gloss.value = offer.gloss;
    termForm.append(pinyin, gloss, make('button', {type: 'submit', class: 'zhe-button'}, 'Add term'),
      button('Cancel', () => { termForm.hidden = true; }));
    termForm.onsubmit = (event) => {
      event.preventDefault();
      termForm.hidden = true;
      selection = null;
      edit({op: 'term', start, end, gloss: gloss.value, pinyin: pinyin.value});
    };
    termForm.hidden = false;
    place(termForm, rubies[start]);
    gloss.focus();
  }

  /* ------------------------------------------------------------ moving about */
  function step(list, forward) {
    if (!list.length) { say('nothing to go to'); return null; }
    const here = document.activeElement;
    const position = (element) => here.compareDocumentPosition(element);
    const after = list.filter((element) => position(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    const before = list.filter((element) => position(element) & Node.DOCUMENT_POSITION_PRECEDING);
    const target = forward ? (after[0] || list[0]) : (before[before.length - 1] || list[list.length - 1]);
    target.focus();
    target.scrollIntoView({block: 'center'});
    setCurrent(target);
    return target;
  }

  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest && event.target.closest('input, textarea, select');
    const control = event.ctrlKey || event.metaKey;
    if (control && event.key.toLowerCase() === 'z') {
      if (typing) return;
      event.preventDefault();
      send(event.shiftKey ? 'redo' : 'undo');
    } else if (control && event.key.toLowerCase() === 'y' && !typing) {
      event.preventDefault();
      send('redo');
    } else if (control && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save(false);
    } else if (event.key === 'Escape') {
      if (!pop.hidden) { event.preventDefault(); closePopover(true); }
      if (!termForm.hidden) { event.preventDefault(); termForm.hidden = true; }
    } else if (!typing && !control && !event.altKey) {
      const ruby = event.target.dataset && event.target.dataset.at !== undefined ? event.target : null;
      if (ruby && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        openPopover(ruby);
      } else if (!decorated) {
        return;
      } else if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        step([...article().querySelectorAll('ruby.zhe-unsure')], event.key === 'n');
      } else if (event.key === 'b' || event.key === 'B') {
        event.preventDefault();
        step([...article().querySelectorAll('.zhe-weak.zhe-first')], event.key === 'b');
      }
    }
  });

  document.addEventListener('click', (event) => {
    if (pop.contains(event.target) || termForm.contains(event.target) || bar.contains(event.target)) return;
    const ruby = event.target.closest && event.target.closest('article.zha .zha-section ruby');
    if (ruby) {
      event.preventDefault();  // inside a term, the note's own popover stays shut
      event.stopPropagation();
      if (!selection) openPopover(ruby);
      return;
    }
    if (!pop.hidden) closePopover();
    setCurrent(event.target);
  }, true);

  document.addEventListener('focusin', (event) => {
    if (bar.contains(event.target) || pop.contains(event.target) || termForm.contains(event.target)) return;
    if (article() && article().contains(event.target)) setCurrent(event.target);
  });

  document.addEventListener('selectionchange', () => {
    const found = selected();
    selection = found && found.end - found.start >= 1 && !window.getSelection().isCollapsed ? found : null;
    tools.term.disabled = !selection;
  });

  window.addEventListener('beforeunload', (event) => {
    if (state && state.unsaved) event.preventDefault();
  });

  async function restOfPage() {
    // A long page comes as its first part, ended after a paragraph, with a marker naming the
    // rest: added here in slices of whole elements, the page answering clicks in between.
    const more = document.getElementById('zhe-more');
    if (!more) return;
    say('Loading the rest of the edition…');
    const {slices} = await get(`rest?page=${more.dataset.page}`);
    more.remove();
    // in the page's idle time: a click, and the answer to it, come first
    const idle = () => new Promise((resolve) => (window.requestIdleCallback
      ? requestIdleCallback(resolve, {timeout: 250}) : setTimeout(() => resolve(null), 0)));
    let deadline = await idle();
    for (const [into, markup] of slices) {
      const sections = article().querySelectorAll(':scope > section.zha-section');
      (into === 'section' ? sections[sections.length - 1] : article()).append(parse(markup));
      if (!deadline || deadline.timeRemaining() <= 0) deadline = await idle();
    }
  }

  /* ------------------------------------------------------------ start */
  // This script runs as the page's body begins (a reading can be clicked while the rest of a
  // long edition is still coming); the numbering waits for the whole page.
  document.body.append(bar, pop, termForm);
  document.body.classList.add('zhe-editing');
  const first = get('state');
  const parsed = new Promise((resolve) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve);
    else resolve();
  });
  (async () => {
    try {
      await parsed;
      await restOfPage();
      state = await first;
      version = state.version;
      decorate();
      document.body.dataset.zheReady = 'state';
      say('Click a character to change its reading; click a sentence to correct its bead. N: next unsure reading, B: next bead to check.');
      state = await get('unsure');
      decorate();
      if (state.problems.length) {
        say(`This edition does not fit the TEI profile: ${state.problems.join('; ')}. Fix it in the file, or undo edits until a save is accepted.`, 'error');
      }
      document.body.dataset.zheReady = 'unsure';
    } catch (error) {
      say(`The editor could not start: ${error.message}`, 'error');
    }
  })();
})();
