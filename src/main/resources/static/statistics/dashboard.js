// The charts of the statistics dashboard. Their data comes from each canvas's data attributes (the CSP allows no
// inline scripts); the same figures are in the tables below the charts, for readers without the charts.
(function () {
  function draw(canvas) {
    var data = canvas.dataset;
    var horizontal = data.orientation === 'horizontal';
    var valueAxis = { beginAtZero: true, title: { display: true, text: data.unit } };
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: JSON.parse(data.labels),
        datasets: [
          { type: 'bar', label: data.currentLabel, data: JSON.parse(data.current), backgroundColor: '#0b5cad' },
          horizontal
            ? { type: 'bar', label: data.yearEarlierLabel, data: JSON.parse(data.yearEarlier), backgroundColor: '#e0a040' }
            : { type: 'line', label: data.yearEarlierLabel, data: JSON.parse(data.yearEarlier), borderColor: '#a86400',
                backgroundColor: '#a86400', tension: 0.2 }
        ]
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal ? { x: valueAxis } : { y: valueAxis },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    canvas.dataset.rendered = 'true';
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas[data-labels]').forEach(draw);
  });
})();
