// Late widgets: a promo banner inserted above the content once the page has loaded, and some busy work.
(function () {
    var start = Date.now();
    // Simulates a heavy third-party widget initialising on the main thread.
    while (Date.now() - start < 260) { Math.sqrt(Math.random()); }
    setTimeout(function () {
        var banner = document.createElement("div");
        banner.style.height = "120px";
        banner.style.background = "#f5d76e";
        banner.textContent = "Autumn sale: 20% off all beans";
        document.body.insertBefore(banner, document.body.firstChild.nextSibling);
    }, 300);
})();
