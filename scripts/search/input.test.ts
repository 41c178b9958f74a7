import { describe, expect, it } from 'vitest';
import { searchInput } from './input.ts';

describe('searchInput: a page without what Pagefind ignores entirely', () => {
  it('leaves out elements marked data-pagefind-ignore="all", nested ones of the same name included', () => {
    const html =
      '<main><aside class="sidebar" data-pagefind-ignore="all"><nav><ul><li><a href="/a/">A</a><br><img src="a.png" alt=""/></li></ul></nav></aside>' +
      '<article data-pagefind-body><h1>Title</h1><div class="buttons" data-pagefind-ignore="all"><div><div>x</div></div>y</div><p>Abstract</p></article>' +
      '<section class="related" data-pagefind-ignore="all"><section>inner</section></section></main>';
    expect(searchInput(html)).toBe('<main><article data-pagefind-body><h1>Title</h1><p>Abstract</p></article></main>');
  });

  it('does not take tags inside attribute values for markup', () => {
    const html = '<nav data-pagefind-ignore="all"><a title="</nav><nav>" data-x=\'<nav\'>x</a></nav><p>kept</p>';
    expect(searchInput(html)).toBe('<p>kept</p>');
  });

  it('keeps what it cannot delimit for certain: raw text, comments, optional or missing end tags, tags out of order, plain ignore', () => {
    const kept = [
      '<div data-pagefind-ignore="all"><script>let s = "</div>";</script></div><p>after</p>',
      '<div data-pagefind-ignore="all"><!-- </div> --></div><p>after</p>',
      '<p data-pagefind-ignore="all">text<div>block</div></p>',
      '<div data-pagefind-ignore="all"><div>never closed</div>',
      '<ul data-pagefind-ignore="all"><li>one<li>two</ul><p>after</p>',
      '<div data-pagefind-ignore="all"><section></div></section><p>after</p>',
      '<div data-pagefind-ignore="all"><div/>text</div><p>after</p>',
      '<div data-pagefind-ignore><h2>Indexed for filters and metadata</h2></div>',
      '<p title=\'data-pagefind-ignore="all"\'>an attribute value, not an attribute</p>',
    ];
    for (const html of kept) expect(searchInput(html)).toBe(html);
  });
});
