<?php
// Legacy HubSpot calls with curl, streams and the WordPress HTTP API, run against
// the local stand-in (HUBSPOT_BASE) before and after the migration.
$base = getenv('HUBSPOT_BASE');
$key = getenv('HUBSPOT_API_KEY');
$devKey = getenv('HUBSPOT_DEVELOPER_API_KEY');

function status($ch)
{
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_exec($ch);
    $code = curl_getinfo($ch, CURLINFO_HTTP_CODE);
    curl_close($ch);
    return $code;
}

// curl, a concatenated URL
$ch = curl_init($base . '/contacts/v1/lists/recently_updated/contacts/recent?hapikey=' . $key . '&count=5');
echo 'recent ', status($ch), "\n";

// curl, an interpolated URL and a header array
$ch = curl_init();
curl_setopt($ch, CURLOPT_URL, "{$base}/deals/v1/deal/paged?hapikey={$key}&limit=10&properties=dealname");
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Accept: application/json']);
echo 'deals ', status($ch), "\n";

// curl_setopt_array, sprintf and a headers variable
$headers = [
    'Accept: application/json',
];
$ch = curl_init();
curl_setopt_array($ch, [
    CURLOPT_URL => sprintf('%s/companies/v2/companies/%d?hapikey=%s&includeMergeAudits=false', $base, 7, $key),
    CURLOPT_HTTPHEADER => $headers,
]);
echo 'company ', status($ch), "\n";

// http_build_query, and a PUT
$ch = curl_init($base . '/deals/v1/deal/7?' . http_build_query(['hapikey' => $key, 'tag' => 'a b']));
curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'PUT');
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['properties' => []]));
echo 'update ', status($ch), "\n";

// .= after the URL is built
$url = $base . '/engagements/v1/engagements/paged';
$url .= '?hapikey=' . $key;
$ch = curl_init($url);
echo 'engagements ', status($ch), "\n";

// a heredoc URL
$url = <<<URL
{$base}/contacts/v1/lists/all/contacts/all?hapikey={$key}&count=3
URL;
$ch = curl_init($url);
echo 'heredoc ', status($ch), "\n";

// file_get_contents without and with a stream context
$ignored = @file_get_contents("$base/owners/v2/owners?hapikey=$key&includeInactive=true");
$context = stream_context_create(['http' => ['method' => 'GET', 'header' => "Accept: application/json\r\n", 'ignore_errors' => true]]);
file_get_contents($base . '/crm-pipelines/v1/pipelines/deals?hapikey=' . $key, false, $context);
echo 'pipelines ', explode(' ', $http_response_header[0])[1], "\n";

// a developer key keeps hapikey; a form submission needs no key
$ch = curl_init($base . '/webhooks/v1/12345/subscriptions?hapikey=' . $devKey);
echo 'webhooks ', status($ch), "\n";
$ch = curl_init($base . '/uploads/form/v2/62515/aa11bb22-cc33?hapikey=' . $key . '&source=test');
curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query(['email' => 'ada@example.com']));
status($ch);
echo "form sent\n";
