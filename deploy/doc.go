// Package deploy holds the server configuration an office deploys a web
// build with (nginx.conf) and the test that runs it in a real nginx.
package deploy
