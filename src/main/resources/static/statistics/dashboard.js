// The monthly chart of the statistics dashboard. Data comes from the canvas's data attributes (the CSP allows no
// inline scripts); the same figures are in the "monthly" table below the chart for readers without the chart.
(function () {
  function draw() {
    var canvas = document.getElementById('monthly-chart');
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var data = canvas.dataset;
    var chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: JSON.parse(data.labels),
        datasets: [
          { type: 'bar', label: data.currentLabel, data: JSON.parse(data.current), backgroundColor: '#0b5cad' },
          { type: 'line', label: data.yearEarlierLabel, data: JSON.parse(data.yearEarlier), borderColor: '#a86400',
            backgroundColor: '#a86400', tension: 0.2 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: data.unit } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    canvas.dataset.rendered = 'true';
    return chart;
  }

  document.addEventListener('DOMContentLoaded', function () {
    draw();
  });
})();
