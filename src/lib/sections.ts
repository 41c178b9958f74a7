/** The atlas's sections: in the header on wide screens, in the navigation menu on phones. */
export const SECTIONS = [
  { label: 'Topics', path: 'topics/' },
  { label: 'Papers A–Z', path: 'papers/' },
] as const;

/** The id of the atlas navigation (the sidebar), which the phone menu opens. */
export const NAVIGATION_ID = 'atlas-navigation';
