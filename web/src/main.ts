/**
 * The playground page: sends the text to the segmentation worker as the
 * user types, and renders the newest answer (older ones are dropped).
 *
 * @module
 */

import './style.css';
import { FAMILIES, familyOf } from './pos-colors.js';
import type { CountRequest, CountsReply, ResultReply, SegmentRequest, WorkerReply } from './protocol.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const textBox = $<HTMLTextAreaElement>('text');
const hmmBox = $<HTMLInputElement>('hmm');
const normalizeBox = $<HTMLInputElement>('normalize');
const keywordSelect = $<HTMLSelectElement>('keywords');
const status = $<HTMLSpanElement>('status');
const tokensView = $<HTMLDivElement>('tokens');
const countView = $<HTMLSpanElement>('count');
const keywordList = $<HTMLOListElement>('keyword-list');
const chart = $<HTMLDivElement>('chart');
const userDictBox = $<HTMLTextAreaElement>('user-dict');
const userDictStatus = $<HTMLSpanElement>('user-dict-status');
/** The words shown, for the download. */
let shownTokens: string[] = [];

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
let nextId = 0;
let shownId = -1;
let ready = false;
let loadText = '';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(state: 'loading' | 'ready' | 'error', text: string): void {
  status.dataset.state = state;
  status.textContent = text;
}

function request(): void {
  if (!ready) return;
  const mode = (document.querySelector('input[name="mode"]:checked') as HTMLInputElement).value as SegmentRequest['mode'];
  const message: SegmentRequest = {
    type: 'segment',
    id: nextId++,
    text: textBox.value,
    mode,
    hmm: hmmBox.checked,
    normalize: normalizeBox.checked,
    keywords: keywordSelect.value as SegmentRequest['keywords'],
    userDict: userDictBox.value,
  };
  worker.postMessage(message);
}

function renderTokens(result: ResultReply): void {
  const fragment = document.createDocumentFragment();
  let words = 0;
  result.tokens.forEach((word, i) => {
    if (word === '\n' || word === '\r\n' || word === '\r') {
      fragment.append(element('br'));
      return;
    }
    const family = familyOf(result.tags[i]!);
    const chip = element('span', `chip${word.trim() === '' ? ' space' : ''}`, word);
    chip.dataset.tag = result.tags[i]!;
    chip.style.setProperty('--chip', family.color);
    chip.title = `${result.tags[i]} · ${family.label}`;
    fragment.append(chip);
    words++;
  });
  tokensView.replaceChildren(fragment);
  countView.textContent = `${words} tokens`;
}

function renderKeywords(result: ResultReply): void {
  keywordList.replaceChildren(
    ...result.keywords.map(({ word, weight }) => {
      const item = element('li');
      item.append(element('span', 'keyword', word), element('span', 'weight', weight.toFixed(4)));
      return item;
    }),
  );
}

function renderChart(result: ResultReply): void {
  renderBars(chart, result.frequencies);
}

/** A bar chart of `[word, count]` pairs, most frequent first, into `target`. */
function renderBars(target: HTMLElement, frequencies: [string, number][]): void {
  const top = frequencies[0]?.[1] ?? 1;
  target.replaceChildren(
    ...frequencies.map(([word, count]) => {
      const row = element('div', 'bar-row');
      const bar = element('div', 'bar');
      bar.style.width = `${(100 * count) / top}%`;
      row.append(element('span', 'bar-label', word), bar, element('span', 'bar-count', String(count)));
      return row;
    }),
  );
}

