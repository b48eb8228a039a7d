// Review findings: saves each question's form as it is answered (a choice at once, a text when its field is left), so a
// dropped connection loses at most the answer being typed. The form posts to the page as without this script, asking
// for JSON; "Sparat hh:mm" or the reason it failed is read out in the question's polite status. Without this script
// each question's own "Spara" button posts the form and the page comes back to the question.
(function () {
    'use strict';
    if (!window.fetch || !window.FormData) {
        return;
    }
    var progress = document.getElementById('finding-progress');
    var offline = 'Sparades inte: ingen kontakt med servern. Det du skrivit finns kvar här; tryck Spara när anslutningen är tillbaka.';
    var unknown = 'Sparades inte. Ladda om sidan (du kan ha blivit utloggad). Kopiera först det du skrivit, det finns kvar här.';

    function setStatus(form, text, failed) {
        var status = form.querySelector('.save-status');
        if (status) {
            status.textContent = text;
            status.classList.toggle('save-failed', failed);
        }
    }

    function reason(body) {
        var messages = [];
        if (body && body.errors) {
            Object.keys(body.errors).forEach(function (field) {
                messages = messages.concat(body.errors[field]);
            });
        }
        if (messages.length === 0 && body && body.title) {
            messages.push(body.title);
        }
        return messages.length > 0 ? 'Sparades inte: ' + messages.join(' ') : unknown;
    }

    function save(form) {
        if (form.getAttribute('data-saving') === 'true') {
            form.setAttribute('data-again', 'true');
            return;
        }
        form.setAttribute('data-saving', 'true');
        form.setAttribute('data-dirty', 'false');
        setStatus(form, 'Sparar …', false);
        fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (response) {
                var isJson = (response.headers.get('Content-Type') || '').indexOf('application/json') >= 0;
                return (isJson ? response.json() : Promise.resolve(null)).then(function (body) {
                    return { ok: response.ok && isJson, body: body };
                });
            })
            .then(function (result) {
                if (result.ok) {
                    form.querySelector('input[name="Version"]').value = result.body.version;
                    setStatus(form, 'Sparat ' + result.body.savedAt, false);
                    if (progress && result.body.progress) {
                        progress.textContent = result.body.progress;
                    }
                } else {
                    form.setAttribute('data-dirty', 'true');
                    setStatus(form, reason(result.body), true);
                }
            }, function () {
                form.setAttribute('data-dirty', 'true');
                setStatus(form, offline, true);
            })
            .then(function () {
                form.setAttribute('data-saving', 'false');
                if (form.getAttribute('data-again') === 'true') {
                    form.setAttribute('data-again', 'false');
                    save(form);
                }
            });
    }

    Array.prototype.forEach.call(document.querySelectorAll('form.finding'), function (form) {
        // A radio button or check box changes at once; a text field when it is left with a new value.
        form.addEventListener('change', function () {
            save(form);
        });
        form.addEventListener('input', function () {
            form.setAttribute('data-dirty', 'true');
        });
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            save(form);
        });
    });

    // An answer not yet saved (being typed, or refused) is not left behind without a warning.
    window.addEventListener('beforeunload', function (event) {
        if (document.querySelector('form.finding[data-dirty="true"]')) {
            event.preventDefault();
            event.returnValue = '';
        }
    });
})();
