// Concrete remedies for the axe rules sites fail most (WebAIM Million's top failures plus ARIA naming).
// Rules without an entry fall back to axe's own help text and failure summary, which are specific enough.
export const AXE_FIX_GUIDANCE: Record<string, string> = {
  "color-contrast":
    "Darken the text or lighten its background until the contrast ratio is at least 4.5:1 (3:1 for text of 24px, or 18.66px bold, and larger). Check hover/focus states and text over images too.",
  "image-alt":
    'Give every <img> an alt attribute: a short description of what the image conveys, or alt="" when it is purely decorative.',
  "input-image-alt": 'Add an alt attribute to <input type="image"> that says what the button does (e.g. alt="Search").',
  "role-img-alt": 'Elements with role="img" need an accessible name: add aria-label or aria-labelledby.',
  "svg-img-alt": 'Give <svg role="img"> a <title> child or an aria-label describing the graphic.',
  "area-alt": "Give each <area> of an image map an alt attribute naming its destination.",
  "object-alt": "Give <object> elements a text alternative via aria-label, aria-labelledby or title.",
  label:
    'Associate a visible <label for="id"> with each form field (or wrap the field in the label). aria-label works but a visible label helps everyone; placeholder text is not a label.',
  "select-name": "Associate a <label> with each <select>, or give it aria-label/aria-labelledby.",
  "button-name":
    'Give every button a name screen readers can announce: visible text, or aria-label on icon-only buttons (e.g. <button aria-label="Close">).',
  "input-button-name": 'Give <input type="button|submit|reset"> a non-empty value attribute or aria-label.',
  "link-name":
    "Give every link discernible text: visible text, alt text on a linked image, or aria-label for icon-only links.",
  "html-has-lang": 'Declare the page language on the root element, e.g. <html lang="en">, so screen readers pick the right voice.',
  "html-lang-valid": 'Use a valid BCP 47 language tag in <html lang>, e.g. "en", "en-GB", "fr".',
  "valid-lang": "Use valid BCP 47 language tags in every lang attribute on the page.",
  "document-title": "Give the page a unique, descriptive <title> that says what the page is about.",
  "frame-title": "Give every <iframe> a title attribute describing its content (e.g. title=\"Product video\").",
  "meta-viewport":
    'Let users zoom: remove user-scalable=no and any maximum-scale below 2 from <meta name="viewport"> (use "width=device-width, initial-scale=1").',
  "meta-refresh": "Remove timed <meta http-equiv=\"refresh\"> redirects or reloads; redirect on the server (301/302) instead.",
  "duplicate-id-aria": "Make every id referenced by ARIA (aria-labelledby, aria-describedby, label for) unique on the page.",
  "aria-hidden-focus":
    'Elements inside aria-hidden="true" must not be focusable: remove them from the tab order (tabindex="-1", disabled or inert) or drop aria-hidden.',
  "aria-required-attr": "Add the ARIA attributes the role requires (e.g. aria-checked on role=\"checkbox\").",
  "aria-valid-attr-value": "Fix ARIA attribute values: referenced ids must exist and tokens must be allowed for the attribute.",
  "aria-roles": "Use only valid, non-abstract ARIA role values.",
  "list": "Only put <li>, <script> or <template> directly inside <ul>/<ol>.",
  "listitem": "Put <li> elements inside a <ul>, <ol> or an element with role=\"list\".",
  "bypass": 'Add a "Skip to main content" link as the first focusable element, or wrap the main content in <main>.',
  "nested-interactive": "Do not put links, buttons or inputs inside other interactive elements; make them siblings.",
  "target-size": "Make touch targets at least 24x24 CSS pixels, or leave enough spacing around smaller ones.",
  "autocomplete-valid": "Use valid autocomplete tokens on personal-data fields (e.g. autocomplete=\"email\", \"given-name\").",
  "link-in-text-block":
    "Make links inside text distinguishable without colour: keep the underline, or ensure 3:1 contrast with surrounding text plus a non-colour focus/hover cue.",
  "scrollable-region-focusable": 'Make scrollable regions keyboard reachable: add tabindex="0" and an accessible name, or include focusable content.',
  "video-caption": "Provide captions for videos with a <track kind=\"captions\"> element.",
  "no-autoplay-audio": "Do not autoplay audio longer than 3 seconds, or provide a control to pause or mute it.",
};
