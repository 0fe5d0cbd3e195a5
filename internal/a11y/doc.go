// Package a11y holds the accessibility tests of the built sites: axe-core
// (npm, pinned in package.json, installed by .ci/run into node_modules
// here) runs in headless Chromium over every kind of page of both targets,
// for the sample site and a generated one.
package a11y
