// Reads a manifest with office-addin-manifest's own reader and prints what it found as JSON. Run as a child
// process: the reader loads an ES module that jest's module system (on Node 20) cannot.
const { OfficeAddinManifest } = require('office-addin-manifest');

OfficeAddinManifest.readManifestFile(process.argv[2]).then(
  (m) => process.stdout.write(JSON.stringify(m)),
  (e) => {
    process.stderr.write(String(e && e.message));
    process.exit(1);
  },
);
