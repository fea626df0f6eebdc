// Click a column header to sort; numeric cells sort by their byte value (data-sort).
document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
    var rows=Array.from(t.tBodies[0].rows),asc=th.dataset.dir!=='asc';th.dataset.dir=asc?'asc':'desc';
    rows.sort(function(a,b){var x=a.cells[i],y=b.cells[i];
      var p=x.dataset.sort!==undefined?Number(x.dataset.sort)-Number(y.dataset.sort):x.textContent.localeCompare(y.textContent);
      return asc?p:-p;});
    rows.forEach(function(r){t.tBodies[0].appendChild(r);});});});
});
// For the build's browser checks: how many chart bars exist, and how many zip names wrapped onto more than one line.
document.documentElement.setAttribute('data-report-ready',String(document.querySelectorAll('svg.chart rect.bar').length));
document.documentElement.setAttribute('data-wrapped-zip-cells',String(Array.from(document.querySelectorAll('td.z > span'))
  .filter(function(s){return s.getClientRects().length>1;}).length));
