// The print pages' 打印 button (a served file: the pages carry no inline script).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print-button');
  if (button) button.addEventListener('click', () => window.print());
});
