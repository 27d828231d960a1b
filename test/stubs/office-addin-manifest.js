// Jest stand-in for office-addin-manifest: the real package pulls ESM-only dependencies that jest
// cannot load (docs/ENVIRONMENT.md), and office-addin-mock only needs its OfficeApp enum.
// Values copied from office-addin-manifest/lib/officeApp.js.

const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});

module.exports = { OfficeApp };