worker.onmessage = (event: MessageEvent<WorkerReply>) => {
  const reply = event.data;
  if (reply.type === 'ready') {
    ready = true;
    loadText = `dictionary, POS model and IDF loaded in ${reply.loadMs.toFixed(0)} ms (${(reply.bytes / 2 ** 20).toFixed(1)} MiB)`;
    setStatus('ready', loadText);
    request();
  } else if (reply.type === 'counts') {
    renderCounts(reply);
  } else if (reply.type === 'loading') {
    setStatus('loading', `loading ${reply.what}…`);
  } else if (reply.type === 'result') {
    // Answers come back in order; anything older than what is shown is stale.
    if (reply.id < shownId) return;
    shownId = reply.id;
    renderTokens(reply);
    renderKeywords(reply);
    renderChart(reply);
    shownTokens = reply.tokens;
    userDictStatus.textContent = 'error' in reply.userDict ? `not used: ${reply.userDict.error}` : reply.userDict.words > 0 ? `${reply.userDict.words} word${reply.userDict.words === 1 ? '' : 's'} in use` : '';
    userDictStatus.dataset.state = 'error' in reply.userDict ? 'error' : 'ok';
    const chars = textBox.value.length;
    setStatus('ready', `${loadText} · ${chars.toLocaleString()} characters in ${reply.segmentMs.toFixed(1)} ms`);
    document.body.dataset.resultId = String(reply.id);
  } else {
    setStatus('error', `error: ${reply.message}`);
  }
};
/** The counts of the file: cloud, bars, and the TSV to download. */
let countsTsv = '';
let countsName = 'counts.tsv';
function renderCounts(reply: CountsReply): void {
  // The SVG is made by jieba-ts's chart code, every word escaped.
  $<HTMLDivElement>('cloud').innerHTML = reply.cloud;
  renderBars($<HTMLDivElement>('file-chart'), reply.top);
  countsTsv = reply.tsv;
  countsName = `${reply.name.replace(/\.[^.]*$/, '')}.tsv`;
  $<HTMLButtonElement>('download-counts').disabled = false;
  $<HTMLParagraphElement>('file-status').textContent =
    `${reply.name}: ${reply.total.toLocaleString()} words, ${reply.distinct.toLocaleString()} distinct, counted in ${reply.countMs.toFixed(0)} ms; ` +
    `${reply.newWords.length} new word${reply.newWords.length === 1 ? '' : 's'} found in ${reply.discoverMs.toFixed(0)} ms`;
  newWordLines = reply.newWords.map(({ word, freq }) => `${word} ${freq}`);
  $<HTMLOListElement>('new-words').replaceChildren(
    ...reply.newWords.map(({ word, count }) => {
      const item = element('li');
      item.append(element('span', 'new-word', word), element('span', 'muted', ` ×${count}`));
      return item;
    }),
  );
  $<HTMLButtonElement>('add-new-words').disabled = newWordLines.length === 0;
  $<HTMLButtonElement>('download-new-words').disabled = newWordLines.length === 0;
}

/** The new words of the last file, as user-dictionary lines (`word freq`). */
let newWordLines: string[] = [];

/** Append the new words to the user dictionary (those it does not list yet), and segment again. */
function addNewWords(): void {
  const listed = new Set(userDictBox.value.split('\n').map((line) => line.trim().split(/\s+/)[0]));
  const lines = newWordLines.filter((line) => !listed.has(line.split(' ')[0]));
  if (lines.length === 0) return;
  const kept = userDictBox.value.trimEnd();
  userDictBox.value = `${kept === '' ? '' : `${kept}\n`}${lines.join('\n')}`;
  schedule();
}

worker.onerror = (event) => setStatus('error', `the worker failed: ${event.message}`);

const legend = $<HTMLDivElement>('legend');
legend.replaceChildren(
  ...FAMILIES.map((family) => {
    const item = element('span', 'legend-item', family.label);
    item.style.setProperty('--chip', family.color);
    return item;
  }),
);

// Typing sends a request per animation frame at most; the worker keeps up.
let pending = false;
const schedule = (): void => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    request();
  });
};
textBox.addEventListener('input', schedule);
userDictBox.addEventListener('input', schedule);

/** Offer `text` as a file download, made in the page: nothing is uploaded. */
function download(name: string, text: string): void {
  const link = element('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
// The words one line of text a line, separated by spaces, as `jieba -d` prints them.
$<HTMLButtonElement>('download-words').addEventListener('click', () =>
  download('words.txt', shownTokens.join(' ').replace(/ ?(\r\n|\r|\n) ?/g, '\n') + '\n'),
);
$<HTMLButtonElement>('download-dict').addEventListener('click', () => download('userdict.txt', userDictBox.value.trimEnd() + '\n'));
$<HTMLButtonElement>('download-counts').addEventListener('click', () => download(countsName, countsTsv));
$<HTMLButtonElement>('add-new-words').addEventListener('click', addNewWords);
$<HTMLButtonElement>('download-new-words').addEventListener('click', () => download('new-words.txt', `${newWordLines.join('\n')}\n`));

/** Read a chosen or dropped file here and have the worker count it. */
async function countFile(file: File): Promise<void> {
  $<HTMLParagraphElement>('file-status').textContent = `counting ${file.name}…`;
  const message: CountRequest = { type: 'count', id: nextId++, name: file.name, text: await file.text() };
  worker.postMessage(message);
}
const fileInput = $<HTMLInputElement>('file-input');
fileInput.addEventListener('change', () => {
  if (fileInput.files?.[0]) void countFile(fileInput.files[0]);
});
const dropZone = $<HTMLLabelElement>('drop-zone');
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.dataset.over = 'true';
});
dropZone.addEventListener('dragleave', () => delete dropZone.dataset.over);
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  delete dropZone.dataset.over;
  const file = event.dataTransfer?.files[0];
  if (file) void countFile(file);
});
hmmBox.addEventListener('change', schedule);
normalizeBox.addEventListener('change', schedule);
keywordSelect.addEventListener('change', schedule);
for (const radio of document.querySelectorAll('input[name="mode"]')) radio.addEventListener('change', schedule);

worker.postMessage({ type: 'init' });
