// A stand-in for the request package (no npm in the tests): request(options, callback),
// request(url, options?, callback), request.get/post(...) with uri/url, qs, headers,
// method and json, over Node's fetch.
"use strict";

function request(first, second, third) {
  let options = typeof first === "string" ? { uri: first } : { ...first };
  let callback = second;
  if (typeof second === "object" && second !== null) {
    options = { ...options, ...second };
    callback = third;
  }
  let url = options.uri || options.url;
  const query = new URLSearchParams(options.qs || {}).toString();
  if (query) url += (url.includes("?") ? "&" : "?") + query;
  fetch(url, { method: (options.method || "GET").toUpperCase(), headers: options.headers || {} })
    .then(async (res) => {
      const text = await res.text();
      callback(null, { statusCode: res.status }, options.json ? JSON.parse(text) : text);
    })
    .catch((error) => callback(error));
}

for (const method of ["get", "post", "put", "patch", "delete"]) {
  request[method] = (first, second, third) =>
    typeof second === "function"
      ? request({ ...(typeof first === "string" ? { uri: first } : first), method }, second)
      : request({ ...(typeof first === "string" ? { uri: first } : first), ...second, method }, third);
}

module.exports = request;
