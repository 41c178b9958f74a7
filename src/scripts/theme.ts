/** The light/dark toggle. The inline script in the page head has already applied the theme. */
export function setUpThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const root = document.documentElement;
  const show = () => button.setAttribute('aria-pressed', String(root.dataset.theme === 'dark'));
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    show();
  });
}
