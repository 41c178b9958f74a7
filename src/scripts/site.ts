/** Enhancements every page gets; the pages read fine without them. */
import { setUpThemeToggle } from './theme.ts';

setUpThemeToggle();
