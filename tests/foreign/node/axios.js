// A stand-in for axios (no npm in the tests): its request shapes over Node's fetch.
// axios(url, config), axios(config), axios.get/delete(url, config),
// axios.post/put/patch(url, data, config), axios.create(defaults) with baseURL,
// params and headers; a status of 400 or more rejects, as axios does.
"use strict";

function build(defaults) {
  async function request(config) {
    const merged = {
      ...defaults,
      ...config,
      headers: { ...(defaults.headers || {}), ...(config.headers || {}) },
      params: { ...(defaults.params || {}), ...(config.params || {}) },
    };
    let url = merged.url;
    if (merged.baseURL && !/^https?:/.test(url)) {
      url = merged.baseURL.replace(/\/$/, "") + url;
    }
    const query = new URLSearchParams(merged.params).toString();
    if (query) url += (url.includes("?") ? "&" : "?") + query;
    const init = { method: (merged.method || "get").toUpperCase(), headers: merged.headers };
    if (merged.data !== undefined) {
      init.body = JSON.stringify(merged.data);
      init.headers = { "Content-Type": "application/json", ...init.headers };
    }
    const res = await fetch(url, init);
    const data = await res.json();
    if (res.status >= 400) {
      const error = new Error("Request failed with status code " + res.status);
      error.response = { status: res.status, data };
      throw error;
    }
    return { status: res.status, data };
  }
  const axios = (urlOrConfig, config) =>
    typeof urlOrConfig === "string" ? request({ ...config, url: urlOrConfig }) : request(urlOrConfig);
  axios.request = request;
  for (const method of ["get", "delete", "head", "options"]) {
    axios[method] = (url, config) => request({ ...config, url, method });
  }
  for (const method of ["post", "put", "patch"]) {
    axios[method] = (url, data, config) => request({ ...config, url, data, method });
  }
  axios.create = (more) => build({ ...defaults, ...more });
  return axios;
}

module.exports = build({});
module.exports.default = module.exports;
