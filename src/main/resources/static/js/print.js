// The print view's button; a separate file because the content security policy forbids inline scripts.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print-now');
  if (button) {
    button.addEventListener('click', () => window.print());
  }
});
