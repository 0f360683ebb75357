// Sorot's embed helper, for the page that embeds a Sorot view: it sizes every
// <iframe data-sorot> on the page to its content. A Sorot page opened with ?embed=1 posts
// {type: 'sorot:height', height} to its parent whenever its content's height changes; only
// messages from a frame's own window and origin are believed.
//   <iframe data-sorot src="https://user.github.io/sorot/?q=asean&embed=1" title="…"></iframe>
//   <script src="https://user.github.io/sorot/embed.js" async></script>
(() => {
  if (window.__sorotEmbed) return;
  window.__sorotEmbed = true;
  const MAX = 20000;
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'sorot:height' || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe[data-sorot]')) {
      if (frame.contentWindow !== event.source) continue;
      let origin;
      try { origin = new URL(frame.src, location.href).origin; } catch { continue; }
      if (origin !== event.origin) continue;
      frame.style.height = `${Math.round(Math.min(Math.max(data.height, 0), MAX))}px`;
    }
  });
})();
