// indicator-chart embed host: sizes the iframes of embed.html to their charts' height.
// Add once to the page (or the CMS template) that holds the iframes:
//   <script src="https://SITE/www/embed-host.js" async></script>
// No dependencies, no inline code, safe under a strict CSP (it sets style.height, and the width
// and border the snippet's style attribute asks for, through the CSSOM). Without it, each
// iframe keeps the height written in the snippet.
(function () {
  'use strict';
  var KEY = 'indicator-chart-height';
  if (window.__indicatorChartEmbedHost) return;
  window.__indicatorChartEmbedHost = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || !data[KEY] || typeof data[KEY] !== 'object') return;
    var heights = data[KEY];
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      // The iframe that sent the message: no ids to match, no origin to trust.
      if (frames[i].contentWindow !== event.source) continue;
      // Full width and no border, as the snippet's style attribute says: a host page whose CSP
      // drops style attributes (style-src 'self') gets them through the CSSOM here.
      if (!frames[i].style.width) frames[i].style.width = '100%';
      if (!frames[i].style.borderStyle) frames[i].style.border = '0';
      for (var name in heights) {
        var px = Number(heights[name]);
        if (isFinite(px) && px > 0 && px < 100000) frames[i].style.height = Math.ceil(px) + 'px';
      }
      return;
    }
  });
})();
