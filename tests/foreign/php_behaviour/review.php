<?php
// The shapes an eighth review found migrated wrongly, run against the local
// stand-in (HUBSPOT_BASE; OTHER_BASE plays another service) before and after
// the migration. Each line prints "<label> <path>" so the test can pair requests.
$base = getenv('HUBSPOT_BASE');
$key = getenv('HUBSPOT_API_KEY');

function send($ch)
{
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_exec($ch);
    curl_close($ch);
}

// migrated: the one configured key, to a HubSpot endpoint
$ch = curl_init($base . '/owners/v2/owners?hapikey=' . $key);
send($ch);

// left (W12): a loop over two portals' keys
function portals($base)
{
    foreach (['eu' => getenv('KEY_EU'), 'us' => getenv('KEY_US')] as $region => $portalKey) {
        send(curl_init($base . '/contacts/v1/lists?hapikey=' . $portalKey . '&region=' . $region));
    }
}
portals($base);

// left (W12): a sandbox key chosen on one path
function sandbox($base)
{
    $sandboxKey = getenv('KEY_EU');
    if (getenv('APP_ENV') === 'staging') {
        $sandboxKey = getenv('KEY_US');
    }
    send(curl_init($base . '/deals/v1/deal/paged?hapikey=' . $sandboxKey));
}
sandbox($base);

// left (W6): a URL whose host and path are known only at run time
function target()
{
    $target = getenv('OTHER_BASE') . '/v1/customers';
    send(curl_init($target . '?hapikey=' . getenv('HUBSPOT_API_KEY') . '&limit=2'));
}
target();

// left (W11): a private helper also given another service's URL through a callable
class Hs
{
    private $base;
    public function __construct($base) { $this->base = $base; }
    private function request($url)
    {
        send(curl_init($url));
    }
    public function companies()
    {
        $this->request(getenv('HUBSPOT_BASE') . '/companies/v2/companies/paged?hapikey=' . getenv('HUBSPOT_API_KEY'));
    }
    public function charges()
    {
        array_map([$this, 'request'], [getenv('OTHER_BASE') . '/v1/charges']);
    }
}
$hs = new Hs($base);
$hs->companies();
$hs->charges();

echo "done\n";
