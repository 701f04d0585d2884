<?php
// A WordPress plugin's HubSpot calls (the HTTP API is stubbed over curl by
// wp_stub.php), run against the local stand-in before and after the migration.
$base = getenv('HUBSPOT_BASE');

// WordPress
function wp_find_contact($base, $email)
{
    $url = add_query_arg('hapikey', get_option('hubspot_api_key'), $base . '/contacts/v1/contact/email/' . rawurlencode($email) . '/profile');
    $response = wp_remote_get($url, array('timeout' => 10));
    return wp_remote_retrieve_response_code($response);
}
echo 'wp contact ', wp_find_contact($base, 'ada@example.com'), "\n";

$response = wp_remote_post($base . '/contacts/v1/contact?hapikey=' . get_option('hubspot_api_key'), array(
    'headers' => array('Content-Type' => 'application/json'),
    'body' => json_encode(array('properties' => array())),
));
echo 'wp create ', wp_remote_retrieve_response_code($response), "\n";

