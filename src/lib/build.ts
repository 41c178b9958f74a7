/** Facts about this build that pages and the service worker share. */
import { BUILD_TIME } from './feed.ts';

/** Changes with every build; Pagefind's entry file is cached per build id. */
export const BUILD_ID = Date.parse(BUILD_TIME).toString(36);
