// Quality report: hides a question that is answered only when an earlier answer matches, for as long as it does not.
// Without this script every question shows, with a note saying when it is to be answered; the server ignores an
// answer to a question whose condition is not met, so the result is the same either way.
(function () {
    'use strict';
    // Razor writes data- attributes even when empty: an empty one means the question always shows.
    var questions = Array.prototype.slice.call(document.querySelectorAll('[data-shown-when]:not([data-shown-when=""])'));
    if (questions.length === 0) {
        return;
    }

    function shown(question) {
        var inputs = document.getElementsByName(question.getAttribute('data-shown-when'));
        var answer = question.getAttribute('data-shown-when-answer');
        for (var i = 0; i < inputs.length; i++) {
            var controlling = inputs[i].closest('.question');
            if (inputs[i].checked && inputs[i].value === answer && !(controlling && controlling.hidden)) {
                return true;
            }
        }
        return false;
    }

    // Conditions point to earlier questions only, so one pass in document order settles chains.
    function update() {
        questions.forEach(function (question) {
            question.hidden = !shown(question);
        });
    }

    document.addEventListener('change', update);
    update();
})();
