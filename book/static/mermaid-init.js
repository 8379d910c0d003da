// Draws every ```mermaid block of a page with the bundled mermaid.min.js, in the colours of
// the theme in use (the theme's switcher sets data-theme on <html>), and again on a switch.
(function () {
  'use strict';
  const theme = () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'default');
  let drawn = null;

  async function draw() {
    const now = theme();
    if (now === drawn || typeof mermaid === 'undefined') return;
    drawn = now;
    mermaid.initialize({ startOnLoad: false, theme: now, securityLevel: 'strict' });
    const blocks = [...document.querySelectorAll('pre.course-mermaid')];
    for (const [i, block] of blocks.entries()) {
      if (block.dataset.source === undefined) block.dataset.source = block.textContent;
      try {
        const { svg } = await mermaid.render(`course-mermaid-${i}-${now}`, block.dataset.source);
        block.innerHTML = svg;
        block.dataset.rendered = now;
      } catch (e) {
        block.textContent = block.dataset.source;
        block.dataset.rendered = 'error';
        console.error('mermaid:', e);
      }
    }
  }

  const start = () => {
    draw();
    new MutationObserver(draw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
