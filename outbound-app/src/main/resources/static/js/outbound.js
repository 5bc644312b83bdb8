// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', function () {
	// questionnaire: filter the items by a search in Chinese or English
	var search = document.getElementById('item-search');
	if (search) {
		search.addEventListener('input', function () {
			var q = search.value.trim().toLowerCase();
			document.querySelectorAll('#assess-form .category').forEach(function (cat) {
				var any = false;
				cat.querySelectorAll('.item').forEach(function (item) {
					var hit = !q || item.dataset.search.indexOf(q) >= 0 || item.querySelector('.declare').checked;
					item.classList.toggle('hidden', !hit);
					any = any || hit;
				});
				cat.classList.toggle('hidden', !any);
			});
		});
	}
	// questionnaire: a change of the processor's location switches the questions at once (the button does it without
	// JavaScript); answers the new location cannot assess are kept and named on the page, never dropped in silence
	var jurisdiction = document.getElementById('jurisdiction');
	var switchButton = document.querySelector('#assess-form button[value=switch]');
	if (jurisdiction && switchButton) {
		jurisdiction.addEventListener('change', function () { switchButton.click(); });
	}
	// questionnaire: switching the language keeps the answers (the form is sent with the new language)
	if (switchButton) {
		['zh', 'en'].forEach(function (lang) {
			var link = document.getElementById('lang-' + lang);
			if (!link) { return; }
			link.addEventListener('click', function (e) {
				e.preventDefault();
				var input = document.createElement('input');
				input.type = 'hidden';
				input.name = 'lang';
				input.value = lang;
				switchButton.form.appendChild(input);
				switchButton.click();
			});
		});
	}
	// questionnaire: a ticked item opens its questions; count the ticked items
	var count = document.getElementById('declared-count');
	document.querySelectorAll('#assess-form .declare').forEach(function (box) {
		box.addEventListener('change', function () {
			var details = box.closest('.item').querySelector('details');
			if (details && box.checked) { details.open = true; }
			if (count) {
				var n = document.querySelectorAll('#assess-form .declare:checked').length;
				count.textContent = count.textContent.replace(/\d+/, String(n));
			}
		});
	});
	// scan: a file over the server's limit is refused before it is sent (the server refuses it too)
	var scanFile = document.getElementById('scan-file');
	if (scanFile) {
		var tooLarge = document.getElementById('scan-too-large');
		var check = function () {
			var max = parseInt(scanFile.dataset.maxBytes, 10);
			var over = scanFile.files.length > 0 && max > 0 && scanFile.files[0].size > max;
			tooLarge.classList.toggle('hidden', !over);
			return !over;
		};
		scanFile.addEventListener('change', check);
		scanFile.form.addEventListener('submit', function (e) {
			if (!check()) { e.preventDefault(); }
		});
	}
	var print = document.getElementById('print-button');
	if (print) { print.addEventListener('click', function () { window.print(); }); }
});
