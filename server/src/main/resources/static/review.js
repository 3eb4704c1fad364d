// Keyboard shortcuts on the review page: c confirms, r rejects, s skips (the buttons work without this).
document.addEventListener("keydown", function (e) {
  if (e.ctrlKey || e.metaKey || e.altKey || /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) {
    return;
  }
  var id = {c: "confirm", r: "reject", s: "skip"}[e.key];
  if (id && document.getElementById(id)) {
    e.preventDefault();
    document.getElementById(id).click();
  }
});
