// Harbor Coffee — site script (loaded in <head>, blocking rendering)
var harbor = window.harbor || {};
harbor.version = "2.4.1";
harbor.config = {
    apiBase: "/api",
    currency: "EUR",
    debug: false
};

// Remember the visitor for two years, readable by any script.
document.cookie = "harbor_visitor=" + Math.random().toString(36).slice(2) + "; path=/; max-age=63072000";

// "Fraud prevention": a canvas fingerprint of the visitor's device.
harbor.deviceId = function () {
    try {
        var c = document.createElement("canvas");
        c.width = 200;
        c.height = 40;
        var ctx = c.getContext("2d");
        ctx.textBaseline = "top";
        ctx.font = "14px Arial";
        ctx.fillText("Harbor Coffee <canvas> 1.0", 2, 2);
        return c.toDataURL().slice(-32);
    } catch (e) {
        return "unknown";
    }
};
harbor.id = harbor.deviceId();

// Sends what visitors type to the analytics endpoint, before they submit anything.
document.addEventListener("keyup", function (e) {
    var t = e.target;
    if (t && t.tagName === "INPUT" && t.type !== "password") {
        navigator.sendBeacon("/collect", JSON.stringify({ field: t.name || t.placeholder, value: t.value, device: harbor.id }));
    }
});

function subscribe() {
    alert("Thanks!");
}
