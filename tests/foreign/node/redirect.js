// Preloaded (node --require): HubSpot's hosts lead to the local stand-in, for
// fetch and for https.get, so the programs keep their real URLs.
"use strict";
const http = require("http");
const https = require("https");

const standin = process.env.STANDIN_URL;
const swap = (url) =>
  String(url).replace(/^https:\/\/(api\.hubapi\.com|forms\.hubspot\.com)/, standin);

const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) =>
  realFetch(input instanceof URL ? swap(input.href) : typeof input === "string" ? swap(input) : input, init);

https.get = (url, options, callback) => {
  if (typeof options === "function") {
    callback = options;
    options = {};
  }
  return http.get(swap(url instanceof URL ? url.href : url), options, callback);
};
