/** Enhancements every page gets; the pages read fine without them. */
import { highlightSearchTerms } from './highlight.ts';
import { setUpMenu } from './menu.ts';
import { setUpOfflineIndicator, registerServiceWorker } from './offline.ts';
import { createSearchUI, type SearchUI } from './search.ts';

setUpMenu();
highlightSearchTerms();
setUpOfflineIndicator();
registerServiceWorker();

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const trigger = document.querySelector<HTMLAnchorElement>('[data-search-trigger]');
let dialogSearch: SearchUI | undefined;

function openSearch(): void {
  if (!dialog) return;
  dialogSearch ??= createSearchUI(dialog.querySelector<HTMLElement>('[data-search-ui]')!, { syncUrl: false });
  if (!dialog.open) dialog.showModal();
  dialogSearch.focus();
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

// The search page has its own box; everywhere else the trigger opens the dialog.
if (dialog && trigger && !document.querySelector('[data-search-page]')) {
  trigger.addEventListener('click', (event) => {
    event.preventDefault();
    openSearch();
  });
  document.addEventListener('keydown', (event) => {
    const shortcut = (event.key === 'k' || event.key === 'K') && (event.metaKey || event.ctrlKey);
    if (
      shortcut ||
      (event.key === '/' && !isTyping(event.target) && !event.metaKey && !event.ctrlKey && !event.altKey)
    ) {
      event.preventDefault();
      openSearch();
    }
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}
