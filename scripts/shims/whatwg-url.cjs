// node-fetch v2 prefers Node's own URL (`Url.URL || whatwgUrl.URL`); this keeps the 280 KB whatwg-url/tr46
// polyfill out of the bundle.
module.exports = { URL: require('node:url').URL };
