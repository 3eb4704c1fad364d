// Shows how much of a field's length limit is used, so that nothing is cut without the user seeing.
document.querySelectorAll("input[maxlength], textarea[maxlength]").forEach(function (field) {
  var shown = document.createElement("small");
  shown.className = "limit";
  field.insertAdjacentElement("afterend", shown);
  function update() {
    shown.textContent = field.value.length + " / " + field.maxLength;
    shown.classList.toggle("full", field.value.length >= field.maxLength);
  }
  field.addEventListener("input", update);
  update();
});
