// A legacy Node worker sending the portal API key every way the codemod knows.
const axios = require('axios');
const https = require('https');
const request = require('request');

const HAPIKEY = process.env.HAPIKEY;
const BASE = 'https://api.hubapi.com';

async function recent(count) {
  const url = BASE + '/contacts/v1/lists/recently_updated/contacts/recent?hapikey=' + HAPIKEY + '&count=' + count;
  const res = await fetch(url, { method: 'GET' });
  return res.status;
}

async function lists() {
  const res = await fetch(`${BASE}/contacts/v1/lists?hapikey=${process.env.HAPIKEY}&count=250`);
  return res.status;
}

async function update(vid) {
  const res = await fetch(BASE + "/contacts/v1/contact/vid/" + vid + "/profile?hapikey=" + HAPIKEY, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ properties: [] }),
  });
  return res.status;
}

async function companies() {
  const response = await axios.get(`${BASE}/companies/v2/companies/paged`, {
    params: { hapikey: HAPIKEY, limit: 100 },
  });
  return response.status;
}

async function createContact() {
  const response = await axios.post(`${BASE}/crm/v3/objects/contacts?hapikey=${HAPIKEY}`, { properties: {} }, {
    headers: { 'Content-Type': 'application/json' },
  });
  return response.status;
}

async function engagementsViaConfig() {
  const response = await axios({ method: 'get', url: `${BASE}/engagements/v1/engagements/paged`, params: { hapikey: HAPIKEY, limit: 3 } });
  return response.status;
}

async function search(q) {
  const params = new URLSearchParams({ hapikey: HAPIKEY, q });
  const res = await fetch(`${BASE}/contacts/v1/search/query?${params}`);
  return res.status;
}

async function paged(offset) {
  const qs = new URLSearchParams();
  qs.append('hapikey', HAPIKEY);
  qs.append('offset', String(offset));
  const res = await fetch(BASE + '/deals/v1/deal/paged?' + qs.toString());
  return res.status;
}

async function owners() {
  const url = new URL(BASE + '/crm/v3/owners');
  url.searchParams.set('hapikey', HAPIKEY);
  url.searchParams.set('limit', '10');
  const res = await fetch(url);
  return res.status;
}

const hubspot = axios.create({
  baseURL: 'https://api.hubapi.com',
  params: { hapikey: HAPIKEY },
});

async function viaInstance(vid) {
  const response = await hubspot.get(`/contacts/v1/contact/vid/${vid}/profile`);
  return response.status;
}

function engagements() {
  return new Promise((resolve, reject) => {
    https.get(`${BASE}/engagements/v1/engagements/paged?hapikey=${HAPIKEY}&limit=5`, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    }).on('error', reject);
  });
}

function contactProfile(vid) {
  return new Promise((resolve) => {
    request({
      uri: `${BASE}/contacts/v1/contact/vid/${vid}/profile`,
      qs: { hapikey: HAPIKEY, showListMemberships: true },
      json: true,
    }, (error, response) => resolve(response.statusCode));
  });
}

function pipelines() {
  return new Promise((resolve) => {
    request.get(BASE + '/crm-pipelines/v1/pipelines/deals?hapikey=' + HAPIKEY, (error, response) => resolve(response.statusCode));
  });
}

async function submitForm() {
  const res = await fetch(`https://forms.hubspot.com/uploads/form/v2/62515/abc-123?hapikey=${HAPIKEY}`, {
    method: 'POST',
    body: 'email=ada%40example.com',
  });
  return res.status;
}

(async () => {
  const tasks = [
    () => recent(5), lists, () => update(51), companies, createContact, engagementsViaConfig,
    () => search('ada'), () => paged(20), owners, () => viaInstance(51), engagements, () => contactProfile(51), pipelines, submitForm,
  ];
  for (const task of tasks) {
    try {
      console.log(await task());
    } catch (error) {
      console.log(error.response ? error.response.status : 'error ' + error.message);
    }
  }
})();
