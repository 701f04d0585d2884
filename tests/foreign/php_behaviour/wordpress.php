<?php
// A WordPress plugin's HubSpot calls (the HTTP API is stubbed over curl by
// wp_stub.php), run against the local stand-in before and after the migration.
$base = getenv('HUBSPOT_BASE');

// WordPress
function wp_find_contact($email)
{
    global $base; // a parameter would be the callers' host: left for a person
    $url = add_query_arg('hapikey', get_option('hubspot_api_key'), $base . '/contacts/v1/contact/email/' . rawurlencode($email) . '/profile');
    $response = wp_remote_get($url, array('timeout' => 10));
    return wp_remote_retrieve_response_code($response);
}
echo 'wp contact ', wp_find_contact('ada@example.com'), "\n";

$response = wp_remote_post($base . '/contacts/v1/contact?hapikey=' . get_option('hubspot_api_key'), array(
    'headers' => array('Content-Type' => 'application/json'),
    'body' => json_encode(array('properties' => array())),
));
echo 'wp create ', wp_remote_retrieve_response_code($response), "\n";


// a class whose private helper makes every request
class Hub_Client
{
    private $base;
    private $key;

    public function __construct()
    {
        $this->base = getenv('HUBSPOT_BASE'); // not a parameter: see wp_find_contact
        $this->key = get_option('hubspot_api_key');
    }

    private function call($url, $method = 'GET', $body = null)
    {
        $args = array('method' => $method, 'timeout' => 10);
        if ($body !== null) {
            $args['body'] = json_encode($body);
        }
        return wp_remote_retrieve_response_code(wp_remote_request($url, $args));
    }

    public function owners()
    {
        return $this->call($this->base . '/owners/v2/owners?hapikey=' . $this->key . '&email=ada%40example.com');
    }

    public function close_deal($id)
    {
        return $this->call($this->base . '/deals/v1/deal/' . $id . '?hapikey=' . $this->key, 'PUT', array('properties' => array()));
    }
}
$client = new Hub_Client();
echo 'helper owners ', $client->owners(), "\n";
echo 'helper deal ', $client->close_deal(7), "\n";
