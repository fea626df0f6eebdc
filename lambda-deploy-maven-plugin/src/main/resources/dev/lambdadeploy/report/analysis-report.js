// For the build's browser check: every chart bar has a rendered size.
(function(){var bars=document.querySelectorAll('svg rect.bar');var ok=0;
bars.forEach(function(b){var bb=b.getBoundingClientRect();if(bb.width>0&&bb.height>0)ok++;});
document.body.setAttribute('data-render-check','bars='+bars.length+';visible='+ok+';charts='
+document.querySelectorAll('svg.chart').length);})();
