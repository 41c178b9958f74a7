/**
 * The phone menu: the Menu button opens the atlas navigation over the page and closes it again,
 * as does Escape. While it is open the page under it is inert, so Tab moves through the menu.
 */
export function setUpMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-button]');
  const navigation = button && document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!button || !navigation) return;
  const root = document.documentElement;
  const covered = [...document.querySelectorAll<HTMLElement>('main, .site-footer')];
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    root.dataset.menu = open ? 'open' : 'closed';
    for (const element of covered) element.inert = open;
  };
  document.querySelector<HTMLElement>('[data-menu-link]')?.setAttribute('hidden', '');
  button.hidden = false;
  set(false);
  button.addEventListener('click', () => set(!isOpen()));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) {
      set(false);
      button.focus();
    }
  });
  // Wide screens show the navigation beside the page; the menu has nothing left to cover.
  matchMedia('(min-width: 60.0625rem)').addEventListener('change', (event) => {
    if (event.matches) set(false);
  });
}
